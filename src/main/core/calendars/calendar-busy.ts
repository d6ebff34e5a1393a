import type { TenantConfig } from '../../../shared/contract/index.js';
import type { Clock, SecretVault } from '../kernel/index.js';
import type { BusyInterval, ExternalBusySource, FreshBusy } from '../scheduling/index.js';
import { withDeadline } from './backoff.js';
import type { AdapterRegistry } from './calendar-outbox.js';
import { adapterContext } from './connection-context.js';
import { plainWords, type ConnectionHealth } from './connection-health.js';
import { CalendarError, type CalendarConnectionRecord, type CalendarRepository } from './ports.js';

/**
 * Calendar busy time for the availability engine: the synced cache for listing slots, and a
 * bounded re-read of the provider's calendars right before a booking commits. A calendar that is
 * known to be failing (circuit open until its next retry) or needs reconnecting is not waited
 * for: it is reported unreadable at once, and the booking waits for staff review.
 */
export class CalendarBusySource implements ExternalBusySource {
  /**
   * Each tenant's calendar busy time in memory, by provider: availability is asked for often and
   * the cache changes only when a sync writes. Rebuilt when the repository's version moves.
   */
  private readonly memory = new Map<string, { version: string; byProvider: Map<string, BusyInterval[]> }>();

  constructor(
    private readonly deps: {
      calendars: CalendarRepository;
      adapters: AdapterRegistry;
      health: ConnectionHealth;
      vault?: SecretVault | undefined;
      clock: Clock;
      /** The longest a booking waits for one calendar's answer. */
      freshReadDeadlineMs: number;
    },
  ) {}

  busyFor(tenant: TenantConfig, providerIds: readonly string[], from: number, to: number): Promise<BusyInterval[]> {
    return Promise.resolve(this.cached(tenant.id, providerIds, from, to));
  }

  async freshBusyFor(tenant: TenantConfig, providerIds: readonly string[], from: number, to: number): Promise<FreshBusy> {
    const connections = this.deps.calendars.listConnections(tenant.id).filter((c) => c.countsAsBusy && providerIds.includes(c.providerId));
    const busy = this.cached(tenant.id, providerIds, from, to);
    const unreadable: string[] = [];
    const reads = await Promise.all(connections.map((c) => this.read(tenant, c, from, to)));
    for (const read of reads) {
      if (typeof read === 'string') unreadable.push(read);
      else busy.push(...read);
    }
    return { busy, unreadable };
  }

  private cached(tenantId: string, providerIds: readonly string[], from: number, to: number): BusyInterval[] {
    const { calendars } = this.deps;
    const version = calendars.version();
    let entry = this.memory.get(tenantId);
    if (entry?.version !== version) {
      const all = [...new Set(calendars.listConnections(tenantId).map((c) => c.providerId))];
      const byProvider = new Map<string, BusyInterval[]>();
      for (const interval of calendars.busyIntervals(tenantId, all, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)) {
        const list = byProvider.get(interval.providerId);
        if (list) list.push(interval);
        else byProvider.set(interval.providerId, [interval]);
      }
      entry = { version, byProvider };
      this.memory.set(tenantId, entry);
    }
    const out: BusyInterval[] = [];
    for (const providerId of providerIds) {
      for (const interval of entry.byProvider.get(providerId) ?? []) if (interval.start < to && interval.end > from) out.push(interval);
    }
    return out;
  }

  /** The connection's busy time, or why it could not be read. */
  private async read(tenant: TenantConfig, connection: CalendarConnectionRecord, from: number, to: number): Promise<BusyInterval[] | string> {
    const why = (message: string) => `${connection.label}: ${message}`;
    if (connection.status === 'reconnect') return why(connection.lastError ?? 'needs reconnecting');
    if (connection.status === 'error' && connection.nextSyncAt > this.deps.clock.now()) return why(connection.lastError ?? 'not answering');
    const adapter = this.deps.adapters[connection.kind];
    if (!adapter) return why(`${connection.kind} calendars are not available in this build`);
    try {
      const events = await withDeadline(
        this.deps.freshReadDeadlineMs,
        (signal) => adapter.read(adapterContext(this.deps.vault, connection, tenant.timezone, signal), { from, to }),
        () => new CalendarError('unavailable', 'did not answer in time'),
      );
      return events.filter((e) => e.busy && e.bookingId === null).map((e) => ({ providerId: connection.providerId, start: e.start, end: e.end }));
    } catch (error) {
      this.deps.health.failed(connection, error);
      return why(plainWords(error));
    }
  }
}
