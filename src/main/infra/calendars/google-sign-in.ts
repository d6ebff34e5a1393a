import { googleOAuthClient, type GoogleOptions, type GoogleTokens } from './google-adapter.js';
import { listenForRedirect } from './loopback-redirect.js';

const SCOPES = ['https://www.googleapis.com/auth/calendar.events', 'https://www.googleapis.com/auth/calendar.readonly'];

export interface PendingSignIn<T = GoogleTokens> {
  /** Open this in a browser (the desktop app opens it; headless, the console shows it). */
  url: string;
  /** Settles when the provider redirects back to the loopback listener (or the sign-in fails or times out). */
  tokens: Promise<T>;
  cancel(): void;
}

/**
 * Google's installed-app sign-in: a one-shot listener on 127.0.0.1 receives the redirect, PKCE
 * (S256) binds the code to this process, and `access_type=offline` with `prompt=consent` yields
 * the refresh token that goes to the vault.
 */
export async function startGoogleSignIn(options: GoogleOptions & { timeoutMs?: number }): Promise<PendingSignIn> {
  if (!options.clientId) throw new Error('Google sign-in needs GOOGLE_CLIENT_ID (a "Desktop app" OAuth client).');
  let codeVerifier = '';
  const pending = await listenForRedirect(
    'Google Calendar',
    async (code, redirectUri) => (await client.getToken({ code, codeVerifier, redirect_uri: redirectUri })).tokens,
    options.timeoutMs,
  );
  const client = googleOAuthClient(options, pending.redirectUri);
  const pkce = await client.generateCodeVerifierAsync();
  codeVerifier = pkce.codeVerifier;
  const url = client.generateAuthUrl({
    access_type: 'offline',
    prompt: 'consent',
    scope: SCOPES,
    state: pending.state,
    code_challenge: pkce.codeChallenge,
    code_challenge_method: 'S256' as never,
  });
  return { url, tokens: pending.result, cancel: pending.cancel };
}
