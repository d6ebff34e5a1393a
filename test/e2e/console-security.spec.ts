import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import { consoleSocketUrl, fetchConsoleToken } from './support/console-page.js';
import { expect, test } from './support/fixtures.js';

type SocketOutcome = 'opened' | `refused (${string})`;

/** Opens a raw WebSocket from Node with chosen Origin and token; reports whether the server let it in. */
function rawSocket(url: string, origin: string | undefined): Promise<SocketOutcome> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, origin === undefined ? {} : { origin });
    socket.once('open', () => {
      socket.close();
      resolve('opened');
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(`refused (${response.statusCode ?? 'no status'})`);
      socket.terminate();
    });
    socket.once('error', (error) => resolve(`refused (${error.message})`));
  });
}

/** A page on another origin (another local port), as a malicious or careless local web app would be. */
async function startOtherOrigin(): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>Another site</title><p>Another site</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

test.describe('console WebSocket access', () => {
  test('refuses raw sockets without the token, with a wrong token, or from a foreign origin', async ({ appliance }) => {
    const token = await fetchConsoleToken(appliance.consoleUrl);
    const ownOrigin = new URL(appliance.consoleUrl).origin;

    // The positive control: the console's own origin with the page's token gets in.
    expect(await rawSocket(consoleSocketUrl(appliance.consoleUrl, token), ownOrigin)).toBe('opened');

    expect(await rawSocket(consoleSocketUrl(appliance.consoleUrl), ownOrigin)).toMatch(/^refused/);
    expect(await rawSocket(consoleSocketUrl(appliance.consoleUrl, ''), ownOrigin)).toMatch(/^refused/);
    expect(await rawSocket(consoleSocketUrl(appliance.consoleUrl, `${token}x`), ownOrigin)).toMatch(/^refused/);
    expect(await rawSocket(consoleSocketUrl(appliance.consoleUrl, 'wrong-token'), ownOrigin)).toMatch(/^refused/);
    expect(await rawSocket(consoleSocketUrl(appliance.consoleUrl, token), 'http://evil.example')).toMatch(/^refused/);
    expect(await rawSocket(consoleSocketUrl(appliance.consoleUrl, token), undefined)).toMatch(/^refused/);
  });

  test('a page from another origin can neither read the token nor open the socket', async ({ page, appliance }) => {
    const other = await startOtherOrigin();
    try {
      const token = await fetchConsoleToken(appliance.consoleUrl);
      await page.goto(other.url);
      await expect(page.getByText('Another site')).toBeVisible();

      const attempt = (url: string) =>
        page.evaluate(
          (target) =>
            new Promise<string>((resolve) => {
              const socket = new WebSocket(target);
              socket.onopen = () => {
                socket.close();
                resolve('opened');
              };
              socket.onclose = (event) => resolve(`closed ${event.code}`);
            }),
          url,
        );

      // Even with the right token, the Origin gives the page away.
      expect(await attempt(consoleSocketUrl(appliance.consoleUrl, token))).toMatch(/^closed/);
      expect(await attempt(consoleSocketUrl(appliance.consoleUrl, 'wrong-token'))).toMatch(/^closed/);
      expect(await attempt(consoleSocketUrl(appliance.consoleUrl))).toMatch(/^closed/);

      // And it cannot learn the token: the console page is not readable cross-origin.
      const read = await page.evaluate(async (consoleUrl) => {
        try {
          const html = await (await fetch(consoleUrl)).text();
          return html.includes('frontdesk-console-token') ? 'read the token' : 'read the page';
        } catch {
          return 'blocked';
        }
      }, appliance.consoleUrl);
      expect(read).toBe('blocked');

      // The same socket from the console's own page opens: the refusals above are about origin.
      await page.goto(appliance.consoleUrl);
      expect(await attempt(consoleSocketUrl(appliance.consoleUrl, token))).toBe('opened');
    } finally {
      await new Promise<void>((resolve) => other.server.close(() => resolve()));
    }
  });
});
