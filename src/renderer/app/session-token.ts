/** Where this browser keeps its sign-in, so a reload, a reconnect or a second tab stays signed in until it expires. */
const SESSION_KEY = 'frontdesk.session';

export function readSessionToken(): string | null {
  try {
    return globalThis.localStorage?.getItem(SESSION_KEY) ?? null;
  } catch {
    return null;
  }
}

export function writeSessionToken(token: string | null): void {
  try {
    if (token === null) globalThis.localStorage?.removeItem(SESSION_KEY);
    else globalThis.localStorage?.setItem(SESSION_KEY, token);
  } catch {
    // Without storage the sign-in lasts as long as this page's connection.
  }
}
