import type { Migration } from '../migrate.js';

/**
 * The durable outbox: every effect on the outside world (SMS now, calendar events later) is a row
 * written in the same transaction as the decision that caused it, then delivered with retries and
 * backoff. `dedupe_key` is deterministic (booking + event), so a retried decision cannot queue
 * the same text twice, and it doubles as the idempotency key sent to the vendor.
 */
export const migration004Outbox: Migration = {
  version: 4,
  name: '004-outbox',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        tenant_id       TEXT NOT NULL REFERENCES tenants(tenant_id) ON DELETE CASCADE,
        outbox_id       TEXT NOT NULL,
        kind            TEXT NOT NULL CHECK (kind IN ('sms')),
        dedupe_key      TEXT NOT NULL,
        payload_json    TEXT NOT NULL,
        status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_error      TEXT,
        provider_id     TEXT,
        created_at      INTEGER NOT NULL,
        sent_at         INTEGER,
        PRIMARY KEY (tenant_id, outbox_id)
      ) STRICT;
      CREATE UNIQUE INDEX outbox_dedupe ON outbox(tenant_id, dedupe_key);
      CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
    `);
  },
};
