import type { MessageRecord, MessageRepository } from '../../../core/calls/index.js';
import type { Db } from '../database.js';

interface MessageRow {
  tenant_id: string;
  message_id: string;
  call_id: string | null;
  caller_name: string | null;
  callback_number: string | null;
  reason: string;
  urgent: number;
  status: 'new' | 'handled';
  created_at: number;
  handled_at: number | null;
  handled_by: string | null;
}

function toRecord(row: MessageRow): MessageRecord {
  return {
    tenantId: row.tenant_id,
    id: row.message_id,
    callId: row.call_id,
    callerName: row.caller_name,
    callbackNumber: row.callback_number,
    reason: row.reason,
    urgent: row.urgent === 1,
    status: row.status,
    createdAt: row.created_at,
    handledAt: row.handled_at,
    handledBy: row.handled_by,
  };
}

export function createMessageRepository(db: Db): MessageRepository {
  const insert = db.prepare(`
    INSERT INTO messages (tenant_id, message_id, call_id, caller_name, callback_number, reason, urgent, status, created_at)
    VALUES (@tenantId, @id, @callId, @callerName, @callbackNumber, @reason, @urgent, @status, @createdAt)`);
  const list = db.prepare<{ tenantId: string; status: string | null; callId: string | null; limit: number }, MessageRow>(`
    SELECT * FROM messages WHERE tenant_id = @tenantId AND (@status IS NULL OR status = @status) AND (@callId IS NULL OR call_id = @callId)
    ORDER BY urgent DESC, created_at DESC LIMIT @limit`);
  const get = db.prepare<[string, string], MessageRow>('SELECT * FROM messages WHERE tenant_id = ? AND message_id = ?');
  const handled = db.prepare<[number, string, string, string]>(
    "UPDATE messages SET status = 'handled', handled_at = ?, handled_by = ? WHERE tenant_id = ? AND message_id = ?",
  );
  return {
    insert: (m) => void insert.run({ ...m, urgent: m.urgent ? 1 : 0 }),
    list: (tenantId, o) => list.all({ tenantId, status: o.status ?? null, callId: o.callId ?? null, limit: o.limit }).map(toRecord),
    get: (tenantId, id) => {
      const row = get.get(tenantId, id);
      return row ? toRecord(row) : null;
    },
    markHandled: (tenantId, id, at, by) => void handled.run(at, by, tenantId, id),
  };
}
