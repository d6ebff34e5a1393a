import type { OutboxRecord, OutboxRepository } from '../../../core/notifications/index.js';
import type { Db } from '../database.js';
import { createPatcher } from '../patch-statement.js';

interface OutboxRow {
  tenant_id: string;
  outbox_id: string;
  kind: 'sms';
  dedupe_key: string;
  payload_json: string;
  status: OutboxRecord['status'];
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  provider_id: string | null;
  created_at: number;
  sent_at: number | null;
  booking_id: string | null;
  purpose: string;
  delivery_status: string | null;
  delivery_updated_at: number | null;
}

const COLUMN_OF = {
  status: 'status',
  attempts: 'attempts',
  nextAttemptAt: 'next_attempt_at',
  lastError: 'last_error',
  providerId: 'provider_id',
  sentAt: 'sent_at',
  deliveryStatus: 'delivery_status',
  deliveryUpdatedAt: 'delivery_updated_at',
} as const;

function toRecord(row: OutboxRow): OutboxRecord {
  return {
    tenantId: row.tenant_id,
    id: row.outbox_id,
    kind: row.kind,
    dedupeKey: row.dedupe_key,
    payload: JSON.parse(row.payload_json) as OutboxRecord['payload'],
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    providerId: row.provider_id,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    bookingId: row.booking_id,
    purpose: row.purpose as OutboxRecord['purpose'],
    deliveryStatus: row.delivery_status,
    deliveryUpdatedAt: row.delivery_updated_at,
  };
}

export function createOutboxRepository(db: Db): OutboxRepository {
  const insert = db.prepare(`
    INSERT INTO outbox (tenant_id, outbox_id, kind, dedupe_key, payload_json, status, attempts, next_attempt_at, created_at, to_phone, booking_id, purpose)
    VALUES (@tenantId, @id, @kind, @dedupeKey, @payloadJson, @status, @attempts, @nextAttemptAt, @createdAt, @toPhone, @bookingId, @purpose)
    ON CONFLICT (tenant_id, dedupe_key) DO NOTHING`);
  const byKey = db.prepare<[string, string], OutboxRow>('SELECT * FROM outbox WHERE tenant_id = ? AND dedupe_key = ?');
  const byId = db.prepare<[string, string], OutboxRow>('SELECT * FROM outbox WHERE tenant_id = ? AND outbox_id = ?');
  const byProvider = db.prepare<[string, string], OutboxRow>('SELECT * FROM outbox WHERE tenant_id = ? AND provider_id = ?');
  const due = db.prepare<[number, number], OutboxRow>("SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?");
  const patch = createPatcher<Parameters<OutboxRepository['update']>[2]>({ db, table: 'outbox', columns: COLUMN_OF, where: 'tenant_id = @tenantId AND outbox_id = @id' });
  const list = db.prepare<[string, number], OutboxRow>('SELECT * FROM outbox WHERE tenant_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?');
  const forPhone = db.prepare<[string, string, number], OutboxRow>('SELECT * FROM outbox WHERE tenant_id = ? AND to_phone = ? ORDER BY created_at DESC, rowid DESC LIMIT ?');
  const forBooking = db.prepare<[string, string], OutboxRow>('SELECT * FROM outbox WHERE tenant_id = ? AND booking_id = ? ORDER BY created_at, rowid');
  const one = (row: OutboxRow | undefined) => (row ? toRecord(row) : null);
  return {
    enqueue(record) {
      insert.run({ ...record, payloadJson: JSON.stringify(record.payload), toPhone: record.payload.to });
      return toRecord(byKey.get(record.tenantId, record.dedupeKey)!);
    },
    due: (now, limit) => due.all(now, limit).map(toRecord),
    update: (tenantId, id, changes) => void patch({ tenantId, id }, changes),
    get: (tenantId, id) => one(byId.get(tenantId, id)),
    findByDedupeKey: (tenantId, key) => one(byKey.get(tenantId, key)),
    findByProviderId: (tenantId, providerId) => one(byProvider.get(tenantId, providerId)),
    list: (tenantId, limit) => list.all(tenantId, limit).map(toRecord),
    listForPhone: (tenantId, phone, limit) => forPhone.all(tenantId, phone, limit).map(toRecord),
    listForBooking: (tenantId, bookingId) => forBooking.all(tenantId, bookingId).map(toRecord),
  };
}
