import { shell, type WebContents } from 'electron';
import { decideNavigation, decideRedirect, decideWindowOpen } from './navigation-policy.js';

export interface HardenOptions {
  appOrigin: string;
  log: (message: string) => void;
}

/**
 * Applied from `web-contents-created` to every webContents, the console's included, so nothing
 * created later (a devtools-opened page, a future dialog) escapes the lock.
 */
export function hardenWebContents(contents: WebContents, options: HardenOptions): void {
  const { appOrigin, log } = options;

  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url, appOrigin).openExternally) openInBrowser(url, log);
    else log(`blocked window.open to ${describe(url)}`);
    return { action: 'deny' };
  });

  contents.on('will-navigate', (event) => {
    const decision = decideNavigation(event.url, appOrigin);
    if (decision.allow) return;
    event.preventDefault();
    if (decision.openExternally) openInBrowser(event.url, log);
    else log(`blocked navigation to ${describe(event.url)}`);
  });

  // Subframes only show up here (the main frame is handled above, where links may open in the
  // browser); the console has no iframes, so none may load anything off-origin.
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || decideRedirect(event.url, appOrigin).allow) return;
    event.preventDefault();
    log(`blocked frame navigation to ${describe(event.url)}`);
  });

  contents.on('will-redirect', (event) => {
    if (decideRedirect(event.url, appOrigin).allow) return;
    event.preventDefault();
    log(`blocked redirect to ${describe(event.url)}`);
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('blocked <webview>');
  });
}

function openInBrowser(url: string, log: (message: string) => void): void {
  shell.openExternal(url).catch((error: unknown) => log(`could not open ${describe(url)} in the browser: ${String(error)}`));
}

/** Logs name the scheme and host only: query strings can carry private data. */
function describe(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : parsed.protocol;
  } catch {
    return 'an unparsable URL';
  }
}
