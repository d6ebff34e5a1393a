import type { Migration } from '../migrate.js';

/** Practices, the numbers that reach them, and the audit trail every domain writes to. */
export const migration001Tenants: Migration = {
  version: 1,
  name: '001-tenants',
  up(db) {
    db.exec(`
      CREATE TABLE tenants (
        tenant_id   TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        config_json TEXT NOT NULL,
        revision    INTEGER NOT NULL,
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL
      ) STRICT;

      -- One number reaches exactly one practice: the incoming call's To picks the tenant.
      CREATE TABLE tenant_phone_numbers (
        phone_number TEXT PRIMARY KEY,
        tenant_id    TEXT NOT NULL REFERENCES tenants(tenant_id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX tenant_phone_numbers_tenant ON tenant_phone_numbers(tenant_id);

      CREATE TABLE audit_log (
        id           INTEGER PRIMARY KEY,
        tenant_id    TEXT NOT NULL,
        at           INTEGER NOT NULL,
        actor        TEXT NOT NULL,
        action       TEXT NOT NULL,
        subject_id   TEXT,
        details_json TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX audit_log_tenant_at ON audit_log(tenant_id, at);
    `);
  },
};
