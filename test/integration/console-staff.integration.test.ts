import { describe, expect, it } from 'vitest';
import { call, collectEvents, nextFrame } from '../support/console-socket.js';
import { A, B, output, running, signIn, start, stopConsoleAppsAfterEach, twoPractices } from '../support/console-staff-app.js';
import { demoTenant } from '../support/demo-tenant.js';
import { makeTempDir } from '../support/temp-dir.js';

stopConsoleAppsAfterEach();

describe('the console on this PC before anyone has an account', () => {
  it('needs no sign-in and acts as "Front desk"; once the first owner exists it asks everyone to sign in', async () => {
    const ctx = await start();
    const ws = await ctx.open();
    expect(output(await call(ws, 'session/get', {}))).toEqual({ staff: { name: 'Front desk', role: 'owner', practices: null }, signInRequired: false });
    expect(output(await call(ws, 'tenants/list', {}))).toHaveLength(1);

    await ctx.internal('staff/add', { name: 'Olivia Owner', role: 'owner', password: 'owner-password-1' });
    expect(await call(ws, 'tenants/list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized', message: 'Sign in to use the console.' } });
    expect(output(await call(ws, 'session/get', {}))).toEqual({ staff: null, signInRequired: true });
    await signIn(ws, 'olivia owner', 'owner-password-1');
    expect(output(await call(ws, 'tenants/list', {}))).toHaveLength(1);
  });
});

describe('a console open to the office network', () => {
  it('requires sign-in even before any account exists, and warns that plain HTTP crosses the LAN unencrypted', async () => {
    const ctx = await start({ consoleHost: '0.0.0.0' });
    const ws = await ctx.open();
    expect(output(await call(ws, 'session/get', {}))).toEqual({ staff: null, signInRequired: true });
    expect(await call(ws, 'health/get', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(ctx.logs()).toMatch(/plain HTTP.*FRONTDESK_CONSOLE_TLS_CERT/);
  });
});

describe('two people with different roles and practices, through the WebSocket', () => {
  it('shows each only the practices, calls, customers, bookings and queues they may see', async () => {
    const ctx = await twoPractices();
    const dana = await ctx.open();
    const ben = await ctx.open();
    const olivia = await ctx.open();
    // Nothing but sign-in before signing in.
    expect(await call(dana, 'bookings/list', { tenantId: A })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    await signIn(dana, 'Dana Desk', 'dana-password-1');
    await signIn(ben, 'Ben Desk', 'ben-password-1');
    await signIn(olivia, 'Olivia Owner', 'owner-password-1');

    expect(output(await call(dana, 'tenants/list', {})).map((t: { id: string }) => t.id)).toEqual([A]);
    expect(output(await call(olivia, 'tenants/list', {})).map((t: { id: string }) => t.id).sort()).toEqual([A, B]);

    const hidden = { ok: false, error: { code: 'not_found' } };
    for (const [name, input] of [
      ['bookings/list', { tenantId: B }],
      ['customers/search', { tenantId: B, query: 'a' }],
      ['calls/list-recent', { tenantId: B }],
      ['messages/list', { tenantId: B }],
      ['review/list', { tenantId: B }],
      ['tenants/get', { tenantId: B }],
      ['rehearsal/start', { tenantId: B }],
      ['bookings/create', { tenantId: B, serviceId: 'exam', providerId: 'dr-lee', start: '2026-11-24T10:00', customer: { name: 'X' } }],
    ] as const) {
      expect(await call(dana, name, input), name).toMatchObject(hidden);
    }

    // A booking in each practice, each waiting for review: the "All practices" queue holds only your own.
    const pending = (tenantId: string, name: string) =>
      ctx.internal('bookings/create', { tenantId, serviceId: 'exam', providerId: 'dr-lee', start: '2026-11-24T10:00', customer: { name } });
    await pending(A, 'Ann Lee');
    await pending(B, 'Rex Dog');
    expect(output(await call(dana, 'bookings/list', { tenantId: A })).map((b: any) => b.customer.name)).toEqual(['Ann Lee']);
    const everything = output(await call(olivia, 'calls/list-recent', {}));
    expect(Array.isArray(everything)).toBe(true);

    // Desk accounts cannot change settings or manage people.
    expect(await call(dana, 'tenants/save', { config: demoTenant() })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await call(dana, 'staff/list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized', message: 'Only an owner can do that.' } });
    expect(output(await call(olivia, 'staff/list', {})).map((s: any) => s.name)).toEqual(['Ben Desk', 'Dana Desk', 'Olivia Owner']);
  });

  it('pushes each practice\'s events only to the people who may see it', async () => {
    const ctx = await twoPractices();
    const dana = await ctx.open();
    const ben = await ctx.open();
    await signIn(dana, 'Dana Desk', 'dana-password-1');
    await signIn(ben, 'Ben Desk', 'ben-password-1');
    const seenByDana = collectEvents(dana);

    const benHearsB = nextFrame(ben, (f) => f.kind === 'event' && f.name === 'bookings/changed');
    await ctx.internal('bookings/create', { tenantId: B, serviceId: 'exam', providerId: 'dr-lee', start: '2026-11-24T10:00', customer: { name: 'Rex' } });
    expect(await benHearsB).toMatchObject({ payload: { tenantId: B } });
    const danaHearsA = nextFrame(dana, (f) => f.kind === 'event' && f.name === 'bookings/changed');
    await ctx.internal('bookings/create', { tenantId: A, serviceId: 'exam', providerId: 'dr-lee', start: '2026-11-24T11:00', customer: { name: 'Ann' } });
    await danaHearsA;
    // Events arrive in order, so by now Dana would have seen B's had it been sent to her.
    const tenantsSeen = seenByDana.map((f) => (f.kind === 'event' ? (f.payload as { tenantId?: string }).tenantId : null)).filter(Boolean);
    expect(new Set(tenantsSeen)).toEqual(new Set([A]));
  });

  it('records decisions under the signed-in person, not a typed name', async () => {
    const ctx = await twoPractices();
    const dana = await ctx.open();
    await signIn(dana, 'Dana Desk', 'dana-password-1');
    const created = output(
      await call(dana, 'bookings/create', { tenantId: A, serviceId: 'exam', providerId: 'dr-lee', start: '2026-11-24T10:00', customer: { name: 'Ann Lee' } }),
    );
    expect(created.createdBy).toBe('Dana Desk');
    const cancelled = output(await call(dana, 'bookings/cancel', { tenantId: A, bookingId: created.id }));
    expect(cancelled.updatedBy).toBe('Dana Desk');
  });
});

describe('sessions', () => {
  it('resume on a reconnect with the session token, expire after 12 idle hours, and end when the person is removed', async () => {
    const ctx = await twoPractices();
    const first = await ctx.open();
    const { token } = await signIn(first, 'Dana Desk', 'dana-password-1');
    first.close();

    const again = await ctx.open(token);
    expect(output(await call(again, 'session/get', {}))).toMatchObject({ staff: { name: 'Dana Desk' } });
    ctx.clock.advance(11 * 60 * 60_000);
    expect(await call(again, 'tenants/list', {})).toMatchObject({ ok: true });
    ctx.clock.advance(11 * 60 * 60_000); // still inside 12 h of the last use
    expect(await call(again, 'tenants/list', {})).toMatchObject({ ok: true });
    ctx.clock.advance(12 * 60 * 60_000 + 1);
    expect(await call(again, 'tenants/list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });

    const ben = await ctx.open();
    await signIn(ben, 'Ben Desk', 'ben-password-1');
    await ctx.internal('staff/remove', { name: 'Ben Desk' });
    expect(await call(ben, 'tenants/list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('say the same thing for a wrong name and a wrong password, lock the account after five wrong passwords, and slow a guessing source down', async () => {
    const ctx = await twoPractices();
    const ws = await ctx.open();
    const wrong = { ok: false, error: { code: 'unauthorized', message: 'That name or password is wrong.' } };
    expect(await call(ws, 'session/sign-in', { name: 'Nobody', password: 'whatever-1' })).toMatchObject(wrong);
    for (let i = 0; i < 2; i++) expect(await call(ws, 'session/sign-in', { name: 'Dana Desk', password: 'guess' })).toMatchObject(wrong);
    // The source has used its free tries: the next attempt must wait, however right it is.
    ctx.clock.advance(0);
    expect(await call(ws, 'session/sign-in', { name: 'Dana Desk', password: 'guess' })).toMatchObject(wrong);
    expect(await call(ws, 'session/sign-in', { name: 'Dana Desk', password: 'dana-password-1' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^Too many wrong attempts\. Wait \d+ seconds?/) },
    });
    ctx.clock.advance(60_000);
    expect(await call(ws, 'session/sign-in', { name: 'Dana Desk', password: 'guess' })).toMatchObject(wrong);
    ctx.clock.advance(60_000);
    // Fifth wrong password for the account: locked, even with the right one.
    expect(await call(ws, 'session/sign-in', { name: 'Dana Desk', password: 'guess' })).toMatchObject(wrong);
    ctx.clock.advance(60_000);
    expect(await call(ws, 'session/sign-in', { name: 'Dana Desk', password: 'dana-password-1' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/account is locked/) },
    });
    ctx.clock.advance(16 * 60_000);
    expect(await call(ws, 'session/sign-in', { name: 'Dana Desk', password: 'dana-password-1' })).toMatchObject({ ok: true });
    expect(ctx.logs()).not.toContain('dana-password-1');
  });
});

describe('a console with a TLS certificate', () => {
  it('serves HTTPS and WSS, and signs in over them', async () => {
    const { execFileSync } = await import('node:child_process');
    const { join } = await import('node:path');
    const { dir, cleanup } = makeTempDir();
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost'], { stdio: 'ignore' });
    const ctx = await start({ consoleTls: { certFile: cert, keyFile: key } });
    running.push({ app: ctx.app, cleanup, sockets: [] });
    expect(ctx.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    await ctx.internal('staff/add', { name: 'Olivia Owner', role: 'owner', password: 'owner-password-1' });
    const ws = await ctx.open();
    expect(ws.url).toMatch(/^wss:/);
    await signIn(ws, 'Olivia Owner', 'owner-password-1');
    expect(output(await call(ws, 'tenants/list', {}))).toHaveLength(1);
  });
});
