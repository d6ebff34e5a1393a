import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app/index.js';
import { call } from '../support/console-socket.js';
import { FakeClock } from '../support/fake-clock.js';
import { makeTempDir } from '../support/temp-dir.js';
import { testConfig } from '../support/test-config.js';
import { output, signIn, start, stopConsoleAppsAfterEach } from '../support/console-staff-app.js';

/**
 * "Remember me on this computer" as the desktop window's session runs it (the Electron shell only
 * passes os.userInfo().username): the appliance, the database and the vault are the real ones.
 */
stopConsoleAppsAfterEach();

const apps: { app: App; cleanup: () => void }[] = [];
afterEach(async () => {
  for (const { app, cleanup } of apps.splice(0)) {
    await app.stop();
    cleanup();
  }
});

async function desktopApp() {
  const { dir, cleanup } = makeTempDir();
  const app = createApp(testConfig(dir), { clock: FakeClock.at('2026-11-23T14:00:00Z') });
  apps.push({ app, cleanup });
  await app.start();
  const internal = async (name: string, input: unknown) => {
    const result = await app.dispatch(name, input, { actor: 'test', transport: 'internal' });
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.output as any;
  };
  await internal('staff/add', { name: 'Olivia Owner', role: 'owner', password: 'owner-password-1' });
  await internal('staff/add', { name: 'Dana Desk', role: 'desk', practices: ['bright-smiles'], password: 'dana-password-1' });
  const launch = (desktopUser: string) => app.openConsoleSession({ transport: 'ipc', source: 'desktop', openUntilFirstAccount: true, desktopUser });
  return { app, internal, launch };
}

const ok = (result: { ok: boolean; output?: unknown }) => (result.ok ? (result as { output: any }).output : result);

describe('remember me on this computer (desktop)', () => {
  it('signs the same OS user in at the next launch without a password, until an owner forgets the computer', async () => {
    const { app, internal, launch } = await desktopApp();
    const first = launch('dana');
    expect(ok(await first.dispatch('session/sign-in-remembered', {}))).toBeNull();
    expect(ok(await first.dispatch('session/sign-in', { name: 'Dana Desk', password: 'dana-password-1' }))).toMatchObject({ staff: { name: 'Dana Desk' } });
    expect(ok(await first.dispatch('session/remember-device', {}))).toEqual({ remembered: true });

    const next = launch('dana');
    expect(ok(await next.dispatch('session/sign-in-remembered', {}))).toMatchObject({ staff: { name: 'Dana Desk', role: 'desk' } });
    expect(ok(await next.dispatch('bookings/list', { tenantId: 'bright-smiles' }))).toEqual([]);

    // Another OS account on the same PC (same vault) is not signed in as Dana.
    expect(ok(await launch('guest').dispatch('session/sign-in-remembered', {}))).toBeNull();

    // An owner forgets Dana's computers: the next launch asks for her password again.
    expect(ok(await app.openConsoleSession({ transport: 'ipc', source: 'desktop', openUntilFirstAccount: true }).dispatch('staff/forget-devices', { name: 'Dana Desk' }))).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(await internal('staff/forget-devices', { name: 'Dana Desk' })).toEqual({ name: 'Dana Desk', forgotten: 1 });
    expect(ok(await launch('dana').dispatch('session/sign-in-remembered', {}))).toBeNull();
  });

  it('forgets the computer when the person signs out or is removed', async () => {
    const { internal, launch } = await desktopApp();
    const session = launch('dana');
    await session.dispatch('session/sign-in', { name: 'Dana Desk', password: 'dana-password-1' });
    await session.dispatch('session/remember-device', {});
    await session.dispatch('session/sign-out', {});
    expect(ok(await launch('dana').dispatch('session/sign-in-remembered', {}))).toBeNull();

    const again = launch('dana');
    await again.dispatch('session/sign-in', { name: 'Dana Desk', password: 'dana-password-1' });
    await again.dispatch('session/remember-device', {});
    await internal('staff/remove', { name: 'Dana Desk' });
    expect(ok(await launch('dana').dispatch('session/sign-in-remembered', {}))).toBeNull();
  });
});

describe('a browser console (headless, LAN)', () => {
  it('never remembers anyone', async () => {
    const ctx = await start();
    await ctx.internal('staff/add', { name: 'Olivia Owner', role: 'owner', password: 'owner-password-1' });
    const ws = await ctx.open();
    await signIn(ws, 'Olivia Owner', 'owner-password-1');
    const refusal = { ok: false, error: { code: 'invalid_input', message: 'Only the desktop app can remember you on this computer.' } };
    expect(await call(ws, 'session/remember-device', {})).toMatchObject(refusal);
    expect(await call(ws, 'session/sign-in-remembered', {})).toMatchObject(refusal);
    expect(output(await call(ws, 'session/get', {}))).toMatchObject({ staff: { name: 'Olivia Owner' } });
  });
});
