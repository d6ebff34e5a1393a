import type { Db } from '../database.js';

/** How long a Twilio retry can come after the original: far beyond Twilio's own retry window. */
const KEEP_MS = 24 * 60 * 60 * 1000;

export interface WebhookReplayRepository {
  find(token: string, path: string): string | null;
  save(entry: { tenantId: string; token: string; path: string; callSid: string | null; twiml: string; at: number }): void;
}

export function createWebhookReplayRepository(db: Db): WebhookReplayRepository {
  const find = db.prepare<[string, string], { twiml: string }>('SELECT twiml FROM webhook_responses WHERE idempotency_token = ? AND path = ?');
  const save = db.prepare(
    'INSERT OR IGNORE INTO webhook_responses (tenant_id, idempotency_token, path, call_sid, twiml, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const prune = db.prepare<[number]>('DELETE FROM webhook_responses WHERE created_at < ?');
  let saves = 0;
  return {
    find: (token, path) => find.get(token, path)?.twiml ?? null,
    save(e) {
      save.run(e.tenantId, e.token, e.path, e.callSid, e.twiml, e.at);
      if (++saves % 500 === 0) prune.run(e.at - KEEP_MS);
    },
  };
}
