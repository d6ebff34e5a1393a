import type { TenantConfig } from '../../../../shared/contract/index.js';
import { PhoneNumberTakenError, type TenantRecord, type TenantRepository } from '../../../core/tenants/index.js';
import type { Db } from '../database.js';
import { readStoredTenant } from './stored-tenant.js';

interface TenantRow {
  tenant_id: string;
  config_json: string;
  revision: number;
  created_at: number;
  updated_at: number;
}

function toRecord(row: TenantRow): TenantRecord {
  return {
    id: row.tenant_id,
    config: readStoredTenant(JSON.parse(row.config_json)),
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function createTenantRepository(db: Db): TenantRepository {
  const selectAll = db.prepare<[], TenantRow>('SELECT * FROM tenants ORDER BY name');
  const selectOne = db.prepare<[string], TenantRow>('SELECT * FROM tenants WHERE tenant_id = ?');
  const upsert = db.prepare(`
    INSERT INTO tenants (tenant_id, name, config_json, revision, created_at, updated_at)
    VALUES (@id, @name, @json, 1, @at, @at)
    ON CONFLICT (tenant_id) DO UPDATE SET
      name = excluded.name, config_json = excluded.config_json,
      revision = tenants.revision + 1, updated_at = excluded.updated_at`);
  const numberOwner = db.prepare<[string], { tenant_id: string }>('SELECT tenant_id FROM tenant_phone_numbers WHERE phone_number = ?');
  const deleteNumbers = db.prepare('DELETE FROM tenant_phone_numbers WHERE tenant_id = ?');
  const insertNumber = db.prepare('INSERT INTO tenant_phone_numbers (phone_number, tenant_id) VALUES (?, ?)');
  const audit = db.prepare(
    'INSERT INTO audit_log (tenant_id, at, actor, action, subject_id, details_json) VALUES (?, ?, ?, ?, ?, ?)',
  );

  const save = db.transaction((config: TenantConfig, at: number, actor: string): TenantRecord => {
    for (const number of config.phoneNumbers) {
      const owner = numberOwner.get(number);
      if (owner && owner.tenant_id !== config.id) throw new PhoneNumberTakenError(number, owner.tenant_id);
    }
    upsert.run({ id: config.id, name: config.name, json: JSON.stringify(config), at });
    deleteNumbers.run(config.id);
    for (const number of config.phoneNumbers) insertNumber.run(number, config.id);
    const row = selectOne.get(config.id);
    if (!row) throw new Error(`tenant ${config.id} vanished inside its own transaction`);
    audit.run(config.id, at, actor, 'tenant.saved', config.id, JSON.stringify({ revision: row.revision }));
    return toRecord(row);
  });

  const dataVersion = db.prepare('PRAGMA data_version').pluck();

  return {
    list: () => selectAll.all().map(toRecord),
    get: (tenantId) => {
      const row = selectOne.get(tenantId);
      return row ? toRecord(row) : null;
    },
    save: (config, at, actor) => save.immediate(config, at, actor),
    findIdByPhoneNumber: (phoneNumber) => numberOwner.get(phoneNumber)?.tenant_id ?? null,
    // Prepared once: `db.pragma()` compiles its statement on every call, and this runs on every read of a practice.
    changeMarker: () => dataVersion.get() as number,
  };
}
