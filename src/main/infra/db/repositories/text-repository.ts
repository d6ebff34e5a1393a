import type { InboundTextRecord, TextContext, TextRepository } from '../../../core/notifications/index.js';
import type { Db } from '../database.js';
import { immediateTransactions } from '../immediate.js';

interface InboundRow {
  tenant_id: string;
  text_id: string;
  message_sid: string;
  from_phone: string;
  body: string;
  received_at: number;
  read_at: number | null;
  handled_as: string | null;
  booking_id: string | null;
}

function toInbound(row: InboundRow): InboundTextRecord {
  return {
    tenantId: row.tenant_id,
    id: row.text_id,
    messageSid: row.message_sid,
    phone: row.from_phone,
    body: row.body,
    receivedAt: row.received_at,
    readAt: row.read_at,
    handledAs: row.handled_as,
    bookingId: row.booking_id,
  };
}

export function createTextRepository(db: Db): TextRepository {
  const insert = db.prepare(`
    INSERT INTO inbound_texts (tenant_id, text_id, message_sid, from_phone, body, received_at, read_at, handled_as, booking_id)
    VALUES (@tenantId, @id, @messageSid, @phone, @body, @receivedAt, @readAt, @handledAs, @bookingId)
    ON CONFLICT (tenant_id, message_sid) DO NOTHING`);
  const handled = db.prepare('UPDATE inbound_texts SET handled_as = ?, booking_id = ? WHERE tenant_id = ? AND text_id = ?');
  const forPhone = db.prepare<[string, string, number], InboundRow>('SELECT * FROM inbound_texts WHERE tenant_id = ? AND from_phone = ? ORDER BY received_at DESC, rowid DESC LIMIT ?');
  const markRead = db.prepare('UPDATE inbound_texts SET read_at = ? WHERE tenant_id = ? AND from_phone = ? AND read_at IS NULL');
  const unread = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM inbound_texts WHERE tenant_id = ? AND read_at IS NULL');
  // A thread is a number we texted or that texted us; its time is the latest message either way.
  const threads = db.prepare<[string, string, number], { phone: string; last_at: number; unread: number }>(`
    SELECT phone, max(at) AS last_at, sum(unread) AS unread FROM (
      SELECT from_phone AS phone, received_at AS at, (read_at IS NULL) AS unread FROM inbound_texts WHERE tenant_id = ?
      UNION ALL
      SELECT to_phone AS phone, created_at AS at, 0 AS unread FROM outbox WHERE tenant_id = ? AND to_phone IS NOT NULL
    ) GROUP BY phone ORDER BY (sum(unread) > 0) DESC, last_at DESC LIMIT ?`);
  const number = db.prepare<[string, string], { opted_out: number; context_json: string | null }>('SELECT opted_out, context_json FROM text_numbers WHERE tenant_id = ? AND phone = ?');
  const setOptOut = db.prepare(`
    INSERT INTO text_numbers (tenant_id, phone, opted_out, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (tenant_id, phone) DO UPDATE SET opted_out = excluded.opted_out, updated_at = excluded.updated_at`);
  const setContext = db.prepare(`
    INSERT INTO text_numbers (tenant_id, phone, context_json, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (tenant_id, phone) DO UPDATE SET context_json = excluded.context_json, updated_at = excluded.updated_at`);
  return {
    insertInbound: (record) => insert.run(record).changes === 1,
    setHandled: (tenantId, id, handledAs, bookingId) => void handled.run(handledAs, bookingId, tenantId, id),
    inboundForPhone: (tenantId, phone, limit) => forPhone.all(tenantId, phone, limit).map(toInbound),
    markRead: (tenantId, phone, at) => void markRead.run(at, tenantId, phone),
    unreadCount: (tenantId) => unread.get(tenantId)?.n ?? 0,
    threads: (tenantId, limit) => threads.all(tenantId, tenantId, limit).map((r) => ({ phone: r.phone, lastAt: r.last_at, unread: r.unread })),
    number(tenantId, phone) {
      const row = number.get(tenantId, phone);
      return { optedOut: row?.opted_out === 1, context: row?.context_json ? (JSON.parse(row.context_json) as TextContext) : null };
    },
    setOptedOut: (tenantId, phone, optedOut, at) => void setOptOut.run(tenantId, phone, optedOut ? 1 : 0, at),
    setContext: (tenantId, phone, context, at) => void setContext.run(tenantId, phone, context ? JSON.stringify(context) : null, at),
    exclusive: immediateTransactions(db),
  };
}
