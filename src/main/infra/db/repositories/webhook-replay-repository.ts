import type { Db } from '../database.js';

/** How long a Twilio retry can come after the original: far beyond Twilio's own retry window. */
const KEEP_MS = 24 * 60 * 60 * 1000;

/** Which stored answer a webhook retry replays: one practice's one call, one token, one route. */
export interface ReplayKey {
  tenantId: string;
  callSid: string;
  token: string;
  path: string;
}

export interface WebhookReplayRepository {
  find(key: ReplayKey): string | null;
  save(entry: ReplayKey & { twiml: string; at: number }): void;
}

export function createWebhookReplayRepository(db: Db): WebhookReplayRepository {
  const find = db.prepare<[string, string, string, string], { twiml: string }>(
    'SELECT twiml FROM webhook_responses WHERE tenant_id = ? AND call_sid = ? AND idempotency_token = ? AND path = ?',
  );
  const save = db.prepare(
    'INSERT OR IGNORE INTO webhook_responses (tenant_id, call_sid, idempotency_token, path, twiml, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const prune = db.prepare<[number]>('DELETE FROM webhook_responses WHERE created_at < ?');
  let saves = 0;
  return {
    find: (k) => find.get(k.tenantId, k.callSid, k.token, k.path)?.twiml ?? null,
    save(e) {
      save.run(e.tenantId, e.callSid, e.token, e.path, e.twiml, e.at);
      if (++saves % 500 === 0) prune.run(e.at - KEEP_MS);
    },
  };
}
