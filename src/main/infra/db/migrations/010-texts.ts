import type { Migration } from '../migrate.js';

/**
 * Two-way texting. Outgoing texts stay outbox rows (durable, deduplicated, retried); they gain the
 * number they go to, the booking they are about, why they were sent, and Twilio's delivery status
 * from its callbacks. Incoming texts are kept once per MessageSid (Twilio retries webhooks). Per
 * number: STOP/START, and what our last question to that number was (so "1" or "yes" can be read).
 * The waitlist and the openings offered from it close the loop on cancellations.
 */
export const migration010Texts: Migration = {
  version: 10,
  name: '010-texts',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN to_phone TEXT;
      ALTER TABLE outbox ADD COLUMN booking_id TEXT;
      ALTER TABLE outbox ADD COLUMN purpose TEXT NOT NULL DEFAULT 'notice';
      ALTER TABLE outbox ADD COLUMN delivery_status TEXT;
      ALTER TABLE outbox ADD COLUMN delivery_updated_at INTEGER;
      UPDATE outbox SET to_phone = json_extract(payload_json, '$.to');
      CREATE INDEX outbox_thread ON outbox(tenant_id, to_phone, created_at);
      CREATE INDEX outbox_booking ON outbox(tenant_id, booking_id);
      CREATE INDEX outbox_provider ON outbox(tenant_id, provider_id);

      CREATE TABLE inbound_texts (
        tenant_id   TEXT NOT NULL REFERENCES tenants(tenant_id) ON DELETE CASCADE,
        text_id     TEXT NOT NULL,
        message_sid TEXT NOT NULL,
        from_phone  TEXT NOT NULL,
        body        TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        read_at     INTEGER,
        handled_as  TEXT,
        booking_id  TEXT,
        PRIMARY KEY (tenant_id, text_id)
      ) STRICT;
      CREATE UNIQUE INDEX inbound_texts_sid ON inbound_texts(tenant_id, message_sid);
      CREATE INDEX inbound_texts_thread ON inbound_texts(tenant_id, from_phone, received_at);
      CREATE INDEX inbound_texts_unread ON inbound_texts(tenant_id, read_at);

      CREATE TABLE text_numbers (
        tenant_id    TEXT NOT NULL REFERENCES tenants(tenant_id) ON DELETE CASCADE,
        phone        TEXT NOT NULL,
        opted_out    INTEGER NOT NULL DEFAULT 0 CHECK (opted_out IN (0, 1)),
        context_json TEXT,
        updated_at   INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, phone)
      ) STRICT;

      CREATE TABLE waitlist (
        tenant_id   TEXT NOT NULL REFERENCES tenants(tenant_id) ON DELETE CASCADE,
        entry_id    TEXT NOT NULL,
        phone       TEXT NOT NULL,
        name        TEXT,
        service_id  TEXT NOT NULL,
        provider_id TEXT,
        from_date   TEXT NOT NULL,
        to_date     TEXT NOT NULL,
        booking_id  TEXT,
        status      TEXT NOT NULL CHECK (status IN ('waiting', 'offered', 'booked', 'removed')),
        created_at  INTEGER NOT NULL,
        created_by  TEXT NOT NULL,
        updated_at  INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, entry_id)
      ) STRICT;
      CREATE INDEX waitlist_open ON waitlist(tenant_id, status, created_at);

      CREATE TABLE waitlist_offers (
        tenant_id   TEXT NOT NULL REFERENCES tenants(tenant_id) ON DELETE CASCADE,
        offer_id    TEXT NOT NULL,
        service_id  TEXT NOT NULL,
        provider_id TEXT NOT NULL,
        start       INTEGER NOT NULL,
        entry_ids   TEXT NOT NULL,
        status      TEXT NOT NULL CHECK (status IN ('open', 'taken', 'lapsed')),
        taken_by    TEXT,
        booking_id  TEXT,
        created_at  INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, offer_id)
      ) STRICT;
      CREATE INDEX waitlist_offers_open ON waitlist_offers(tenant_id, status);
    `);
  },
};
