import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import pino from 'pino';
import { ContractError } from '../../../src/shared/contract/index.js';
import { TenantService } from '../../../src/main/core/tenants/index.js';
import { openDatabase, type Db } from '../../../src/main/infra/db/database.js';
import { createTenantRepository } from '../../../src/main/infra/db/repositories/tenant-repository.js';
import { demoTenant } from '../../support/demo-tenant.js';
import { FakeClock } from '../../support/fake-clock.js';
import { makeTempDir } from '../../support/temp-dir.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function open(dir: string): { db: Db; service: TenantService } {
  const db = openDatabase(join(dir, 'frontdesk.sqlite'));
  cleanups.unshift(() => db.close());
  return { db, service: new TenantService(createTenantRepository(db), FakeClock.at('2026-11-23T14:00:00Z'), pino({ level: 'silent' })) };
}

describe('TenantService', () => {
  it('saves a practice, bumps its revision on edit, and audits who did it', () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const { db, service } = open(dir);
    expect(service.save(demoTenant(), 'owner').revision).toBe(1);
    const edited = { ...demoTenant(), greeting: 'Hello from Bright Smiles!' };
    const record = service.save(edited, 'owner');
    expect(record.revision).toBe(2);
    expect(service.get('bright-smiles').config.greeting).toBe('Hello from Bright Smiles!');
    expect(db.prepare("SELECT actor, action FROM audit_log WHERE tenant_id = 'bright-smiles'").all()).toEqual([
      { actor: 'owner', action: 'tenant.saved' },
      { actor: 'owner', action: 'tenant.saved' },
    ]);
  });

  it('finds the practice by the number that was dialled', () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const { service } = open(dir);
    service.save(demoTenant(), 'owner');
    expect(service.findByPhoneNumber('+15555550123')?.id).toBe('bright-smiles');
    expect(service.findByPhoneNumber('+15555559999')).toBeNull();
  });

  it('refuses a number that already reaches another practice, keeping both practices intact', () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const { service } = open(dir);
    service.save(demoTenant(), 'owner');
    const other = { ...demoTenant(), id: 'other-practice', name: 'Other' };
    expect(() => service.save(other, 'owner')).toThrow(ContractError);
    expect(() => service.save(other, 'owner')).toThrow(/\+15555550123 already belongs to practice "bright-smiles"/);
    expect(service.list().map((t) => t.id)).toEqual(['bright-smiles']);
  });

  it('refuses an invalid file with every problem named, storing nothing', () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const { service } = open(dir);
    const bad = demoTenant() as Record<string, any>;
    bad.services[1].durationMinutes = 'thirty';
    try {
      service.save(bad, 'owner');
      expect.unreachable();
    } catch (error) {
      expect((error as ContractError).details).toEqual(['services[1].durationMinutes: must be a positive integer']);
    }
    expect(service.list()).toEqual([]);
  });

  it('notices a practice saved by another connection (the CLI) without a restart', () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const appliance = open(dir);
    const cli = open(dir);
    expect(appliance.service.list()).toEqual([]);
    cli.service.save(demoTenant(), 'cli');
    expect(appliance.service.refreshIfChanged()).toEqual(['bright-smiles']);
    expect(appliance.service.get('bright-smiles').revision).toBe(1);
    expect(appliance.service.refreshIfChanged()).toEqual([]);
  });

  it('drops the editor-only $schema key', () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const { service } = open(dir);
    expect('$schema' in service.save(demoTenant(), 'owner').config).toBe(false);
  });
});
