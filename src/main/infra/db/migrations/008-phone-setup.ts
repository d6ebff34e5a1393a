import type { Migration } from '../migrate.js';

/**
 * Phone set-up: which Twilio number each practice answers, the webhooks that number had before
 * Frontdesk pointed it here (put back on detach), and when the read-back last matched. Also the
 * appliance's own settings from the setup wizard (tunnel mode, Twilio account); those belong to
 * no single practice, so their `tenant_id` is '' (the appliance), keeping every table keyed by tenant.
 */
export const migration008PhoneSetup: Migration = {
  version: 8,
  name: '008-phone-setup',
  up(db) {
    db.exec(`
      CREATE TABLE phone_attachments (
        tenant_id      TEXT NOT NULL PRIMARY KEY REFERENCES tenants(tenant_id) ON DELETE CASCADE,
        number_sid     TEXT NOT NULL UNIQUE,
        phone_number   TEXT NOT NULL,
        previous_json  TEXT NOT NULL,
        pointed_at     TEXT,
        verified_at    INTEGER,
        problem        TEXT,
        attached_at    INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE appliance_settings (
        tenant_id   TEXT NOT NULL DEFAULT '',
        key         TEXT NOT NULL,
        value       TEXT NOT NULL,
        updated_at  INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, key)
      ) STRICT;
    `);
  },
};
