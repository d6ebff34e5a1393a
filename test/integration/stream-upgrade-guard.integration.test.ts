import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket as ServerSocket } from 'ws';
import { PublicListener } from '../../src/main/server/public/public-listener.js';
import { rawRequest } from '../support/raw-http.js';
import { MediaStreamLeg } from '../support/twilio/media-stream-leg.js';

const TOKEN = 'stream-upgrade-token';
const running: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of running.splice(0)) await stop();
});

/** A public listener on its own, its public URL moved by the test as a tunnel would move it. */
async function startListener(options: { maxConnections?: number; onMediaStream?: (socket: ServerSocket) => void } = {}) {
  let publicUrl = 'https://first-tunnel.ngrok.app';
  const opened: ServerSocket[] = [];
  const listener = new PublicListener({
    host: '127.0.0.1',
    port: 0,
    routes: new Map([['/twilio/voice', async () => '<Response/>']]),
    publicUrl: () => publicUrl,
    authToken: () => TOKEN,
    now: () => Date.now(),
    logger: pino({ level: 'silent' }),
    ...(options.maxConnections ? { limits: { maxConnections: options.maxConnections } } : {}),
    onMediaStream: options.onMediaStream ?? ((socket) => opened.push(socket)),
  });
  const port = await listener.start();
  running.push(() => listener.stop());
  return {
    port,
    opened,
    moveTunnel: (url: string) => (publicUrl = url),
    /** Opens /twilio/stream signed as Twilio signs it for `signedBase`; the HTTP status it got. */
    open: (signedBase: string) =>
      MediaStreamLeg.open({
        physicalUrl: `ws://127.0.0.1:${port}/twilio/stream`,
        signedUrl: `${signedBase.replace(/^https/, 'wss')}/twilio/stream`,
        authToken: TOKEN,
        accountSid: 'AC00000000000000000000000000000000',
        callSid: 'CA00000000000000000000000000000000',
        parameters: {},
      }).then(
        (leg) => {
          running.push(async () => {
            if (leg.isOpen) await leg.hangUp();
          });
          return 101;
        },
        (error: { status?: number }) => error.status ?? null,
      ),
  };
}

describe('the media-stream upgrade goes through the listener guard', () => {
  it('checks the signature against the public URL the tunnel has now, not the one it had', async () => {
    const l = await startListener();
    expect(await l.open('https://first-tunnel.ngrok.app')).toBe(101);
    l.moveTunnel('https://second-tunnel.ngrok.app');
    expect(await l.open('https://first-tunnel.ngrok.app')).toBe(403);
    expect(await l.open('https://second-tunnel.ngrok.app')).toBe(101);
  });

  it('answers a malformed upgrade target 400 and a handler that throws ends only that socket', async () => {
    const l = await startListener({
      onMediaStream: () => {
        throw new Error('handler fault');
      },
    });
    const upgrade = (target: string) =>
      rawRequest(l.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${l.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`);
    for (const target of ['//[/', '/%', '//[::1']) expect((await upgrade(target)).status, target).toBe(400);
    expect((await upgrade('/twilio/voice')).status).toBe(404);
    // Accepted, then the faulty handler's socket is closed; the listener keeps serving.
    expect(await l.open('https://first-tunnel.ngrok.app')).toBe(101);
    expect((await fetch(`http://127.0.0.1:${l.port}/twilio/voice`, { method: 'POST', body: '' })).status).toBe(403);
  });

  it('lets streams hold at most half the connection cap, so their calls\' webhooks still get in', async () => {
    const l = await startListener({ maxConnections: 4 });
    expect(await l.open('https://first-tunnel.ngrok.app')).toBe(101);
    expect(await l.open('https://first-tunnel.ngrok.app')).toBe(101);
    expect(await l.open('https://first-tunnel.ngrok.app')).toBe(503);
    expect((await fetch(`http://127.0.0.1:${l.port}/twilio/voice`, { method: 'POST', body: '' })).status).toBe(403);
  });
});
