import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const PAGE = (text: string) => `<!doctype html><meta charset="utf-8"><title>Frontdesk</title><p style="font:16px system-ui;margin:3em">${text}</p>`;

export interface LoopbackRedirect<T> {
  /** `http://127.0.0.1:PORT/`: the redirect URI to register in the authorization request. */
  redirectUri: string;
  /** Binds the browser's answer to this sign-in. */
  state: string;
  /** Settles when the browser comes back with a code (exchanged by `exchange`), an error, or nothing in time. */
  result: Promise<T>;
  cancel(): void;
}

/**
 * A one-shot listener on 127.0.0.1 for an installed app's OAuth redirect (RFC 8252): it checks
 * the state, hands the code to `exchange` (which redeems it with the PKCE verifier) and shows a
 * plain page the person can close. Shared by the Google and Microsoft sign-ins.
 */
export async function listenForRedirect<T>(service: string, exchange: (code: string, redirectUri: string) => Promise<T>, timeoutMs = 10 * 60_000): Promise<LoopbackRedirect<T>> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // A sign-in nobody finishes must not keep the process alive.
  server.unref();
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const state = randomBytes(16).toString('hex');
  let timer: NodeJS.Timeout | undefined;
  const close = () => {
    clearTimeout(timer);
    server.close();
    server.closeAllConnections();
  };
  const result = new Promise<T>((resolve, reject) => {
    timer = setTimeout(() => {
      close();
      reject(new Error(`The ${service} sign-in was not finished in time.`));
    }, timeoutMs);
    timer.unref();
    server.on('request', (req, res) => {
      const params = new URL(req.url ?? '/', redirectUri).searchParams;
      const code = params.get('code');
      if (params.get('state') !== state || (!code && !params.get('error'))) {
        res.writeHead(400, { 'content-type': 'text/html' }).end(PAGE('This sign-in link is not the one Frontdesk opened. Start again from Frontdesk.'));
        return;
      }
      if (!code) {
        res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE(`${service} sign-in was cancelled. You can close this window.`));
        close();
        reject(new Error(`${service} sign-in was not allowed (${params.get('error')}).`));
        return;
      }
      exchange(code, redirectUri).then(
        (value) => {
          res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE(`Frontdesk is connected to your ${service}. You can close this window.`));
          close();
          resolve(value);
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'text/html' }).end(PAGE(`${service} did not accept the sign-in. Start again from Frontdesk.`));
          close();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  });
  return { redirectUri, state, result, cancel: close };
}
