import type { Migration } from '../migrate.js';

/**
 * Calls on record: one row per call (with the brain's state between webhooks), its transcript,
 * messages taken, every front-desk action with its arguments and result, and the TwiML answered
 * per Twilio idempotency token so a retried webhook gets the same answer and repeats nothing.
 */
export const migration003Calls: Migration = {
  version: 3,
  name: '003-calls',
  up(db) {
    db.exec(`
      CREATE TABLE calls (
        tenant_id      TEXT NOT NULL REFERENCES tenants(tenant_id) ON DELETE CASCADE,
        call_id        TEXT NOT NULL,
        call_sid       TEXT NOT NULL,
        from_number    TEXT,
        to_number      TEXT NOT NULL,
        customer_id    TEXT,
        caller_name    TEXT,
        started_at     INTEGER NOT NULL,
        ended_at       INTEGER,
        twilio_status  TEXT NOT NULL,
        status_sequence INTEGER NOT NULL DEFAULT -1,
        outcome        TEXT CHECK (outcome IN ('booked', 'rescheduled', 'cancelled', 'answered', 'message', 'transferred', 'abandoned')),
        summary        TEXT,
        brain          TEXT NOT NULL,
        state_json     TEXT NOT NULL,
        turn           INTEGER NOT NULL DEFAULT 0,
        mode           TEXT NOT NULL DEFAULT 'receptionist' CHECK (mode IN ('receptionist', 'staff')),
        PRIMARY KEY (tenant_id, call_id)
      ) STRICT;
      CREATE UNIQUE INDEX calls_sid ON calls(call_sid);
      CREATE INDEX calls_tenant_started ON calls(tenant_id, started_at);
      CREATE INDEX calls_active ON calls(tenant_id) WHERE ended_at IS NULL;

      CREATE TABLE transcript_turns (
        id         INTEGER PRIMARY KEY,
        tenant_id  TEXT NOT NULL,
        call_id    TEXT NOT NULL,
        at         INTEGER NOT NULL,
        speaker    TEXT NOT NULL CHECK (speaker IN ('caller', 'receptionist', 'staff')),
        text       TEXT NOT NULL,
        confidence REAL,
        FOREIGN KEY (tenant_id, call_id) REFERENCES calls(tenant_id, call_id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX transcript_turns_call ON transcript_turns(tenant_id, call_id, id);

      CREATE TABLE messages (
        tenant_id       TEXT NOT NULL REFERENCES tenants(tenant_id) ON DELETE CASCADE,
        message_id      TEXT NOT NULL,
        call_id         TEXT,
        caller_name     TEXT,
        callback_number TEXT,
        reason          TEXT NOT NULL,
        urgent          INTEGER NOT NULL DEFAULT 0,
        status          TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'handled')),
        created_at      INTEGER NOT NULL,
        handled_at      INTEGER,
        handled_by      TEXT,
        PRIMARY KEY (tenant_id, message_id)
      ) STRICT;
      CREATE INDEX messages_tenant_status ON messages(tenant_id, status, created_at);

      CREATE TABLE action_log (
        id          INTEGER PRIMARY KEY,
        tenant_id   TEXT NOT NULL,
        call_id     TEXT,
        at          INTEGER NOT NULL,
        action      TEXT NOT NULL,
        args_json   TEXT NOT NULL,
        ok          INTEGER NOT NULL,
        result_json TEXT NOT NULL,
        duration_ms REAL NOT NULL
      ) STRICT;
      CREATE INDEX action_log_call ON action_log(tenant_id, call_id, id);

      CREATE TABLE webhook_responses (
        tenant_id         TEXT NOT NULL,
        idempotency_token TEXT NOT NULL,
        path              TEXT NOT NULL,
        call_sid          TEXT,
        twiml             TEXT NOT NULL,
        created_at        INTEGER NOT NULL,
        PRIMARY KEY (idempotency_token, path)
      ) STRICT;
      CREATE INDEX webhook_responses_created ON webhook_responses(created_at);
    `);
  },
};
