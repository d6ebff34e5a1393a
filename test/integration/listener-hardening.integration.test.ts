import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app/index.js';
import { DEFAULT_LIMITS } from '../../src/main/server/listener-guard.js';
import { PublicListener } from '../../src/main/server/public/public-listener.js';
import { closedByServer, openSocket, rawRequest } from '../support/raw-http.js';
import { makeTempDir } from '../support/temp-dir.js';
import { testConfig } from '../support/test-config.js';

const running: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of running.splice(0)) await stop();
});

async function startApp() {
  const { dir, cleanup } = makeTempDir();
  const app: App = createApp(testConfig(dir));
  running.push(async () => {
    await app.stop();
    cleanup();
  });
  const { consoleUrl, webhookUrl } = await app.start();
  return { consolePort: Number(new URL(consoleUrl ?? '').port), webhookPort: Number(new URL(webhookUrl).port) };
}

/** A public listener on its own, with limits small enough to reach in a test. */
async function startListener(limits: ConstructorParameters<typeof PublicListener>[0]['limits']) {
  const listener = new PublicListener({
    host: '127.0.0.1',
    port: 0,
    routes: new Map([['/twilio/voice', async () => '<Response/>']]),
    publicUrl: () => null,
    authToken: () => 'token',
    now: () => Date.now(),
    logger: pino({ level: 'silent' }),
    limits,
  });
  const port = await listener.start();
  running.push(() => listener.stop());
  return port;
}

const host = (port: number) => `Host: 127.0.0.1:${port}\r\n`;
const MALFORMED_TARGETS = ['//[/', '//[', '/%', '//[::1', '/\\\\[', '//user@[/x'];

describe('no request can stop a listener', () => {
  it('answers malformed request targets with 400 on both listeners and keeps serving', async () => {
    const { consolePort, webhookPort } = await startApp();
    for (const target of MALFORMED_TARGETS) {
      for (const [port, method] of [[consolePort, 'GET'], [webhookPort, 'GET'], [webhookPort, 'POST']] as const) {
        const answer = await rawRequest(port, `${method} ${target} HTTP/1.1\r\n${host(port)}Content-Length: 0\r\n\r\n`);
        expect(answer.status, `${method} ${target} on ${port}`).not.toBeNull();
        expect(answer.status).toBeLessThan(500);
      }
    }
    const bracket = await rawRequest(webhookPort, `POST //[/ HTTP/1.1\r\n${host(webhookPort)}Content-Length: 0\r\n\r\n`);
    expect(bracket.status).toBe(400);
    expect((await fetch(`http://127.0.0.1:${consolePort}/api/health`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${webhookPort}/twilio/voice`, { method: 'POST', body: '' })).status).toBe(403);
  });

  it('refuses a malformed WebSocket upgrade with 400 before any other check, and keeps serving', async () => {
    const { consolePort } = await startApp();
    const upgrade = (target: string) =>
      `GET ${target} HTTP/1.1\r\n${host(consolePort)}Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`;
    expect((await rawRequest(consolePort, upgrade('//[/'))).status).toBe(400);
    expect((await rawRequest(consolePort, upgrade('/ws?token=wrong'))).status).toBe(403);
    expect((await rawRequest(consolePort, upgrade('/elsewhere'))).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${consolePort}/api/health`)).status).toBe(200);
  });

  it('refuses a declared oversized body with 413 before reading it, on both listeners', async () => {
    const { consolePort, webhookPort } = await startApp();
    const tenMegabytes = 10 * 1024 * 1024;
    for (const [port, target] of [[webhookPort, '/twilio/voice'], [consolePort, '/api/health']] as const) {
      // Only the headers are sent: a 413 proves the server answered without waiting for the body.
      const answer = await rawRequest(port, `POST ${target} HTTP/1.1\r\n${host(port)}Content-Length: ${tenMegabytes}\r\n\r\n`);
      expect(answer.status, `port ${port}`).toBe(413);
    }
  });

  it('answers 413 instead of 100 Continue when the declared body is too large', async () => {
    const { webhookPort } = await startApp();
    const answer = await rawRequest(webhookPort, `POST /twilio/voice HTTP/1.1\r\n${host(webhookPort)}Expect: 100-continue\r\nContent-Length: 999999999\r\n\r\n`);
    expect(answer.status).toBe(413);
    expect(answer.raw).not.toContain('100 Continue');
  });

  it('cuts a chunked body off with 413 once it passes the limit', async () => {
    const { webhookPort } = await startApp();
    const chunk = 'a'.repeat(16 * 1024);
    const chunks = Array.from({ length: 6 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('');
    const answer = await rawRequest(webhookPort, `POST /twilio/voice HTTP/1.1\r\n${host(webhookPort)}Transfer-Encoding: chunked\r\n\r\n${chunks}`);
    expect(answer.status).toBe(413);
  });

  it('refuses a Content-Length that is not a number', async () => {
    const { webhookPort } = await startApp();
    const answer = await rawRequest(webhookPort, `POST /twilio/voice HTTP/1.1\r\n${host(webhookPort)}Content-Length: 12abc\r\n\r\n`);
    expect(answer.status).toBe(400);
  });
});

describe('slow and numerous connections are cut off', () => {
  it('uses timeouts that cut a trickling body within a minute', () => {
    expect(DEFAULT_LIMITS.requestTimeoutMs + DEFAULT_LIMITS.checkIntervalMs).toBeLessThanOrEqual(60_000);
    expect(DEFAULT_LIMITS.headersTimeoutMs).toBeLessThanOrEqual(DEFAULT_LIMITS.requestTimeoutMs);
  });

  it('closes a connection whose body trickles in past the request timeout', async () => {
    const port = await startListener({ requestTimeoutMs: 400, headersTimeoutMs: 300, checkIntervalMs: 100 });
    const socket = await openSocket(port);
    const closed = closedByServer(socket);
    socket.write(`POST /twilio/voice HTTP/1.1\r\n${host(port)}Content-Length: 100\r\n\r\nTo=`);
    // Keep trickling a byte at a time until the server gives up on the request.
    const trickle = setInterval(() => socket.writable && socket.write('1'), 50);
    const answer = await closed;
    clearInterval(trickle);
    expect(answer === '' || /^HTTP\/1\.1 408/.test(answer)).toBe(true);
  });

  it('closes a connection whose headers never finish', async () => {
    const port = await startListener({ requestTimeoutMs: 400, headersTimeoutMs: 300, checkIntervalMs: 100 });
    const socket = await openSocket(port);
    const closed = closedByServer(socket);
    socket.write(`POST /twilio/voice HTTP/1.1\r\n${host(port)}`);
    const trickle = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 50);
    await closed;
    clearInterval(trickle);
  });

  it('refuses connections beyond the cap and accepts new ones once others close', async () => {
    const port = await startListener({ maxConnections: 3 });
    const held = await Promise.all([openSocket(port), openSocket(port), openSocket(port)]);
    // Node closes a connection over the cap as soon as it is accepted.
    const extra = await openSocket(port);
    expect(await closedByServer(extra)).toBe('');
    for (const socket of held) socket.destroy();
    let answer = await rawRequest(port, `POST /nowhere HTTP/1.1\r\n${host(port)}Content-Length: 0\r\n\r\n`);
    // The held sockets' close reaches the server a moment later; retry until a slot is free.
    for (let attempt = 0; answer.status === null && attempt < 100; attempt++) {
      await new Promise((resolve) => setImmediate(resolve));
      answer = await rawRequest(port, `POST /nowhere HTTP/1.1\r\n${host(port)}Content-Length: 0\r\n\r\n`);
    }
    expect(answer.status).toBe(404);
  });
});
