import type { Migration } from '../migrate.js';
import { MAX_BLOCKED_MS } from './002-bookings.js';

/** An arrived patient still occupies the provider: the overlap guard counts them as living. */
const ACTIVE = "('held', 'pending_review', 'confirmed', 'arrived')";

/**
 * Adds the "arrived" status (the patient is in the waiting room). SQLite cannot widen a CHECK in
 * place, so `bookings` is rebuilt: copied into a new table, the old one dropped, the new one
 * renamed. `booking_history` points at `bookings` with ON DELETE CASCADE and foreign keys are on
 * (a pragma cannot change inside the migration's transaction), so dropping `bookings` would
 * empty it: the history is set aside first and put back after, rows and ids unchanged.
 */
export const migration015BookingArrived: Migration = {
  version: 15,
  name: '015-booking-arrived',
  up(db) {
    db.exec(`
      CREATE TABLE bookings_015 (
        tenant_id       TEXT NOT NULL REFERENCES tenants(tenant_id) ON DELETE CASCADE,
        booking_id      TEXT NOT NULL,
        customer_id     TEXT,
        service_id      TEXT NOT NULL,
        provider_id     TEXT NOT NULL,
        start_at        INTEGER NOT NULL,
        end_at          INTEGER NOT NULL,
        blocked_start   INTEGER NOT NULL,
        blocked_end     INTEGER NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('held', 'pending_review', 'confirmed', 'arrived', 'cancelled', 'completed', 'no_show', 'expired')),
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
      INSERT INTO bookings_015 (tenant_id, booking_id, customer_id, service_id, provider_id, start_at, end_at, blocked_start, blocked_end, status,
                                hold_expires_at, source, idempotency_key, call_id, review_reason, notes, created_at, created_by, updated_at, updated_by)
        SELECT tenant_id, booking_id, customer_id, service_id, provider_id, start_at, end_at, blocked_start, blocked_end, status,
               hold_expires_at, source, idempotency_key, call_id, review_reason, notes, created_at, created_by, updated_at, updated_by
        FROM bookings;

      CREATE TEMP TABLE booking_history_015 AS SELECT * FROM booking_history;
      DROP TABLE booking_history;
      DROP TABLE bookings;
      ALTER TABLE bookings_015 RENAME TO bookings;

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
      INSERT INTO booking_history (id, tenant_id, booking_id, at, actor, action, from_status, to_status, details_json)
        SELECT id, tenant_id, booking_id, at, actor, action, from_status, to_status, details_json FROM booking_history_015;
      DROP TABLE booking_history_015;
      CREATE INDEX booking_history_booking ON booking_history(tenant_id, booking_id, at);

      CREATE UNIQUE INDEX bookings_idempotency ON bookings(tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
      CREATE INDEX bookings_provider_blocked ON bookings(tenant_id, provider_id, blocked_start);
      CREATE INDEX bookings_tenant_start ON bookings(tenant_id, start_at);
      CREATE INDEX bookings_customer ON bookings(tenant_id, customer_id, start_at);
      CREATE INDEX bookings_held ON bookings(tenant_id, hold_expires_at) WHERE status = 'held';
      CREATE INDEX bookings_tenant_status ON bookings(tenant_id, status);

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
