/**
 * The console is served from a custom privileged scheme rather than file:// so it gets a real,
 * narrow origin: file:// would grant the page every file on disk as "same origin".
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'console';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** `new URL` that answers null instead of throwing: every policy treats unparsable input as hostile. */
export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only when `url` is on exactly the app's origin: same scheme and host, no port, no
 * credentials. Hosts are compared without case because Chromium lowercases standard schemes'
 * hosts while Node's parser leaves non-special schemes' hosts as written.
 */
export function isAppOriginUrl(url: string, appOrigin: string): boolean {
  const target = parseUrl(url);
  const origin = parseUrl(appOrigin);
  if (!target || !origin || origin.host === '') return false;
  return (
    target.protocol === origin.protocol &&
    target.host.toLowerCase() === origin.host.toLowerCase() &&
    target.username === '' &&
    target.password === ''
  );
}
