import type { Clock, Logger, SecretVault } from '../kernel/index.js';
import { sayTime, type BookingRecord, type CustomerService } from '../scheduling/index.js';
import type { TenantService } from '../tenants/index.js';
import { calendarBackoff, withDeadline } from './backoff.js';
import { adapterContext } from './connection-context.js';
import { plainWords, type ConnectionHealth } from './connection-health.js';
import { eventIdForBooking } from './event-ids.js';
import { CalendarError, type CalendarAdapter, type CalendarConnectionRecord, type CalendarKind, type CalendarOutboxRecord, type CalendarRepository, type OutgoingEvent } from './ports.js';

export type AdapterRegistry = Partial<Record<CalendarKind, CalendarAdapter>>;

// An arrived patient's visit stays on the provider's calendar.
const MIRRORED: readonly BookingRecord['status'][] = ['confirmed', 'pending_review', 'arrived'];
const REMOVED: readonly BookingRecord['status'][] = ['cancelled', 'expired'];
const WRITE_DEADLINE_MS = 30_000;
/** Per connection per pass, so one busy calendar cannot starve the others. */
const MAX_PER_PASS = 500;

/**
 * Bookings out to the providers' calendars, exactly once. Every booking write queues, in its own
 * transaction, what its calendars should now show (put or remove); delivery goes in order per
 * connection, retries with backoff, and uses the booking's deterministic event id, so a retry
 * after a lost answer finds the event already there instead of making a second one.
 */
export class CalendarOutbox {
  private delivering: Promise<number> | null = null;

  constructor(
    private readonly deps: {
      calendars: CalendarRepository;
      adapters: AdapterRegistry;
      tenants: TenantService;
      customers: CustomerService;
      health: ConnectionHealth;
      vault?: SecretVault | undefined;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  /** Called inside the booking's transaction: queue what changed, nothing when nothing did. */
  bookingWritten(booking: BookingRecord): void {
    const { calendars } = this.deps;
    const mirrored = MIRRORED.includes(booking.status);
    if (!mirrored && !REMOVED.includes(booking.status)) return;
    for (const connection of calendars.listConnections(booking.tenantId)) {
      if (!connection.receivesBookings || !this.deps.adapters[connection.kind]?.writable) continue;
      const last = calendars.lastQueued(booking.tenantId, connection.id, booking.id);
      if (mirrored && connection.providerId === booking.providerId) {
        const event = this.outgoing(booking);
        // A change that leaves the event as it is queues nothing; an event deleted outside (no link) is put back.
        const same = last?.op === 'put' && JSON.stringify(last.event) === JSON.stringify(event);
        if (same && (last.status === 'pending' || calendars.getLink(booking.tenantId, connection.id, booking.id))) continue;
        this.enqueue(connection, booking.id, 'put', event);
      } else if (last?.op === 'put') {
        this.enqueue(connection, booking.id, 'remove', null);
      }
    }
  }

  /** One pass over what is due; connections drain in parallel, each strictly in order. */
  deliverDue(): Promise<number> {
    this.delivering ??= this.pass().finally(() => (this.delivering = null));
    return this.delivering;
  }

  list(tenantId: string, limit: number): CalendarOutboxRecord[] {
    return this.deps.calendars.listOutbox(tenantId, limit);
  }

  private async pass(): Promise<number> {
    const now = this.deps.clock.now();
    const heads = this.deps.calendars.pendingHeads().filter((h) => h.nextAttemptAt <= now);
    const counts = await Promise.all(heads.map((head) => this.drain(head)));
    return counts.reduce((a, b) => a + b, 0);
  }

  private async drain(first: CalendarOutboxRecord): Promise<number> {
    let delivered = 0;
    let item: CalendarOutboxRecord | null = first;
    while (item && delivered < MAX_PER_PASS) {
      if (!(await this.deliver(item))) break;
      delivered++;
      item = this.deps.calendars.pendingHeads().find((h) => h.tenantId === first.tenantId && h.connectionId === first.connectionId) ?? null;
      if (item && item.nextAttemptAt > this.deps.clock.now()) break;
    }
    return delivered;
  }

  /** Returns whether the connection may go on to its next item. */
  private async deliver(item: CalendarOutboxRecord): Promise<boolean> {
    const { calendars, clock } = this.deps;
    const connection = calendars.getConnection(item.tenantId, item.connectionId);
    if (!connection) return false;
    // A calendar whose sign-in was refused waits for the owner to reconnect; attempts are not burned meanwhile.
    if (connection.status === 'reconnect') return false;
    const adapter = this.deps.adapters[connection.kind];
    const log = this.deps.logger.child({ tenantId: item.tenantId, connectionId: item.connectionId, bookingId: item.bookingId, seq: item.seq });
    const attempts = item.attempts + 1;
    try {
      if (!adapter?.writable) throw new CalendarError('invalid', 'This calendar cannot receive bookings.');
      const tenant = this.deps.tenants.get(item.tenantId).config;
      await withDeadline(
        WRITE_DEADLINE_MS,
        (signal) => this.apply(adapter, adapterContext(this.deps.vault, connection, tenant.timezone, signal), item),
        () => new CalendarError('unavailable', `${connection.label} did not answer in time.`),
      );
      calendars.updateOutbox(item.tenantId, item.seq, { status: 'done', attempts, lastError: null, doneAt: clock.now() });
      log.info({ op: item.op, attempts }, 'calendar event delivered');
      // The console lists what has not reached the calendars yet.
      this.deps.health.changed(item.tenantId);
      return true;
    } catch (error) {
      const message = plainWords(error);
      const kind = error instanceof CalendarError ? error.kind : 'unavailable';
      if (kind === 'invalid') {
        calendars.updateOutbox(item.tenantId, item.seq, { status: 'failed', attempts, lastError: message });
        log.error({ op: item.op, err: message }, 'calendar event refused; given up');
        this.deps.health.changed(item.tenantId);
        return true;
      }
      const retryAfter = error instanceof CalendarError ? error.retryAfterMs : null;
      const next = clock.now() + calendarBackoff(attempts, retryAfter);
      calendars.updateOutbox(item.tenantId, item.seq, { attempts, lastError: message, nextAttemptAt: next });
      // Later items of this connection wait behind this one, so the calendar sees changes in order.
      calendars.deferConnection(item.tenantId, item.connectionId, next);
      if (kind === 'auth') this.deps.health.failed(connection, error);
      else this.deps.health.changed(item.tenantId);
      log.warn({ op: item.op, attempts, err: message }, 'calendar event delivery failed; will retry');
      return false;
    }
  }

  private async apply(adapter: CalendarAdapter, ctx: ReturnType<typeof adapterContext>, item: CalendarOutboxRecord): Promise<void> {
    const { calendars } = this.deps;
    const link = calendars.getLink(item.tenantId, item.connectionId, item.bookingId);
    if (item.op === 'remove') {
      if (link) await adapter.remove(ctx, link);
      calendars.deleteLink(item.tenantId, item.connectionId, item.bookingId);
      return;
    }
    const event = item.event as OutgoingEvent;
    const written = await adapter.put(ctx, event, link);
    calendars.saveLink({ tenantId: item.tenantId, connectionId: item.connectionId, bookingId: item.bookingId, eventId: event.eventId, ...written, start: event.start, end: event.end });
  }

  private enqueue(connection: CalendarConnectionRecord, bookingId: string, op: 'put' | 'remove', event: OutgoingEvent | null): void {
    const now = this.deps.clock.now();
    this.deps.calendars.enqueue({
      tenantId: connection.tenantId,
      connectionId: connection.id,
      bookingId,
      op,
      event,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      createdAt: now,
      doneAt: null,
    });
  }

  private outgoing(booking: BookingRecord): OutgoingEvent {
    const tenant = this.deps.tenants.get(booking.tenantId).config;
    const service = tenant.services.find((s) => s.id === booking.serviceId)?.name ?? 'Appointment';
    const customer = booking.customerId ? this.deps.customers.find(booking.tenantId, booking.customerId) : null;
    const who = customer?.name ?? customer?.phone ?? null;
    const waiting = booking.status === 'pending_review' ? ' (waiting for staff review)' : '';
    return {
      bookingId: booking.id,
      eventId: eventIdForBooking(booking.id),
      start: booking.start,
      end: booking.end,
      summary: `${service}${who ? ` – ${who}` : ''}${waiting}`,
      description: `Booked through Frontdesk for ${sayTime(booking.start, tenant)}. Change it in Frontdesk, not here: edits made here are sent to staff for review.`,
      zone: tenant.timezone,
    };
  }
}
