import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoTenant } from '../support/demo-tenant.js';
import { runCli } from '../support/run-cli.js';
import { makeTempDir } from '../support/temp-dir.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function dataDir(): string {
  const { dir, cleanup } = makeTempDir();
  cleanups.push(cleanup);
  return dir;
}

async function withDemo(): Promise<{ dir: string; env: Record<string, string> }> {
  const dir = dataDir();
  const env = { FRONTDESK_DATA_DIR: dir, FRONTDESK_NOW: '2026-11-23T14:00:00Z' };
  const file = join(dir, 'practice.json');
  writeFileSync(file, JSON.stringify(demoTenant()));
  expect((await runCli(['tenant', 'import', file], env)).code).toBe(0);
  return { dir, env };
}

describe('frontdesk staff …', () => {
  it('adds people with the password from standard input, lists them, and removes them', async () => {
    const { env } = await withDemo();
    expect(await runCli(['staff', 'list'], env)).toMatchObject({ code: 0, stdout: expect.stringContaining('Nobody yet') });

    const owner = await runCli(['staff', 'add', '--name', 'Olivia Owner', '--role', 'owner'], env, 'owner-password-1\n');
    expect(owner).toMatchObject({ code: 0, stdout: 'Added Olivia Owner\towner\tevery practice.\n' });
    const desk = await runCli(['staff', 'add', '--name', 'Dana Desk', '--role', 'desk', '--practices', 'bright-smiles'], env, 'dana-password-1\n');
    expect(desk).toMatchObject({ code: 0, stdout: 'Added Dana Desk\tdesk\tbright-smiles.\n' });

    const listed = await runCli(['staff', 'list', '--json'], env);
    expect(JSON.parse(listed.stdout)).toEqual([
      { name: 'Dana Desk', role: 'desk', practices: ['bright-smiles'] },
      { name: 'Olivia Owner', role: 'owner', practices: null },
    ]);
    // Never the password, nor its hash.
    expect(listed.stdout).not.toMatch(/password|scrypt/);

    expect(await runCli(['staff', 'remove', '--name', 'Dana Desk'], env)).toMatchObject({ code: 0, stdout: 'Removed Dana Desk.\n' });
    expect((await runCli(['staff', 'list'], env)).stdout).not.toContain('Dana');
  });

  it('refuses a missing or short password, an unknown role or practice, a duplicate, and an unknown name, exiting non-zero', async () => {
    const { env } = await withDemo();
    const noPassword = await runCli(['staff', 'add', '--name', 'Ann', '--role', 'desk'], env, '');
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toContain('Give the password on standard input');

    const short = await runCli(['staff', 'add', '--name', 'Ann', '--role', 'desk'], env, 'short\n');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('password: must be at least 8 characters');

    const role = await runCli(['staff', 'add', '--name', 'Ann', '--role', 'boss'], env, 'long-enough-1\n');
    expect(role.code).toBe(2);
    expect(role.stderr).toMatch(/Allowed choices are owner, desk/);

    const practice = await runCli(['staff', 'add', '--name', 'Ann', '--role', 'desk', '--practices', 'nowhere'], env, 'long-enough-1\n');
    expect(practice.code).toBe(2);
    expect(practice.stderr).toContain('There is no practice "nowhere".');

    expect((await runCli(['staff', 'add', '--name', 'Ann', '--role', 'desk'], env, 'long-enough-1\n')).code).toBe(0);
    const duplicate = await runCli(['staff', 'add', '--name', 'ann', '--role', 'owner'], env, 'long-enough-1\n');
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('There is already a staff member called ann.');

    const unknown = await runCli(['staff', 'remove', '--name', 'Nobody'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no staff member called Nobody.');
  });
});

describe('frontdesk tenant import, when the new file would orphan appointments', () => {
  it('is refused with the appointments listed and a non-zero exit, and changes nothing', async () => {
    const { dir, env } = await withDemo();
    const booked = await runCli(
      ['bookings', 'create', '--tenant', 'bright-smiles', '--service', 'cleaning', '--provider', 'maria', '--start', '2026-11-24T09:00', '--name', 'Ann Lee', '--phone', '555-555-0199'],
      env,
    );
    expect(booked.code).toBe(0);

    const withoutMaria = demoTenant() as Record<string, any>;
    withoutMaria.providers = withoutMaria.providers.filter((p: { id: string }) => p.id !== 'maria');
    withoutMaria.services = withoutMaria.services.map((s: { providerIds: string[] }) => ({ ...s, providerIds: s.providerIds.filter((id) => id !== 'maria') }));
    const file = join(dir, 'without-maria.json');
    writeFileSync(file, JSON.stringify(withoutMaria));

    const refused = await runCli(['tenant', 'import', file], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('This change would leave 1 upcoming appointment without a place on the schedule.');
    expect(refused.stderr).toContain('Tue, Nov 24, 9:00 AM · Teeth cleaning with Maria Gomez, RDH for Ann Lee: provider removed');
    const exported = JSON.parse((await runCli(['tenant', 'export', 'bright-smiles'], env)).stdout) as { providers: { id: string }[] };
    expect(exported.providers.map((p) => p.id)).toContain('maria');
  });

  it('refuses a file that closes a day with appointments, the same way, listing them', async () => {
    const { dir, env } = await withDemo();
    const booked = await runCli(
      ['bookings', 'create', '--tenant', 'bright-smiles', '--service', 'cleaning', '--provider', 'maria', '--start', '2026-11-24T09:00', '--name', 'Ann Lee', '--phone', '555-555-0199'],
      env,
    );
    expect(booked.code).toBe(0);
    const closing = demoTenant() as Record<string, any>;
    closing.closures = [...closing.closures, { date: '2026-11-24', reason: 'Burst pipe' }];
    const file = join(dir, 'closing.json');
    writeFileSync(file, JSON.stringify(closing));

    const refused = await runCli(['tenant', 'import', file], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('This change closes a day with 1 upcoming appointment.');
    expect(refused.stderr).toContain('Tue, Nov 24, 9:00 AM · Teeth cleaning with Maria Gomez, RDH for Ann Lee: the practice would be closed that day');
    const exported = JSON.parse((await runCli(['tenant', 'export', 'bright-smiles'], env)).stdout) as { closures: { date?: string }[] };
    expect(exported.closures.map((c) => c.date)).not.toContain('2026-11-24');
  });
});
