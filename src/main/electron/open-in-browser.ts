import { isSafeExternalUrl } from './navigation-policy.js';

/**
 * Opens a sign-in link (Google's or Microsoft's consent page) in the person's own browser, where
 * they are already signed in and the address bar shows whose page it is; never in an app window.
 * Only plain http(s) links go out; the answer says whether the browser was asked to open it, so
 * the console can fall back to showing the link.
 */
export function createBrowserOpener(openExternal: (url: string) => Promise<void>, log: (message: string) => void): (url: string) => Promise<boolean> {
  return async (url) => {
    if (!isSafeExternalUrl(url)) {
      log('refused to open a sign-in link that is not a plain web address');
      return false;
    }
    try {
      await openExternal(url);
      return true;
    } catch (error) {
      log(`could not open the system browser for the sign-in: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  };
}
