import { CONSOLE_SESSION_PARAM, CONSOLE_TOKEN_META, CONSOLE_TOKEN_PARAM, CONSOLE_WS_PATH } from '../../shared/contract/wire.js';
import type { ConnectionAttempt } from './websocket-transport.js';

/** The parts of `window` the headless console needs to find its WebSocket. */
export interface BrowserPage {
  readonly location: { readonly protocol: string; readonly host: string; readonly href: string };
  readonly document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null };
  /** Used to re-read the token after a reconnect; absent means "keep the token we have". */
  readonly fetch?: (url: string, init: { cache: 'no-store'; credentials: 'same-origin' }) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;
}

const META_SELECTOR = `meta[name="${CONSOLE_TOKEN_META}"]`;

/** The per-launch token the appliance injected into the page, or null (e.g. the Vite dev server). */
export function readConsoleToken(document: BrowserPage['document']): string | null {
  const content = document.querySelector(META_SELECTOR)?.getAttribute('content')?.trim();
  return content ? content : null;
}

/** Finds the token in an HTML document's text without running it. */
export function readConsoleTokenFromHtml(html: string): string | null {
  for (const match of html.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = match[0];
    if (attribute(tag, 'name') !== CONSOLE_TOKEN_META) continue;
    const content = attribute(tag, 'content')?.trim();
    return content ? content : null;
  }
  return null;
}

function attribute(tag: string, name: string): string | null {
  const found = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  if (!found) return null;
  return found[1] ?? found[2] ?? found[3] ?? null;
}

/**
 * `ws(s)://<the page's host>/ws?token=…` — same host and port the page came from; with the
 * sign-in's session token too, so a reconnect comes back signed in.
 */
export function consoleSocketUrl(location: BrowserPage['location'], token: string | null, session: string | null = null): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const url = new URL(`${scheme}//${location.host}${CONSOLE_WS_PATH}`);
  if (token) url.searchParams.set(CONSOLE_TOKEN_PARAM, token);
  if (session) url.searchParams.set(CONSOLE_SESSION_PARAM, session);
  return url.toString();
}

/**
 * The URL resolver for `WebSocketTransport` in a browser. The first attempt uses the token in the
 * page; a reconnect first re-loads the page (same origin, so only this console can read it),
 * because a restarted appliance mints a new token. If the page cannot load, the appliance is
 * still down and the attempt fails without opening a socket.
 */
export function browserSocketUrlResolver(page: BrowserPage, session: () => string | null = () => null): (attempt: ConnectionAttempt) => Promise<string> {
  let token = readConsoleToken(page.document);
  return async (attempt) => {
    if (attempt.index > 0 && page.fetch) {
      const pageUrl = page.location.href.split('#')[0] ?? page.location.href;
      const response = await page.fetch(pageUrl, { cache: 'no-store', credentials: 'same-origin' });
      if (!response.ok) throw new Error(`The console page answered ${response.status}.`);
      token = readConsoleTokenFromHtml(await response.text()) ?? token;
    }
    return consoleSocketUrl(page.location, token, session());
  };
}
