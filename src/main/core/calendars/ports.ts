import type { BusyInterval } from '../scheduling/index.js';

export type CalendarKind = 'google' | 'outlook' | 'caldav' | 'ics';

/** ok: reading and writing; error: the last attempt failed and will be retried; reconnect: the owner must sign in again. */
export type ConnectionStatus = 'ok' | 'error' | 'reconnect';

/** One calendar of one provider (staff member). A provider may have several; each counts as busy unless told not to. */
export interface CalendarConnectionRecord {
  tenantId: string;
  id: string;
  providerId: string;
  kind: CalendarKind;
  label: string;
  /** CalDAV collection URL, ICS feed URL, Google calendar id, Graph calendar id. */
  address: string;
  /** CalDAV user name, Google/Microsoft account; never a secret. */
  username: string | null;
  countsAsBusy: boolean;
  /** Frontdesk's bookings of this provider are written here (never to an ICS feed). */
  receivesBookings: boolean;
  status: ConnectionStatus;
  lastSyncAt: number | null;
  /** Plain words for the console ("The password was refused: reconnect this calendar."). */
  lastError: string | null;
  /** Incremental sync position: Google syncToken, Graph deltaLink, CalDAV ctag, ICS ETag. */
  cursor: string | null;
  /** Failed syncs in a row: drives the backoff. */
  failures: number;
  nextSyncAt: number;
  /** When the owner was told this calendar needs reconnecting; cleared when it works again. */
  alertedAt: number | null;
  createdAt: number;
}

export type ConnectionPatch = Partial<
  Pick<CalendarConnectionRecord, 'label' | 'countsAsBusy' | 'receivesBookings' | 'status' | 'lastSyncAt' | 'lastError' | 'cursor' | 'failures' | 'nextSyncAt' | 'alertedAt' | 'username'>
>;

/** An event as the busy cache keeps it: one instance (recurring events arrive expanded). */
export interface ExternalEvent {
  /** Unique within the connection; a recurring instance carries its occurrence in it. */
  uid: string;
  start: number;
  end: number;
  /** false for free/transparent events, declined invitations and free all-day events. */
  busy: boolean;
  /** Set when the event is one Frontdesk wrote for this booking (recognised by its deterministic id). */
  bookingId: string | null;
  summary: string;
}

/** What one sync produced: either the whole window (full) or the changes since the cursor. */
export interface SyncPage {
  full: boolean;
  events: ExternalEvent[];
  removed: string[];
  cursor: string | null;
}

/** A booking as it should appear in a calendar. */
export interface OutgoingEvent {
  bookingId: string;
  /** The deterministic id (see event-ids.ts): a retry can never make a second event. */
  eventId: string;
  start: number;
  end: number;
  summary: string;
  description: string;
  zone: string;
}

/** Where a booking's event lives once written: the remote id (Graph assigns its own) and the last ETag. */
export interface EventLink {
  tenantId: string;
  connectionId: string;
  bookingId: string;
  eventId: string;
  remoteId: string;
  etag: string | null;
  start: number;
  end: number;
}

/** What an adapter needs for one call: the connection, its credentials through the vault, the tenant's zone. */
export interface AdapterContext {
  connection: CalendarConnectionRecord;
  zone: string;
  credential(): string | null;
  /** Providers rotate tokens; the new value goes back to the vault. */
  saveCredential(value: string): void;
  signal: AbortSignal;
}

export interface TimeWindow {
  from: number;
  to: number;
}

/** One calendar protocol (Google, Graph, CalDAV, ICS). Failures are thrown as `CalendarError`. */
export interface CalendarAdapter {
  readonly writable: boolean;
  sync(ctx: AdapterContext, cursor: string | null, window: TimeWindow): Promise<SyncPage>;
  /** A bounded, uncached read of one stretch: the re-check right before a booking commits. */
  read(ctx: AdapterContext, window: TimeWindow): Promise<ExternalEvent[]>;
  /** Creates or updates; "already exists" updates, so a retry is harmless. */
  put(ctx: AdapterContext, event: OutgoingEvent, link: EventLink | null): Promise<{ remoteId: string; etag: string | null }>;
  /** "Already deleted" counts as done. */
  remove(ctx: AdapterContext, link: EventLink): Promise<void>;
}

export type CalendarErrorKind = 'auth' | 'unavailable' | 'rate_limited' | 'sync_expired' | 'invalid';

/** A typed failure from a calendar adapter, with words an office manager understands. */
export class CalendarError extends Error {
  constructor(
    readonly kind: CalendarErrorKind,
    message: string,
    /** From Retry-After, when the server said how long to wait. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'CalendarError';
  }
}

export type CalendarOp = 'put' | 'remove';

/** One effect on a calendar, delivered in `seq` order per connection. */
export interface CalendarOutboxRecord {
  tenantId: string;
  seq: number;
  connectionId: string;
  bookingId: string;
  op: CalendarOp;
  event: OutgoingEvent | null;
  status: 'pending' | 'done' | 'failed';
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  createdAt: number;
  doneAt: number | null;
}

export interface CachedBusyBlock extends BusyInterval {
  connectionId: string;
  summary: string;
}

/** Storage for connections, the busy cache, event links and the calendar outbox. Synchronous (SQLite). */
export interface CalendarRepository {
  /** Changes whenever connections or cached events change, in this process or another. */
  version(): string;
  insertConnection(record: CalendarConnectionRecord): void;
  updateConnection(tenantId: string, id: string, patch: ConnectionPatch): void;
  getConnection(tenantId: string, id: string): CalendarConnectionRecord | null;
  listConnections(tenantId: string): CalendarConnectionRecord[];
  deleteConnection(tenantId: string, id: string): void;

  replaceEvents(tenantId: string, connectionId: string, events: readonly ExternalEvent[]): void;
  applyEvents(tenantId: string, connectionId: string, upserts: readonly ExternalEvent[], removed: readonly string[]): void;
  events(tenantId: string, connectionId: string, from: number, to: number): ExternalEvent[];
  /** Busy events of busy-counting connections of these providers, excluding Frontdesk's own. */
  busyBlocks(tenantId: string, providerIds: readonly string[], from: number, to: number): CachedBusyBlock[];
  /** The same busy time with only what the availability engine needs (its hot path). */
  busyIntervals(tenantId: string, providerIds: readonly string[], from: number, to: number): BusyInterval[];

  getLink(tenantId: string, connectionId: string, bookingId: string): EventLink | null;
  linksOfBooking(tenantId: string, bookingId: string): EventLink[];
  saveLink(link: EventLink): void;
  deleteLink(tenantId: string, connectionId: string, bookingId: string): void;

  enqueue(record: Omit<CalendarOutboxRecord, 'seq'>): CalendarOutboxRecord;
  lastQueued(tenantId: string, connectionId: string, bookingId: string): CalendarOutboxRecord | null;
  /** The oldest pending item of every connection that has one (later items wait behind it). */
  pendingHeads(): CalendarOutboxRecord[];
  updateOutbox(tenantId: string, seq: number, patch: Partial<Pick<CalendarOutboxRecord, 'status' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'doneAt'>>): void;
  /** Pushes every pending item of a connection back (the connection is backing off). */
  deferConnection(tenantId: string, connectionId: string, until: number): void;
  listOutbox(tenantId: string, limit: number): CalendarOutboxRecord[];
  pendingCount(tenantId: string, bookingId: string): number;
  exclusive<T>(fn: () => T): T;
}
