import type { Migration } from '../migrate.js';

/** Stream-mode turn latency: one row per answered turn, for the call detail and today's p50/p95. */
export const migration012TurnLatency: Migration = {
  version: 12,
  name: '012-turn-latency',
  up(db) {
    db.exec(`
      CREATE TABLE turn_latency (
        tenant_id          TEXT NOT NULL,
        call_id            TEXT NOT NULL,
        turn               INTEGER NOT NULL,
        at                 INTEGER NOT NULL,
        end_of_speech_ms   REAL,
        first_sentence_ms  REAL,
        first_audio_ms     REAL,
        PRIMARY KEY (tenant_id, call_id, turn),
        FOREIGN KEY (tenant_id, call_id) REFERENCES calls(tenant_id, call_id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX turn_latency_tenant_at ON turn_latency(tenant_id, at);
    `);
  },
};
