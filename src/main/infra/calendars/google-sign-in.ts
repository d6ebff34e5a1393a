import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { googleOAuthClient, type GoogleOptions, type GoogleTokens } from './google-adapter.js';

const SCOPES = ['https://www.googleapis.com/auth/calendar.events', 'https://www.googleapis.com/auth/calendar.readonly'];
const PAGE = (text: string) => `<!doctype html><meta charset="utf-8"><title>Frontdesk</title><p style="font:16px system-ui;margin:3em">${text}</p>`;

export interface PendingSignIn {
  /** Open this in a browser (the desktop app opens it; headless, the console shows it). */
  url: string;
  /** Settles when Google redirects back to the loopback listener (or the sign-in fails or times out). */
  tokens: Promise<GoogleTokens>;
  cancel(): void;
}

/**
 * Google's installed-app sign-in: a one-shot listener on 127.0.0.1 receives the redirect, PKCE
 * (S256) binds the code to this process, and `access_type=offline` with `prompt=consent` yields
 * the refresh token that goes to the vault.
 */
export async function startGoogleSignIn(options: GoogleOptions & { timeoutMs?: number }): Promise<PendingSignIn> {
  if (!options.clientId) throw new Error('Google sign-in needs GOOGLE_CLIENT_ID (a "Desktop app" OAuth client).');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const client = googleOAuthClient(options, redirectUri);
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  const state = randomBytes(16).toString('hex');
  const url = client.generateAuthUrl({
    access_type: 'offline',
    prompt: 'consent',
    scope: SCOPES,
    state,
    code_challenge: codeChallenge,
    code_challenge_method: 'S256' as never,
  });
  let timer: NodeJS.Timeout | undefined;
  const close = () => {
    clearTimeout(timer);
    server.close();
    server.closeAllConnections();
  };
  const tokens = new Promise<GoogleTokens>((resolve, reject) => {
    timer = setTimeout(() => {
      close();
      reject(new Error('The Google sign-in was not finished in time.'));
    }, options.timeoutMs ?? 10 * 60_000);
    server.on('request', (req, res) => {
      const params = new URL(req.url ?? '/', redirectUri).searchParams;
      const code = params.get('code');
      if (params.get('state') !== state || (!code && !params.get('error'))) {
        res.writeHead(400, { 'content-type': 'text/html' }).end(PAGE('This sign-in link is not the one Frontdesk opened. Start again from Frontdesk.'));
        return;
      }
      if (!code) {
        res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE('Google sign-in was cancelled. You can close this window.'));
        close();
        reject(new Error(`Google sign-in was not allowed (${params.get('error')}).`));
        return;
      }
      client.getToken({ code, codeVerifier, redirect_uri: redirectUri }).then(
        ({ tokens: got }) => {
          res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE('Frontdesk is connected to your Google Calendar. You can close this window.'));
          close();
          resolve(got);
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'text/html' }).end(PAGE('Google did not accept the sign-in. Start again from Frontdesk.'));
          close();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  });
  return { url, tokens, cancel: close };
}
