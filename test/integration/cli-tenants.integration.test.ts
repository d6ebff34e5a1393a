import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app/index.js';
import { tenantConfigSchema, type AnyEvent } from '../../src/shared/contract/index.js';
import { demoTenant } from '../support/demo-tenant.js';
import { runCli } from '../support/run-cli.js';
import { makeTempDir } from '../support/temp-dir.js';
import { testConfig } from '../support/test-config.js';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function dataDir(): string {
  const { dir, cleanup } = makeTempDir();
  cleanups.push(cleanup);
  return dir;
}

describe('frontdesk tenant …', () => {
  it('imports, lists and exports a practice; export re-imports unchanged', async () => {
    const dir = dataDir();
    const env = { FRONTDESK_DATA_DIR: dir };
    const file = join(dir, 'practice.json');
    writeFileSync(file, JSON.stringify(demoTenant()));

    expect(await runCli(['tenant', 'list'], env)).toMatchObject({ code: 0, stdout: expect.stringContaining('No practices yet') });
    const imported = await runCli(['tenant', 'import', file], env);
    expect(imported).toMatchObject({ code: 0, stdout: 'Imported Bright Smiles Dental (bright-smiles).\n' });

    const listed = await runCli(['tenant', 'list', '--json'], env);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ id: 'bright-smiles', timezone: 'America/New_York', phoneNumbers: ['+15555550123'] }]);

    const exported = await runCli(['tenant', 'export', 'bright-smiles'], env);
    expect(exported.code).toBe(0);
    const config = tenantConfigSchema.parse(JSON.parse(exported.stdout));
    expect(config.services.map((s) => s.id)).toEqual(['cleaning', 'exam', 'filling', 'whitening']);
    const again = join(dir, 'again.json');
    writeFileSync(again, exported.stdout);
    expect((await runCli(['tenant', 'import', again], env)).code).toBe(0);
    const reExported = await runCli(['tenant', 'export', 'bright-smiles'], env);
    expect(JSON.parse(reExported.stdout)).toEqual(JSON.parse(exported.stdout));
  });

  it('takes the data folder from the --data-dir flag too', async () => {
    const dir = dataDir();
    const file = join(dir, 'practice.json');
    writeFileSync(file, JSON.stringify(demoTenant()));
    expect((await runCli(['tenant', 'import', file, '--data-dir', dir])).code).toBe(0);
    expect((await runCli(['--data-dir', dir, 'tenant', 'list'])).stdout).toContain('bright-smiles');
  });

  it('refuses an invalid file with each problem on its own line and exit code 2', async () => {
    const dir = dataDir();
    const file = join(dir, 'bad.json');
    const bad = demoTenant() as Record<string, any>;
    bad.services[2].durationMinutes = 0;
    bad.timezone = 'Nowhere/Special';
    bad.services[1].durationMinutes = 1_000_000_000;
    bad.faq[0].answer = 'We take most plans.\u0007';
    writeFileSync(file, JSON.stringify(bad));
    const result = await runCli(['tenant', 'import', file], { FRONTDESK_DATA_DIR: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('services[2].durationMinutes: must be a positive integer');
    expect(result.stderr).toContain('timezone: must be a time zone such as America/New_York');
    expect(result.stderr).toContain('services[1].durationMinutes: must be at most 1440 minutes (one day)');
    expect(result.stderr).toContain('faq[0].answer: must not contain control characters (found U+0007)');
    expect((await runCli(['tenant', 'list', '--json'], { FRONTDESK_DATA_DIR: dir })).stdout.trim()).toBe('[]');
  });

  it('explains a file that is not JSON or does not exist', async () => {
    const dir = dataDir();
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "id": ');
    const broken = await runCli(['tenant', 'import', file], { FRONTDESK_DATA_DIR: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/Could not read .*broken\.json/);
    const missing = await runCli(['tenant', 'import', join(dir, 'nope.json')], { FRONTDESK_DATA_DIR: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
  });

  it('exits non-zero with a clear error for an unknown practice', async () => {
    const result = await runCli(['tenant', 'export', 'nobody'], { FRONTDESK_DATA_DIR: dataDir() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('There is no practice "nobody".');
  });

  it('is picked up by a running appliance without a restart', async () => {
    const dir = dataDir();
    const app: App = createApp(testConfig(dir));
    cleanups.push(() => app.stop());
    await app.start();
    const changed = new Promise<AnyEvent>((resolve) => app.subscribe((e) => e.name === 'tenants/changed' && resolve(e)));
    const file = join(dir, 'edited.json');
    writeFileSync(file, JSON.stringify({ ...demoTenant(), greeting: 'Edited from the command line.' }));
    expect((await runCli(['tenant', 'import', file], { FRONTDESK_DATA_DIR: dir })).code).toBe(0);
    expect(await changed).toMatchObject({ payload: { tenantIds: ['bright-smiles'] } });
    const result = await app.dispatch('tenants/get', { tenantId: 'bright-smiles' }, { actor: 'test', transport: 'internal' });
    expect(result).toMatchObject({ ok: true, output: { greeting: 'Edited from the command line.' } });
  });
});
