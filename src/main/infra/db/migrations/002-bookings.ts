import type { Migration } from '../migrate.js';

/** The longest interval one booking may block; it bounds the overlap trigger's index scan. */
export const MAX_BLOCKED_MS = 24 * 60 * 60 * 1000;

const ACTIVE = "('held', 'pending_review', 'confirmed')";

/**
 * Customers, bookings and their history, plus the last of the three double-booking guards: a
 * trigger that refuses any active booking whose blocked interval overlaps another active booking
 * of the same provider, whatever code path (or process) tried to write it. Holds past their expiry
 * must be marked 'expired' (the booking transaction does so first) to stop counting.
 */
export const migration002Bookings: Migration = {
  version: 2,
  name: '002-bookings',
  up(db) {
    db.exec(`
      CREATE TABLE customers (
        tenant_id   TEXT NOT NULL REFERENCES tenants(tenant_id) ON DELETE CASCADE,
        customer_id TEXT NOT NULL,
        phone       TEXT,
        name        TEXT,
        notes       TEXT NOT NULL DEFAULT '',
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, customer_id)
      ) STRICT;
      CREATE UNIQUE INDEX customers_phone ON customers(tenant_id, phone) WHERE phone IS NOT NULL;
      CREATE INDEX customers_name ON customers(tenant_id, name COLLATE NOCASE);

      CREATE TABLE bookings (
        tenant_id       TEXT NOT NULL REFERENCES tenants(tenant_id) ON DELETE CASCADE,
        booking_id      TEXT NOT NULL,
        customer_id     TEXT,
        service_id      TEXT NOT NULL,
        provider_id     TEXT NOT NULL,
        start_at        INTEGER NOT NULL,
        end_at          INTEGER NOT NULL,
        blocked_start   INTEGER NOT NULL,
        blocked_end     INTEGER NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('held', 'pending_review', 'confirmed', 'cancelled', 'completed', 'no_show', 'expired')),
        hold_expires_at INTEGER,
        source          TEXT NOT NULL CHECK (source IN ('phone', 'staff')),
        idempotency_key TEXT,
        call_id         TEXT,
        review_reason   TEXT,
        notes           TEXT NOT NULL DEFAULT '',
        created_at      INTEGER NOT NULL,
        created_by      TEXT NOT NULL,
        updated_at      INTEGER NOT NULL,
        updated_by      TEXT NOT NULL,
        PRIMARY KEY (tenant_id, booking_id),
        FOREIGN KEY (tenant_id, customer_id) REFERENCES customers(tenant_id, customer_id),
        CHECK (start_at < end_at AND blocked_start <= start_at AND blocked_end >= end_at),
        CHECK (blocked_end - blocked_start <= ${MAX_BLOCKED_MS}),
        CHECK (status != 'held' OR hold_expires_at IS NOT NULL)
      ) STRICT;
      CREATE UNIQUE INDEX bookings_idempotency ON bookings(tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
      CREATE INDEX bookings_provider_blocked ON bookings(tenant_id, provider_id, blocked_start);
      CREATE INDEX bookings_tenant_start ON bookings(tenant_id, start_at);
      CREATE INDEX bookings_customer ON bookings(tenant_id, customer_id, start_at);
      CREATE INDEX bookings_held ON bookings(tenant_id, hold_expires_at) WHERE status = 'held';

      CREATE TABLE booking_history (
        id           INTEGER PRIMARY KEY,
        tenant_id    TEXT NOT NULL,
        booking_id   TEXT NOT NULL,
        at           INTEGER NOT NULL,
        actor        TEXT NOT NULL,
        action       TEXT NOT NULL,
        from_status  TEXT,
        to_status    TEXT,
        details_json TEXT NOT NULL DEFAULT '{}',
        FOREIGN KEY (tenant_id, booking_id) REFERENCES bookings(tenant_id, booking_id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX booking_history_booking ON booking_history(tenant_id, booking_id, at);

      CREATE TRIGGER bookings_no_overlap_on_insert
      BEFORE INSERT ON bookings
      WHEN NEW.status IN ${ACTIVE}
      BEGIN
        SELECT RAISE(ABORT, 'FRONTDESK_OVERLAP')
        WHERE EXISTS (
          SELECT 1 FROM bookings b
          WHERE b.tenant_id = NEW.tenant_id AND b.provider_id = NEW.provider_id
            AND b.blocked_start > NEW.blocked_start - ${MAX_BLOCKED_MS}
            AND b.blocked_start < NEW.blocked_end AND NEW.blocked_start < b.blocked_end
            AND b.status IN ${ACTIVE});
      END;

      CREATE TRIGGER bookings_no_overlap_on_update
      BEFORE UPDATE OF status, provider_id, blocked_start, blocked_end ON bookings
      WHEN NEW.status IN ${ACTIVE}
      BEGIN
        SELECT RAISE(ABORT, 'FRONTDESK_OVERLAP')
        WHERE EXISTS (
          SELECT 1 FROM bookings b
          WHERE b.tenant_id = NEW.tenant_id AND b.provider_id = NEW.provider_id
            AND b.booking_id != NEW.booking_id
            AND b.blocked_start > NEW.blocked_start - ${MAX_BLOCKED_MS}
            AND b.blocked_start < NEW.blocked_end AND NEW.blocked_start < b.blocked_end
            AND b.status IN ${ACTIVE});
      END;
    `);
  },
};
