import type { Clock, Logger, SecretVault } from '../kernel/index.js';
import type { BookingService } from '../scheduling/index.js';
import type { TenantService } from '../tenants/index.js';
import { withDeadline } from './backoff.js';
import type { AdapterRegistry } from './calendar-outbox.js';
import { adapterContext } from './connection-context.js';
import { plainWords, type ConnectionHealth } from './connection-health.js';
import { detectConflicts } from './conflicts.js';
import { CalendarError, type CalendarConnectionRecord, type CalendarRepository, type ExternalEvent, type SyncPage, type TimeWindow } from './ports.js';

const DAY_MS = 24 * 60 * 60_000;
const SYNC_DEADLINE_MS = 60_000;

export interface SyncOutcome {
  connectionId: string;
  ok: boolean;
  full: boolean;
  changed: number;
  conflicts: number;
  error: string | null;
}

/**
 * Busy time in: each connection is synced incrementally from its cursor (a full resync when the
 * provider says the cursor expired), merged into the busy cache, and checked for outside changes
 * that collide with bookings. Failures back off per connection and show on the console.
 */
export class CalendarSync {
  constructor(
    private readonly deps: {
      calendars: CalendarRepository;
      adapters: AdapterRegistry;
      tenants: TenantService;
      bookings: BookingService;
      health: ConnectionHealth;
      vault?: SecretVault | undefined;
      clock: Clock;
      logger: Logger;
      /** How often a healthy calendar is polled. */
      intervalMs: number;
    },
  ) {}

  /** Every connection of the tenant, now (the CLI's and console's "sync now"). */
  async syncTenant(tenantId: string): Promise<SyncOutcome[]> {
    this.deps.tenants.get(tenantId);
    const outcomes: SyncOutcome[] = [];
    for (const connection of this.deps.calendars.listConnections(tenantId)) outcomes.push(await this.syncConnection(connection));
    return outcomes;
  }

  /** Every connection whose turn has come (its interval, or its backoff, has passed). */
  async syncDue(): Promise<SyncOutcome[]> {
    const now = this.deps.clock.now();
    const due = this.deps.tenants.list().flatMap((t) => this.deps.calendars.listConnections(t.id).filter((c) => c.nextSyncAt <= now));
    return Promise.all(due.map((c) => this.syncConnection(c)));
  }

  async syncConnection(connection: CalendarConnectionRecord): Promise<SyncOutcome> {
    const { calendars, clock } = this.deps;
    const tenant = this.deps.tenants.get(connection.tenantId).config;
    const now = clock.now();
    const window: TimeWindow = { from: now - DAY_MS, to: now + (tenant.booking.maxAdvanceDays + 2) * DAY_MS };
    const outcome: SyncOutcome = { connectionId: connection.id, ok: false, full: false, changed: 0, conflicts: 0, error: null };
    try {
      const adapter = this.deps.adapters[connection.kind];
      if (!adapter) throw new CalendarError('invalid', `${connection.kind} calendars are not available in this build.`);
      const read = (cursor: string | null) =>
        withDeadline(
          SYNC_DEADLINE_MS,
          (signal) => adapter.sync(adapterContext(this.deps.vault, connection, tenant.timezone, signal), cursor, window),
          () => new CalendarError('unavailable', `${connection.label} did not answer in time.`),
        );
      let page: SyncPage;
      try {
        page = await read(connection.cursor);
      } catch (error) {
        if (!(error instanceof CalendarError && error.kind === 'sync_expired')) throw error;
        this.deps.logger.info({ tenantId: connection.tenantId, connectionId: connection.id }, 'calendar sync position expired; full resync');
        page = await read(null);
      }
      const before = new Map(calendars.events(connection.tenantId, connection.id, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER).map((e) => [e.uid, e]));
      if (page.full) calendars.replaceEvents(connection.tenantId, connection.id, page.events);
      else calendars.applyEvents(connection.tenantId, connection.id, page.events, page.removed);
      outcome.full = page.full;
      outcome.changed = page.events.length + page.removed.length;
      outcome.conflicts = await this.flagConflicts(connection, before, page, window);
      this.deps.health.succeeded(connection, { cursor: page.cursor, lastSyncAt: clock.now(), nextSyncAt: clock.now() + this.deps.intervalMs });
      outcome.ok = true;
    } catch (error) {
      this.deps.health.failed(connection, error);
      outcome.error = plainWords(error);
    }
    return outcome;
  }

  private async flagConflicts(connection: CalendarConnectionRecord, before: Map<string, ExternalEvent>, page: SyncPage, window: TimeWindow): Promise<number> {
    const { calendars, bookings } = this.deps;
    const tenant = this.deps.tenants.get(connection.tenantId).config;
    const confirmed = bookings.list(connection.tenantId, { from: window.from, to: window.to, statuses: ['confirmed'], providerId: connection.providerId });
    const links = new Map(
      confirmed.map((b) => [b.id, calendars.getLink(connection.tenantId, connection.id, b.id)] as const).filter((entry): entry is [string, NonNullable<(typeof entry)[1]>] => entry[1] !== null),
    );
    const conflicts = detectConflicts({
      tenant,
      now: this.deps.clock.now(),
      connection,
      before,
      page,
      confirmed,
      links,
      inFlight: (bookingId) => calendars.lastQueued(connection.tenantId, connection.id, bookingId)?.status === 'pending',
      window,
    });
    for (const conflict of conflicts) {
      // The event is gone or elsewhere: forget the link, so approving the booking again puts its event back.
      if (conflict.kind !== 'overlap') calendars.deleteLink(connection.tenantId, connection.id, conflict.bookingId);
      await bookings.flagForReview(connection.tenantId, conflict.bookingId, `calendar changed: ${conflict.reason}`, `calendar:${connection.label}`);
    }
    return conflicts.length;
  }
}
