import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { createApp, type App } from '../../src/main/app/index.js';
import { healthSchema } from '../../src/shared/contract/index.js';
import { call as callCommand, connect, fetchToken, nextFrame, socketUrl } from '../support/console-socket.js';
import { demoTenant } from '../support/demo-tenant.js';
import { makeTempDir } from '../support/temp-dir.js';
import { testConfig } from '../support/test-config.js';

const running: { app: App; cleanup: () => void }[] = [];
afterEach(async () => {
  for (const { app, cleanup } of running.splice(0)) {
    await app.stop();
    cleanup();
  }
});

async function start(logs?: string[]) {
  const { dir, cleanup } = makeTempDir();
  const logger = logs ? pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => (logs.push(String(chunk)), done()) })) : undefined;
  const app = createApp(testConfig(dir), logger ? { logger } : {});
  running.push({ app, cleanup });
  const { consoleUrl } = await app.start();
  if (!consoleUrl) throw new Error('no console url');
  const token = await fetchToken(consoleUrl);
  return { app, consoleUrl, token, origin: consoleUrl.replace(/\/$/, '') };
}

const call = (ws: WebSocket, id: number, name: string, input: unknown) => {
  void id;
  return callCommand(ws, name, input);
};

describe('the console listener', () => {
  it('answers GET /api/health with JSON that matches the contract', async () => {
    const { consoleUrl } = await start();
    const res = await fetch(`${consoleUrl}api/health`);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const health = healthSchema.parse(await res.json());
    expect(health.webhooks.listening).toBe(true);
    expect(health.storage).toMatchObject({ ok: true, schemaVersion: expect.any(Number) });
    expect(health.tenants).toBe(1);
  });

  it('binds to loopback and refuses a rebinding Host header', async () => {
    const { consoleUrl } = await start();
    expect(consoleUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const port = new URL(consoleUrl).port;
    const res = await new Promise<number>((resolve) => {
      // fetch() refuses to set Host, so speak HTTP by hand.
      import('node:http').then(({ request }) =>
        request({ host: '127.0.0.1', port, path: '/api/health', headers: { Host: `attacker.example:${port}` } }, (r) => resolve(r.statusCode ?? 0)).end(),
      );
    });
    expect(res).toBe(421);
  });

  it('serves the console with a per-launch token and a strict CSP', async () => {
    const { consoleUrl, token } = await start();
    const res = await fetch(consoleUrl);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(token).toMatch(/^[\w-]{20,}$/);
  });

  it('refuses a WebSocket without the token, with a wrong token, or from another origin', async () => {
    const { consoleUrl, token, origin } = await start();
    const ws = consoleUrl.replace('http', 'ws') + 'ws';
    await expect(connect(ws, origin)).rejects.toThrow('HTTP 403');
    await expect(connect(`${ws}?token=wrong`, origin)).rejects.toThrow('HTTP 403');
    await expect(connect(`${ws}?token=${token}`, 'http://evil.example')).rejects.toThrow('HTTP 403');
    const ok = await connect(`${ws}?token=${token}`, origin);
    ok.close();
  });

  it('runs contract commands and reports typed errors', async () => {
    const { consoleUrl, token, origin } = await start();
    const ws = await connect(`${consoleUrl.replace('http', 'ws')}ws?token=${token}`, origin);
    const list = await call(ws, 1, 'tenants/list', {});
    expect(list).toMatchObject({ kind: 'result', id: 1, ok: true, output: [{ id: 'bright-smiles', name: 'Bright Smiles Dental' }] });
    expect(await call(ws, 2, 'tenants/get', { tenantId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call(ws, 3, 'tenants/get', {})).toMatchObject({ ok: false, error: { code: 'invalid_input', details: ['tenantId: is required'] } });
    expect(await call(ws, 4, 'calls/explode', {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    ws.close();
  });

  it('pushes tenants/changed to every console when a practice is saved', async () => {
    const { consoleUrl, token, origin } = await start();
    const url = `${consoleUrl.replace('http', 'ws')}ws?token=${token}`;
    const [a, b] = await Promise.all([connect(url, origin), connect(url, origin)]);
    const seenByB = nextFrame(b, (f) => f.kind === 'event' && f.name === 'tenants/changed');
    const saved = await call(a, 1, 'tenants/save', { config: { ...demoTenant(), greeting: 'Hi there!' } });
    expect(saved).toMatchObject({ ok: true });
    expect(await seenByB).toMatchObject({ payload: { tenantIds: ['bright-smiles'] } });
    a.close();
    b.close();
  });

  it('closes a socket that sends garbage, and keeps serving others', async () => {
    const { consoleUrl, token, origin } = await start();
    const url = `${consoleUrl.replace('http', 'ws')}ws?token=${token}`;
    const bad = await connect(url, origin);
    const closed = new Promise<number>((resolve) => bad.once('close', (code) => resolve(code)));
    bad.send('{not json');
    expect(await closed).toBe(1007);
    const good = await connect(url, origin);
    expect(await call(good, 1, 'health/get', {})).toMatchObject({ ok: true });
    good.close();
  });
  it('serves the page without practice data and asks for staff sign-in once an account exists', async () => {
    const { app, consoleUrl, token, origin } = await start();
    await app.dispatch('staff/add', { name: 'Olivia Owner', role: 'owner', password: 'front-desk-2026' }, { actor: 'test', transport: 'internal' });
    const page = await fetch(consoleUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('www-authenticate')).toBeNull();
    expect(token).toMatch(/^[\w-]{20,}$/);
    const ws = await connect(socketUrl(consoleUrl, token), origin);
    expect(await call(ws, 1, 'tenants/list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await call(ws, 2, 'session/sign-in', { name: 'Olivia Owner', password: 'wrong-guess' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await call(ws, 3, 'session/sign-in', { name: 'Olivia Owner', password: 'front-desk-2026' })).toMatchObject({ ok: true });
    expect(await call(ws, 4, 'tenants/list', {})).toMatchObject({ ok: true });
    ws.close();
  });

  it('refuses the sixtieth wrong password in a minute without checking it, and logs the guessing', async () => {
    const logs: string[] = [];
    const { app, consoleUrl, token, origin } = await start(logs);
    await app.dispatch('staff/add', { name: 'Olivia Owner', role: 'owner', password: 'front-desk-2026' }, { actor: 'test', transport: 'internal' });
    const ws = await connect(socketUrl(consoleUrl, token), origin);
    const messages: string[] = [];
    for (let i = 0; i < 59; i++) {
      const reply = await call(ws, i, 'session/sign-in', { name: 'Olivia Owner', password: `guess-${i}` });
      messages.push(reply.kind === 'result' && !reply.ok ? reply.error.message : 'signed in');
    }
    expect(messages.slice(0, 3).every((m) => !m.startsWith('Too many'))).toBe(true);
    expect(messages.filter((m) => m.startsWith('Too many wrong attempts')).length).toBeGreaterThan(40);
    // The sixtieth try is the right password, and it is still refused: it was never checked.
    const sixtieth = await call(ws, 60, 'session/sign-in', { name: 'Olivia Owner', password: 'front-desk-2026' });
    expect(sixtieth).toMatchObject({ ok: false, error: { code: 'unauthorized', message: expect.stringMatching(/^Too many wrong attempts\. Wait \d+ seconds?/) } });
    const lines = logs.map((l) => JSON.parse(l) as { msg: string; source?: string });
    const failures = lines.filter((l) => l.msg === 'console sign-in failed');
    expect(failures.length).toBeGreaterThanOrEqual(3);
    expect(failures.every((l) => l.source === '127.0.0.1')).toBe(true);
    expect(logs.join('')).not.toMatch(/guess-|front-desk-2026/);
    ws.close();
  });

  it('prints a console URL that answers when bound to a short form of loopback (127.1)', async () => {
    const { loadConfig } = await import('../../src/main/app/index.js');
    const { dir, cleanup } = makeTempDir();
    const config = loadConfig({}, ['--console-host', '127.1', '--console-port', '0', '--webhook-port', '0', '--data-dir', dir, '--log-level', 'silent']);
    const app = createApp(config);
    running.push({ app, cleanup });
    const { consoleUrl } = await app.start();
    expect(consoleUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((await fetch(`${consoleUrl}api/health`)).status).toBe(200);
  });
});
