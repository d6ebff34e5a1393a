import type { Migration } from '../migrate.js';

/**
 * Tokens and model per LLM request, per call: the call detail sums them by model, the console
 * sums them per day. Rows are small and append-only.
 */
export const migration013LlmUsage: Migration = {
  version: 13,
  name: '013-llm-usage',
  up(db) {
    db.exec(`
      CREATE TABLE llm_usage (
        id                INTEGER PRIMARY KEY,
        tenant_id         TEXT NOT NULL,
        call_id           TEXT NOT NULL,
        at                INTEGER NOT NULL,
        model             TEXT NOT NULL,
        prompt_tokens     INTEGER NOT NULL CHECK (prompt_tokens >= 0),
        completion_tokens INTEGER NOT NULL CHECK (completion_tokens >= 0)
      );
      CREATE INDEX llm_usage_call ON llm_usage(tenant_id, call_id);
      CREATE INDEX llm_usage_at ON llm_usage(tenant_id, at);
    `);
  },
};
