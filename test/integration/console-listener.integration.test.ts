import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { createApp, type App } from '../../src/main/app/index.js';
import { healthSchema } from '../../src/shared/contract/index.js';
import { call as callCommand, connect, fetchToken, nextFrame } from '../support/console-socket.js';
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

async function start() {
  const { dir, cleanup } = makeTempDir();
  const app = createApp(testConfig(dir));
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
});
