import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach } from 'vitest';
import type WebSocket from 'ws';
import { createApp, type App } from '../../src/main/app/index.js';
import type { AppConfig } from '../../src/main/app/index.js';
import { call, connect, fetchToken, socketUrl } from './console-socket.js';
import { demoTenant } from './demo-tenant.js';
import { FakeClock } from './fake-clock.js';
import { makeTempDir } from './temp-dir.js';
import { testConfig } from './test-config.js';

/**
 * A real appliance with its console listener, and sockets opened the way the console page opens
 * them, for tests of sign-in and of who may see and do what. Call `stopConsoleAppsAfterEach()`
 * once in the test file.
 */
export const A = 'bright-smiles';
export const B = 'sunrise-vet';

export const running: { app: App; cleanup: () => void; sockets: WebSocket[] }[] = [];
export function stopConsoleAppsAfterEach(): void {
  afterEach(async () => {
    for (const { app, cleanup, sockets } of running.splice(0)) {
      for (const socket of sockets) socket.close();
      await app.stop();
      cleanup();
    }
  });
}

export async function start(overrides: Partial<AppConfig> = {}) {
  const { dir, cleanup } = makeTempDir();
  const clock = FakeClock.at('2026-11-23T14:00:00Z');
  let logs = '';
  const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => ((logs += String(chunk)), done()) }));
  const app = createApp(testConfig(dir, overrides), { clock, logger });
  const sockets: WebSocket[] = [];
  running.push({ app, cleanup, sockets });
  const { consoleUrl } = await app.start();
  if (!consoleUrl) throw new Error('no console url');
  const internal = async (name: string, input: unknown) => {
    const result = await app.dispatch(name, input, { actor: 'test', transport: 'internal' });
    if (!result.ok) throw new Error(`${name}: ${result.error.message} ${JSON.stringify(result.error.details ?? [])}`);
    return result.output as any;
  };
  const tls = overrides.consoleTls ? { rejectUnauthorized: false } : {};
  const token = overrides.consoleTls ? await fetchTokenOverTls(consoleUrl) : await fetchToken(consoleUrl);
  const origin = consoleUrl.replace(/\/$/, '');
  const open = async (session?: string) => {
    const ws = await connect(socketUrl(consoleUrl, token, session), origin, tls);
    sockets.push(ws);
    return ws;
  };
  return { app, clock, internal, open, logs: () => logs, url: consoleUrl };
}

/** The console page over HTTPS with a self-signed certificate (fetch would refuse it). */
async function fetchTokenOverTls(consoleUrl: string): Promise<string> {
  const { get } = await import('node:https');
  const html = await new Promise<string>((resolve, reject) => {
    get(consoleUrl, { rejectUnauthorized: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
  const token = /name="frontdesk-console-token" content="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no token on the HTTPS console page');
  return token;
}

/** Two practices, an owner who sees both, and one desk account for each practice. */
export async function twoPractices() {
  const ctx = await start();
  await ctx.internal('tenants/save', { config: { ...demoTenant(), id: B, name: 'Sunrise Vet', phoneNumbers: ['+15555550777'] } });
  await ctx.internal('staff/add', { name: 'Olivia Owner', role: 'owner', password: 'owner-password-1' });
  await ctx.internal('staff/add', { name: 'Dana Desk', role: 'desk', practices: [A], password: 'dana-password-1' });
  await ctx.internal('staff/add', { name: 'Ben Desk', role: 'desk', practices: [B], password: 'ben-password-1' });
  return ctx;
}

export async function signIn(ws: WebSocket, name: string, password: string) {
  const reply = await call(ws, 'session/sign-in', { name, password });
  if (reply.kind !== 'result' || !reply.ok) throw new Error(`sign-in failed: ${JSON.stringify(reply)}`);
  return reply.output as { token: string; staff: { name: string } };
}

export const output = (frame: Awaited<ReturnType<typeof call>>) => (frame.kind === 'result' && frame.ok ? (frame.output as any) : frame);

