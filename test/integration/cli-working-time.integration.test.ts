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

describe('frontdesk tenant import, when the new file leaves a booked visit outside working time', () => {
  it('is refused like a closed day: non-zero exit, the appointment listed with why, nothing changed', async () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const env = { FRONTDESK_DATA_DIR: dir, FRONTDESK_NOW: '2026-11-23T14:00:00Z' };
    const original = join(dir, 'practice.json');
    writeFileSync(original, JSON.stringify(demoTenant()));
    expect((await runCli(['tenant', 'import', original], env)).code).toBe(0);
    const booked = await runCli(
      ['bookings', 'create', '--tenant', 'bright-smiles', '--service', 'exam', '--provider', 'dr-lee', '--start', '2026-11-30T14:45', '--name', 'Ann Lee', '--phone', '555-555-0199'],
      env,
    );
    expect(booked.code).toBe(0);

    const shorter = demoTenant() as Record<string, any>;
    shorter.hours = { ...shorter.hours, mon: [['08:00', '12:00'], ['13:00', '15:00']] };
    const file = join(dir, 'shorter-mondays.json');
    writeFileSync(file, JSON.stringify(shorter));

    const refused = await runCli(['tenant', 'import', file], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("This change leaves 1 upcoming appointment outside its provider's working time.");
    expect(refused.stderr).toContain("Mon, Nov 30, 2:45 PM · Dental exam with Dr. Emily Lee for Ann Lee: the practice's new hours on Mondays end at 3:00 PM");
    const exported = JSON.parse((await runCli(['tenant', 'export', 'bright-smiles'], env)).stdout) as { hours: { mon: string[][] } };
    expect(exported.hours.mon).toEqual([['08:00', '12:00'], ['13:00', '17:00']]);

    // The same file once the visit is gone goes through.
    const list = JSON.parse((await runCli(['bookings', 'list', '--tenant', 'bright-smiles', '--json'], env)).stdout) as { id: string }[];
    expect((await runCli(['bookings', 'cancel', '--tenant', 'bright-smiles', '--id', list[0]!.id], env)).code).toBe(0);
    expect((await runCli(['tenant', 'import', file], env)).code).toBe(0);
  });
});
