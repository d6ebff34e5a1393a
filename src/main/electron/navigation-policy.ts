import { isAppOriginUrl, parseUrl } from './app-origin.js';

export type NavigationDecision = { allow: true } | { allow: false; openExternally: boolean };

/** The console may only ever show its own pages; anything else would run with the bridge attached. */
export function isAllowedNavigation(url: string, appOrigin: string): boolean {
  return isAppOriginUrl(url, appOrigin);
}

/**
 * Links worth handing to the system browser: plain http(s) with a host and no embedded
 * credentials. Everything else (file:, javascript:, custom protocol handlers like ms-msdt:) could
 * launch local programs through the OS, so it is dropped.
 */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  return parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

/** `will-navigate`: stay inside the app; a clicked external link opens in the user's browser instead. */
export function decideNavigation(url: string, appOrigin: string): NavigationDecision {
  if (isAllowedNavigation(url, appOrigin)) return { allow: true };
  return { allow: false, openExternally: isSafeExternalUrl(url) };
}

/**
 * `will-redirect` is never user-initiated, so a redirect off the app origin is refused without
 * opening anything.
 */
export function decideRedirect(url: string, appOrigin: string): NavigationDecision {
  return isAllowedNavigation(url, appOrigin) ? { allow: true } : { allow: false, openExternally: false };
}

/**
 * `window.open` / target=_blank: no second window is ever created (it would need its own
 * hardening and could outlive the console); external links go to the browser.
 */
export function decideWindowOpen(url: string, appOrigin: string): { openExternally: boolean } {
  if (isAppOriginUrl(url, appOrigin)) return { openExternally: false };
  return { openExternally: isSafeExternalUrl(url) };
}
