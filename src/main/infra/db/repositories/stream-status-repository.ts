import type { StreamStatusRepository } from '../../../core/calls/index.js';
import type { Db } from '../database.js';

const ACTION = 'call.stream-status';

type Row = { tenant_id: string; subject_id: string; at: number; details_json: string };

/**
 * Twilio's media-stream status callbacks, kept in the audit log under the call: a stream that
 * failed on Twilio's side is on record next to the call, not only in a log file.
 */
export function createStreamStatusRepository(db: Db): StreamStatusRepository {
  const insert = db.prepare('INSERT INTO audit_log (tenant_id, at, actor, action, subject_id, details_json) VALUES (?, ?, ?, ?, ?, ?)');
  const forCall = db.prepare<[string, string, string], Row>('SELECT tenant_id, subject_id, at, details_json FROM audit_log WHERE tenant_id = ? AND action = ? AND subject_id = ? ORDER BY id');
  return {
    append: (r) => void insert.run(r.tenantId, r.at, 'twilio', ACTION, r.callId, JSON.stringify({ event: r.event, streamSid: r.streamSid, error: r.error })),
    listForCall: (tenantId, callId) =>
      forCall.all(tenantId, ACTION, callId).map((row) => {
        const details = JSON.parse(row.details_json) as { event?: string; streamSid?: string | null; error?: string | null };
        return { tenantId: row.tenant_id, callId: row.subject_id, at: row.at, event: details.event ?? '', streamSid: details.streamSid ?? null, error: details.error ?? null };
      }),
  };
}
