import type { BookingStatus } from '../../../../shared/contract/index.js';
import {
  SlotTakenError,
  type BookingHistoryRecord,
  type BookingPatch,
  type BookingRecord,
  type BookingRepository,
  type BusyInterval,
} from '../../../core/scheduling/index.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../database.js';
import { immediateTransactions } from '../immediate.js';
import { createPatcher } from '../patch-statement.js';
import { MAX_BLOCKED_MS } from '../migrations/002-bookings.js';

interface BookingRow {
  tenant_id: string;
  booking_id: string;
  customer_id: string | null;
  service_id: string;
  provider_id: string;
  start_at: number;
  end_at: number;
  blocked_start: number;
  blocked_end: number;
  status: BookingStatus;
  hold_expires_at: number | null;
  source: 'phone' | 'staff';
  idempotency_key: string | null;
  call_id: string | null;
  review_reason: string | null;
  notes: string;
  created_at: number;
  created_by: string;
  updated_at: number;
  updated_by: string;
}

const COLUMN_OF: Record<keyof BookingPatch, string> = {
  status: 'status',
  providerId: 'provider_id',
  start: 'start_at',
  end: 'end_at',
  blockedStart: 'blocked_start',
  blockedEnd: 'blocked_end',
  holdExpiresAt: 'hold_expires_at',
  customerId: 'customer_id',
  reviewReason: 'review_reason',
  notes: 'notes',
  updatedAt: 'updated_at',
  updatedBy: 'updated_by',
};

function toRecord(row: BookingRow): BookingRecord {
  return {
    tenantId: row.tenant_id,
    id: row.booking_id,
    customerId: row.customer_id,
    serviceId: row.service_id,
    providerId: row.provider_id,
    start: row.start_at,
    end: row.end_at,
    blockedStart: row.blocked_start,
    blockedEnd: row.blocked_end,
    status: row.status,
    holdExpiresAt: row.hold_expires_at,
    source: row.source,
    idempotencyKey: row.idempotency_key,
    callId: row.call_id,
    reviewReason: row.review_reason,
    notes: row.notes,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** The overlap trigger's refusal, recognized by its message. */
function rethrowOverlap(error: unknown): never {
  if (error instanceof Error && error.message.includes('FRONTDESK_OVERLAP')) throw new SlotTakenError();
  throw error;
}

export function createBookingRepository(db: Db): BookingRepository {
  const insert = db.prepare(`
    INSERT INTO bookings (tenant_id, booking_id, customer_id, service_id, provider_id, start_at, end_at, blocked_start,
      blocked_end, status, hold_expires_at, source, idempotency_key, call_id, review_reason, notes, created_at, created_by,
      updated_at, updated_by)
    VALUES (@tenantId, @id, @customerId, @serviceId, @providerId, @start, @end, @blockedStart, @blockedEnd, @status,
      @holdExpiresAt, @source, @idempotencyKey, @callId, @reviewReason, @notes, @createdAt, @createdBy, @updatedAt, @updatedBy)`);
  const getOne = db.prepare<[string, string], BookingRow>('SELECT * FROM bookings WHERE tenant_id = ? AND booking_id = ?');
  const byKey = db.prepare<[string, string], BookingRow>('SELECT * FROM bookings WHERE tenant_id = ? AND idempotency_key = ?');
  const expire = db.prepare<[number, string, string, number], { booking_id: string }>(`
    UPDATE bookings SET status = 'expired', updated_at = ?, updated_by = ?
    WHERE tenant_id = ? AND status = 'held' AND hold_expires_at <= ? RETURNING booking_id`);
  const history = db.prepare(`
    INSERT INTO booking_history (tenant_id, booking_id, at, actor, action, from_status, to_status, details_json)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const historyOf = db.prepare<[string, string], { at: number; actor: string; action: string; from_status: BookingStatus | null; to_status: BookingStatus | null; details_json: string }>(
    'SELECT at, actor, action, from_status, to_status, details_json FROM booking_history WHERE tenant_id = ? AND booking_id = ? ORDER BY at, id',
  );
  const listStatements = new Map<string, Statement<[Record<string, unknown>], BookingRow>>();
  const countByStatus = db.prepare<[string, BookingStatus], { n: number }>('SELECT count(*) AS n FROM bookings WHERE tenant_id = ? AND status = ?');
  const patch = createPatcher<BookingPatch>({ db, table: 'bookings', columns: COLUMN_OF, where: 'tenant_id = @tenantId AND booking_id = @bookingId' });
  const busyStatements = new Map<number, Statement<unknown[], BusyInterval>>();

  function busyStatement(providerCount: number) {
    let statement = busyStatements.get(providerCount);
    if (!statement) {
      statement = db.prepare<unknown[], BusyInterval>(`
        SELECT provider_id AS providerId, blocked_start AS start, blocked_end AS "end" FROM bookings
        WHERE tenant_id = ? AND provider_id IN (${Array(providerCount).fill('?').join(', ')})
          AND blocked_start > ? AND blocked_start < ? AND blocked_end > ?
          AND (status IN ('pending_review', 'confirmed', 'arrived') OR (status = 'held' AND hold_expires_at > ?))
          AND booking_id != ?
        ORDER BY blocked_start`);
      busyStatements.set(providerCount, statement);
    }
    return statement;
  }

  return {
    exclusive: immediateTransactions(db),
    expireHolds: (tenantId, now) => expire.all(now, 'system', tenantId, now).map((r) => r.booking_id),
    busyIntervals(tenantId, providerIds, from, to, now, excludeBookingId) {
      if (providerIds.length === 0) return [];
      return busyStatement(providerIds.length).all(tenantId, ...providerIds, from - MAX_BLOCKED_MS, to, from, now, excludeBookingId ?? '');
    },
    insert(record) {
      try {
        insert.run(record);
      } catch (error) {
        rethrowOverlap(error);
      }
    },
    update(tenantId, bookingId, changes) {
      try {
        patch({ tenantId, bookingId }, changes);
      } catch (error) {
        rethrowOverlap(error);
      }
    },
    deleteRehearsalBookings(tenantId, callIds) {
      // Only bookings made by rehearsal calls (SID prefix RH), whatever ids are passed.
      const rehearsalCalls = "SELECT call_id FROM calls WHERE tenant_id = @tenantId AND call_sid LIKE 'RH%'";
      const only = callIds === 'all' ? '' : ` AND call_id IN (${callIds.map((_, i) => `@c${i}`).join(', ') || "''"})`;
      const params: Record<string, string> = { tenantId };
      if (callIds !== 'all') callIds.forEach((id, i) => (params[`c${i}`] = id));
      const rows = db
        .prepare<[Record<string, string>], BookingRow>(`DELETE FROM bookings WHERE tenant_id = @tenantId AND call_id IN (${rehearsalCalls})${only} RETURNING *`)
        .all(params);
      return rows.map(toRecord);
    },
    countByStatus: (tenantId, status) => countByStatus.get(tenantId, status)?.n ?? 0,
    setService: (tenantId, bookingId, serviceId) =>
      void db.prepare('UPDATE bookings SET service_id = ? WHERE tenant_id = ? AND booking_id = ?').run(serviceId, tenantId, bookingId),
    get: (tenantId, bookingId) => {
      const row = getOne.get(tenantId, bookingId);
      return row ? toRecord(row) : null;
    },
    findByIdempotencyKey: (tenantId, key) => {
      const row = byKey.get(tenantId, key);
      return row ? toRecord(row) : null;
    },
    list(tenantId, query) {
      const where = ['tenant_id = @tenantId'];
      if (query.from !== undefined) where.push('start_at >= @from');
      if (query.to !== undefined) where.push('start_at < @to');
      if (query.providerId !== undefined) where.push('provider_id = @providerId');
      if (query.customerId !== undefined) where.push('customer_id = @customerId');
      if (query.callId !== undefined) where.push('call_id = @callId');
      const statuses = query.statuses ?? [];
      if (statuses.length > 0) where.push(`status IN (${statuses.map((_, i) => `@s${i}`).join(', ')})`);
      const params: Record<string, unknown> = { tenantId, ...query };
      delete params.statuses;
      statuses.forEach((s, i) => (params[`s${i}`] = s));
      const sql = `SELECT * FROM bookings WHERE ${where.join(' AND ')} ORDER BY start_at, provider_id`;
      // A handful of filter shapes, asked for on every call turn (the live call's summary): prepared once each.
      let statement = listStatements.get(sql);
      if (!statement) listStatements.set(sql, (statement = db.prepare<[Record<string, unknown>], BookingRow>(sql)));
      const rows = statement.all(params);
      return rows.map(toRecord);
    },
    addHistory(tenantId, bookingId, entry: BookingHistoryRecord) {
      history.run(tenantId, bookingId, entry.at, entry.actor, entry.action, entry.fromStatus, entry.toStatus, JSON.stringify(entry.details));
    },
    history: (tenantId, bookingId) =>
      historyOf.all(tenantId, bookingId).map((r) => ({
        at: r.at,
        actor: r.actor,
        action: r.action,
        fromStatus: r.from_status,
        toStatus: r.to_status,
        details: JSON.parse(r.details_json) as Record<string, unknown>,
      })),
  };
}
