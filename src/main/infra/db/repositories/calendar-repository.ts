import type {
  CachedBusyBlock,
  CalendarConnectionRecord,
  CalendarOutboxRecord,
  CalendarRepository,
  ConnectionPatch,
  EventLink,
  ExternalEvent,
} from '../../../core/calendars/index.js';
import type { Db } from '../database.js';
import { immediateTransactions } from '../immediate.js';
import { createPatcher } from '../patch-statement.js';

interface ConnectionRow {
  tenant_id: string;
  connection_id: string;
  provider_id: string;
  kind: CalendarConnectionRecord['kind'];
  label: string;
  address: string;
  username: string | null;
  counts_as_busy: number;
  receives_bookings: number;
  status: CalendarConnectionRecord['status'];
  last_sync_at: number | null;
  last_error: string | null;
  cursor: string | null;
  failures: number;
  next_sync_at: number;
  alerted_at: number | null;
  created_at: number;
}

interface EventRow {
  uid: string;
  start_at: number;
  end_at: number;
  busy: number;
  booking_id: string | null;
  summary: string;
}

interface LinkRow {
  tenant_id: string;
  connection_id: string;
  booking_id: string;
  event_id: string;
  remote_id: string;
  etag: string | null;
  start_at: number;
  end_at: number;
}

interface OutboxRow {
  seq: number;
  tenant_id: string;
  connection_id: string;
  booking_id: string;
  op: CalendarOutboxRecord['op'];
  event_json: string | null;
  status: CalendarOutboxRecord['status'];
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  created_at: number;
  done_at: number | null;
}

const toConnection = (r: ConnectionRow): CalendarConnectionRecord => ({
  tenantId: r.tenant_id,
  id: r.connection_id,
  providerId: r.provider_id,
  kind: r.kind,
  label: r.label,
  address: r.address,
  username: r.username,
  countsAsBusy: r.counts_as_busy === 1,
  receivesBookings: r.receives_bookings === 1,
  status: r.status,
  lastSyncAt: r.last_sync_at,
  lastError: r.last_error,
  cursor: r.cursor,
  failures: r.failures,
  nextSyncAt: r.next_sync_at,
  alertedAt: r.alerted_at,
  createdAt: r.created_at,
});

const toEvent = (r: EventRow): ExternalEvent => ({ uid: r.uid, start: r.start_at, end: r.end_at, busy: r.busy === 1, bookingId: r.booking_id, summary: r.summary });

const toLink = (r: LinkRow): EventLink => ({
  tenantId: r.tenant_id,
  connectionId: r.connection_id,
  bookingId: r.booking_id,
  eventId: r.event_id,
  remoteId: r.remote_id,
  etag: r.etag,
  start: r.start_at,
  end: r.end_at,
});

const toOutbox = (r: OutboxRow): CalendarOutboxRecord => ({
  tenantId: r.tenant_id,
  seq: r.seq,
  connectionId: r.connection_id,
  bookingId: r.booking_id,
  op: r.op,
  event: r.event_json === null ? null : (JSON.parse(r.event_json) as CalendarOutboxRecord['event']),
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  createdAt: r.created_at,
  doneAt: r.done_at,
});

const CONNECTION_COLUMNS = {
  label: 'label',
  countsAsBusy: 'counts_as_busy',
  receivesBookings: 'receives_bookings',
  status: 'status',
  lastSyncAt: 'last_sync_at',
  lastError: 'last_error',
  cursor: 'cursor',
  failures: 'failures',
  nextSyncAt: 'next_sync_at',
  alertedAt: 'alerted_at',
  username: 'username',
} as const;

const OUTBOX_COLUMNS = { status: 'status', attempts: 'attempts', nextAttemptAt: 'next_attempt_at', lastError: 'last_error', doneAt: 'done_at' } as const;

export function createCalendarRepository(db: Db): CalendarRepository {
  const bool = (value: boolean) => (value ? 1 : 0);
  const insertConnection = db.prepare(`
    INSERT INTO calendar_connections (tenant_id, connection_id, provider_id, kind, label, address, username, counts_as_busy, receives_bookings,
      status, last_sync_at, last_error, cursor, failures, next_sync_at, alerted_at, created_at)
    VALUES (@tenantId, @id, @providerId, @kind, @label, @address, @username, @countsAsBusy, @receivesBookings,
      @status, @lastSyncAt, @lastError, @cursor, @failures, @nextSyncAt, @alertedAt, @createdAt)`);
  const patchConnection = createPatcher<ConnectionPatch>({
    db,
    table: 'calendar_connections',
    columns: CONNECTION_COLUMNS,
    where: 'tenant_id = @tenantId AND connection_id = @id',
    encode: { countsAsBusy: (v) => bool(v === true), receivesBookings: (v) => bool(v === true) },
  });
  const getConnection = db.prepare<[string, string], ConnectionRow>('SELECT * FROM calendar_connections WHERE tenant_id = ? AND connection_id = ?');
  const listConnections = db.prepare<[string], ConnectionRow>('SELECT * FROM calendar_connections WHERE tenant_id = ? ORDER BY provider_id, created_at, connection_id');
  const deleteConnection = db.prepare('DELETE FROM calendar_connections WHERE tenant_id = ? AND connection_id = ?');

  const clearEvents = db.prepare('DELETE FROM calendar_events WHERE tenant_id = ? AND connection_id = ?');
  const upsertEvent = db.prepare(`
    INSERT INTO calendar_events (tenant_id, connection_id, uid, start_at, end_at, busy, booking_id, summary)
    VALUES (@tenantId, @connectionId, @uid, @start, @end, @busy, @bookingId, @summary)
    ON CONFLICT (tenant_id, connection_id, uid) DO UPDATE SET start_at = excluded.start_at, end_at = excluded.end_at,
      busy = excluded.busy, booking_id = excluded.booking_id, summary = excluded.summary`);
  const removeEvent = db.prepare('DELETE FROM calendar_events WHERE tenant_id = ? AND connection_id = ? AND uid = ?');
  const eventsIn = db.prepare<[string, string, number, number], EventRow>(
    'SELECT * FROM calendar_events WHERE tenant_id = ? AND connection_id = ? AND start_at < ? AND end_at > ? ORDER BY start_at',
  );
  /** One prepared busy-time query per number of providers asked about, built from `select`. */
  const busyQuery = <R>(select: string, tail: string, raw: boolean) => {
    const statements = new Map<number, ReturnType<typeof db.prepare<unknown[], R>>>();
    return (n: number) => {
      let statement = statements.get(n);
      if (!statement) {
        statement = db.prepare<unknown[], R>(`
          SELECT ${select}
          FROM calendar_connections c JOIN calendar_events e ON e.tenant_id = c.tenant_id AND e.connection_id = c.connection_id
          WHERE c.tenant_id = ? AND c.provider_id IN (${Array(n).fill('?').join(', ')}) AND c.counts_as_busy = 1
            AND e.start_at < ? AND e.end_at > ? AND e.busy = 1 AND e.booking_id IS NULL ${tail}`);
        if (raw) statement = statement.raw(true);
        statements.set(n, statement);
      }
      return statement;
    };
  };
  const busyStatement = busyQuery<CachedBusyBlock>(
    'c.provider_id AS providerId, e.start_at AS start, e.end_at AS end, e.connection_id AS connectionId, e.summary AS summary',
    'ORDER BY e.start_at',
    false,
  );
  // The availability path: only what the engine needs, as raw rows, unsorted (the engine sorts).
  const busyIntervalStatement = busyQuery<[string, number, number]>('c.provider_id, e.start_at, e.end_at', '', true);

  const getLink = db.prepare<[string, string, string], LinkRow>('SELECT * FROM calendar_links WHERE tenant_id = ? AND connection_id = ? AND booking_id = ?');
  const linksOfBooking = db.prepare<[string, string], LinkRow>('SELECT * FROM calendar_links WHERE tenant_id = ? AND booking_id = ?');
  const saveLink = db.prepare(`
    INSERT INTO calendar_links (tenant_id, connection_id, booking_id, event_id, remote_id, etag, start_at, end_at)
    VALUES (@tenantId, @connectionId, @bookingId, @eventId, @remoteId, @etag, @start, @end)
    ON CONFLICT (tenant_id, connection_id, booking_id) DO UPDATE SET event_id = excluded.event_id, remote_id = excluded.remote_id,
      etag = excluded.etag, start_at = excluded.start_at, end_at = excluded.end_at`);
  const deleteLink = db.prepare('DELETE FROM calendar_links WHERE tenant_id = ? AND connection_id = ? AND booking_id = ?');

  const enqueue = db.prepare(`
    INSERT INTO calendar_outbox (tenant_id, connection_id, booking_id, op, event_json, status, attempts, next_attempt_at, last_error, created_at, done_at)
    VALUES (@tenantId, @connectionId, @bookingId, @op, @eventJson, @status, @attempts, @nextAttemptAt, @lastError, @createdAt, @doneAt)`);
  const bySeq = db.prepare<[number], OutboxRow>('SELECT * FROM calendar_outbox WHERE seq = ?');
  const lastQueued = db.prepare<[string, string, string], OutboxRow>(
    'SELECT * FROM calendar_outbox WHERE tenant_id = ? AND booking_id = ? AND connection_id = ? ORDER BY seq DESC LIMIT 1',
  );
  const pendingHeads = db.prepare<[], OutboxRow>(`
    SELECT o.* FROM calendar_outbox o
    JOIN (SELECT MIN(seq) AS seq FROM calendar_outbox WHERE status = 'pending' GROUP BY tenant_id, connection_id) h ON h.seq = o.seq
    ORDER BY o.seq`);
  const patchOutbox = createPatcher<Parameters<CalendarRepository['updateOutbox']>[2]>({ db, table: 'calendar_outbox', columns: OUTBOX_COLUMNS, where: 'tenant_id = @tenantId AND seq = @seq' });
  const defer = db.prepare("UPDATE calendar_outbox SET next_attempt_at = MAX(next_attempt_at, ?) WHERE tenant_id = ? AND connection_id = ? AND status = 'pending'");
  const listOutbox = db.prepare<[string, number], OutboxRow>('SELECT * FROM calendar_outbox WHERE tenant_id = ? ORDER BY seq DESC LIMIT ?');
  const pendingCount = db.prepare<[string, string], { n: number }>("SELECT count(*) AS n FROM calendar_outbox WHERE tenant_id = ? AND booking_id = ? AND status = 'pending'");

  // Own writes bump `localWrites`; other processes' commits (the CLI syncing) bump SQLite's data_version.
  let localWrites = 0;
  // Prepared once: `db.pragma()` compiles its statement on every call.
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  const wrote = <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A): R => {
    localWrites++;
    return fn(...args);
  };
  const eventParams = (tenantId: string, connectionId: string, e: ExternalEvent) => ({ tenantId, connectionId, ...e, busy: bool(e.busy) });

  return {
    version: () => `${String(dataVersion.get())}:${localWrites}`,
    insertConnection: (r) => void (localWrites++, insertConnection.run({ ...r, countsAsBusy: bool(r.countsAsBusy), receivesBookings: bool(r.receivesBookings) })),
    updateConnection: wrote((tenantId: string, id: string, patch: ConnectionPatch) => void patchConnection({ tenantId, id }, patch)),
    getConnection: (tenantId, id) => {
      const row = getConnection.get(tenantId, id);
      return row ? toConnection(row) : null;
    },
    listConnections: (tenantId) => listConnections.all(tenantId).map(toConnection),
    deleteConnection: wrote((tenantId: string, id: string) => void deleteConnection.run(tenantId, id)),

    replaceEvents: wrote(db.transaction((tenantId: string, connectionId: string, events: readonly ExternalEvent[]) => {
      clearEvents.run(tenantId, connectionId);
      for (const e of events) upsertEvent.run(eventParams(tenantId, connectionId, e));
    })),
    applyEvents: wrote(db.transaction((tenantId: string, connectionId: string, upserts: readonly ExternalEvent[], removed: readonly string[]) => {
      for (const uid of removed) removeEvent.run(tenantId, connectionId, uid);
      for (const e of upserts) upsertEvent.run(eventParams(tenantId, connectionId, e));
    })),
    events: (tenantId, connectionId, from, to) => eventsIn.all(tenantId, connectionId, to, from).map(toEvent),
    busyBlocks: (tenantId, providerIds, from, to) => (providerIds.length === 0 ? [] : busyStatement(providerIds.length).all(tenantId, ...providerIds, to, from)),
    busyIntervals: (tenantId, providerIds, from, to) =>
      providerIds.length === 0 ? [] : busyIntervalStatement(providerIds.length).all(tenantId, ...providerIds, to, from).map(([providerId, start, end]) => ({ providerId, start, end })),

    getLink: (tenantId, connectionId, bookingId) => {
      const row = getLink.get(tenantId, connectionId, bookingId);
      return row ? toLink(row) : null;
    },
    linksOfBooking: (tenantId, bookingId) => linksOfBooking.all(tenantId, bookingId).map(toLink),
    saveLink: (link) => void saveLink.run(link),
    deleteLink: (tenantId, connectionId, bookingId) => void deleteLink.run(tenantId, connectionId, bookingId),

    enqueue(record) {
      const { lastInsertRowid } = enqueue.run({ ...record, eventJson: record.event === null ? null : JSON.stringify(record.event) });
      return toOutbox(bySeq.get(Number(lastInsertRowid))!);
    },
    lastQueued: (tenantId, connectionId, bookingId) => {
      const row = lastQueued.get(tenantId, bookingId, connectionId);
      return row ? toOutbox(row) : null;
    },
    pendingHeads: () => pendingHeads.all().map(toOutbox),
    updateOutbox: (tenantId, seq, patch) => void patchOutbox({ tenantId, seq }, patch),
    deferConnection: (tenantId, connectionId, until) => void defer.run(until, tenantId, connectionId),
    listOutbox: (tenantId, limit) => listOutbox.all(tenantId, limit).map(toOutbox),
    pendingCount: (tenantId, bookingId) => pendingCount.get(tenantId, bookingId)?.n ?? 0,
    exclusive: immediateTransactions(db),
  };
}
