import { DateTime } from 'luxon';
import type { TenantConfig } from '../../../shared/contract/index.js';
import type { Clock, Logger } from '../kernel/index.js';
import type { BookingRecord, BookingService, CustomerService } from '../scheduling/index.js';
import type { TenantService } from '../tenants/index.js';
import type { RehearsalCheck } from './booking-texts.js';
import type { OutboxService } from './outbox-service.js';
import type { TextRepository } from './ports.js';
import { inQuietHours } from './quiet-hours.js';
import { bookingValues, composeText, textLanguageFor } from './text-words.js';

/**
 * Reminders N hours before each confirmed visit. Nothing is scheduled in memory: every tick asks
 * the database which reminders are due and not yet queued (the dedupe key says so), so a reminder
 * that fell due while the PC was off goes out at the next start, unless the visit already began.
 * Quiet hours hold a due reminder until they end, on the practice's wall clock.
 */
export class Reminders {
  constructor(
    private readonly deps: {
      tenants: TenantService;
      bookings: BookingService;
      customers: CustomerService;
      outbox: OutboxService;
      texts: TextRepository;
      rehearsals: RehearsalCheck;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  /** Queues every reminder due now; returns how many were queued. */
  tick(): number {
    const now = this.deps.clock.now();
    let queued = 0;
    for (const record of this.deps.tenants.list()) {
      const tenant = record.config;
      if (!tenant.texts.enabled || !tenant.texts.reminders.enabled || inQuietHours(tenant, now)) continue;
      // Only visits whose reminder can be due already: within the longest lead this practice uses.
      const lead = Math.max(tenant.texts.reminders.hoursBefore, ...tenant.services.map((s) => s.reminderHoursBefore ?? 0));
      const upcoming = this.deps.bookings.list(tenant.id, { from: now + 1, to: now + lead * 3_600_000 + 1, statuses: ['confirmed'] });
      for (const booking of upcoming) {
        if (this.remind(tenant, booking, now)) queued++;
      }
    }
    return queued;
  }

  /** When this booking's reminder is due: N real hours before it starts. */
  static dueAt(tenant: TenantConfig, booking: Pick<BookingRecord, 'serviceId' | 'start'>): number {
    const hours = tenant.services.find((s) => s.id === booking.serviceId)?.reminderHoursBefore ?? tenant.texts.reminders.hoursBefore;
    return DateTime.fromMillis(booking.start, { zone: tenant.timezone }).minus({ hours }).toMillis();
  }

  private remind(tenant: TenantConfig, booking: BookingRecord, now: number): boolean {
    const due = Reminders.dueAt(tenant, booking);
    // Booked inside the reminder window: the confirmation text was the reminder.
    if (now < due || booking.createdAt >= due) return false;
    const dedupeKey = `reminder:${booking.id}:${booking.start}`;
    if (this.deps.outbox.wasQueued(tenant.id, dedupeKey)) return false;
    if (booking.callId && this.deps.rehearsals.isRehearsalCall(tenant.id, booking.callId)) return false;
    const customer = booking.customerId ? this.deps.customers.find(tenant.id, booking.customerId) : null;
    if (!customer?.phone) return false;
    const phone = customer.phone;
    const language = textLanguageFor(customer, tenant);
    const body = composeText(tenant, language, 'reminder', bookingValues(tenant, booking, customer, language, now));
    this.deps.texts.exclusive(() => {
      this.deps.outbox.enqueueSms(tenant.id, dedupeKey, { to: phone, from: tenant.phoneNumbers[0] ?? null, body }, { bookingId: booking.id, purpose: 'reminder' });
      this.deps.texts.setContext(tenant.id, phone, { kind: 'booking', bookingId: booking.id, at: now }, now);
    });
    this.deps.logger.info({ tenantId: tenant.id, bookingId: booking.id, late: now - due > 60_000 }, 'reminder queued');
    return true;
  }
}
