import type { Migration } from '../migrate.js';

/**
 * Calendars: each provider's connected calendars, the busy cache synced from them, the links
 * from bookings to the events Frontdesk wrote, and the calendar outbox. The outbox's `seq` orders
 * delivery per connection (create, then move, then cancel); rows are written in the same
 * transaction as the booking change that caused them, so a change cannot be lost in between.
 */
export const migration009Calendars: Migration = {
  version: 9,
  name: '009-calendars',
  up(db) {
    db.exec(`
      CREATE TABLE calendar_connections (
        tenant_id         TEXT NOT NULL REFERENCES tenants(tenant_id) ON DELETE CASCADE,
        connection_id     TEXT NOT NULL,
        provider_id       TEXT NOT NULL,
        kind              TEXT NOT NULL CHECK (kind IN ('google', 'outlook', 'caldav', 'ics')),
        label             TEXT NOT NULL,
        address           TEXT NOT NULL,
        username          TEXT,
        counts_as_busy    INTEGER NOT NULL DEFAULT 1 CHECK (counts_as_busy IN (0, 1)),
        receives_bookings INTEGER NOT NULL DEFAULT 0 CHECK (receives_bookings IN (0, 1)),
        status            TEXT NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'error', 'reconnect')),
        last_sync_at      INTEGER,
        last_error        TEXT,
        cursor            TEXT,
        failures          INTEGER NOT NULL DEFAULT 0,
        next_sync_at      INTEGER NOT NULL DEFAULT 0,
        alerted_at        INTEGER,
        created_at        INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, connection_id)
      ) STRICT;
      CREATE INDEX calendar_connections_provider ON calendar_connections(tenant_id, provider_id);

      CREATE TABLE calendar_events (
        tenant_id     TEXT NOT NULL,
        connection_id TEXT NOT NULL,
        uid           TEXT NOT NULL,
        start_at      INTEGER NOT NULL,
        end_at        INTEGER NOT NULL,
        busy          INTEGER NOT NULL CHECK (busy IN (0, 1)),
        booking_id    TEXT,
        summary       TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (tenant_id, connection_id, uid),
        FOREIGN KEY (tenant_id, connection_id) REFERENCES calendar_connections(tenant_id, connection_id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX calendar_events_time ON calendar_events(tenant_id, connection_id, start_at);

      CREATE TABLE calendar_links (
        tenant_id     TEXT NOT NULL,
        connection_id TEXT NOT NULL,
        booking_id    TEXT NOT NULL,
        event_id      TEXT NOT NULL,
        remote_id     TEXT NOT NULL,
        etag          TEXT,
        start_at      INTEGER NOT NULL,
        end_at        INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, connection_id, booking_id),
        FOREIGN KEY (tenant_id, connection_id) REFERENCES calendar_connections(tenant_id, connection_id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX calendar_links_booking ON calendar_links(tenant_id, booking_id);

      CREATE TABLE calendar_outbox (
        seq             INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant_id       TEXT NOT NULL,
        connection_id   TEXT NOT NULL,
        booking_id      TEXT NOT NULL,
        op              TEXT NOT NULL CHECK (op IN ('put', 'remove')),
        event_json      TEXT,
        status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_error      TEXT,
        created_at      INTEGER NOT NULL,
        done_at         INTEGER,
        FOREIGN KEY (tenant_id, connection_id) REFERENCES calendar_connections(tenant_id, connection_id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX calendar_outbox_pending ON calendar_outbox(status, connection_id, seq);
      CREATE INDEX calendar_outbox_booking ON calendar_outbox(tenant_id, booking_id, connection_id, seq);
    `);
  },
};
