import type { Migration } from '../migrate.js';

/**
 * A replayed webhook answer belongs to one practice's one call: the same idempotency token on
 * another call (another practice's, even) must not get this call's TwiML. The key becomes
 * (tenant, call, token, path); answers already stored keep working for their own call.
 */
export const migration006WebhookReplayPerCall: Migration = {
  version: 6,
  name: '006-webhook-replay-per-call',
  up(db) {
    db.exec(`
      CREATE TABLE webhook_responses_per_call (
        tenant_id         TEXT NOT NULL,
        call_sid          TEXT NOT NULL,
        idempotency_token TEXT NOT NULL,
        path              TEXT NOT NULL,
        twiml             TEXT NOT NULL,
        created_at        INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, call_sid, idempotency_token, path)
      ) STRICT;
      INSERT OR IGNORE INTO webhook_responses_per_call (tenant_id, call_sid, idempotency_token, path, twiml, created_at)
        SELECT tenant_id, COALESCE(call_sid, ''), idempotency_token, path, twiml, created_at FROM webhook_responses;
      DROP TABLE webhook_responses;
      ALTER TABLE webhook_responses_per_call RENAME TO webhook_responses;
      CREATE INDEX webhook_responses_created ON webhook_responses(created_at);
    `);
  },
};
