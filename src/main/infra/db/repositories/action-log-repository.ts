import type { ActionLogRepository } from '../../../core/calls/index.js';
import type { Db } from '../database.js';

/** Action arguments and results are stored as JSON, but never card or health details: actions carry none. */
export function createActionLogRepository(db: Db): ActionLogRepository {
  const insert = db.prepare(
    'INSERT INTO action_log (tenant_id, call_id, at, action, args_json, ok, result_json, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const list = db.prepare<[string, string], { at: number; action: string; args_json: string; ok: number; result_json: string; duration_ms: number; call_id: string | null; tenant_id: string }>(
    'SELECT * FROM action_log WHERE tenant_id = ? AND call_id = ? ORDER BY id',
  );
  return {
    append: (e) => void insert.run(e.tenantId, e.callId, e.at, e.action, JSON.stringify(e.args ?? null), e.ok ? 1 : 0, JSON.stringify(e.result ?? null), e.durationMs),
    list: (tenantId, callId) =>
      list.all(tenantId, callId).map((r) => ({
        tenantId: r.tenant_id,
        callId: r.call_id,
        at: r.at,
        action: r.action,
        args: JSON.parse(r.args_json) as unknown,
        ok: r.ok === 1,
        result: JSON.parse(r.result_json) as unknown,
        durationMs: r.duration_ms,
      })),
  };
}
