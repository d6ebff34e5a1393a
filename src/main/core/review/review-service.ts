import { DateTime } from 'luxon';
import type { ReviewItemDto, TenantConfig, TranscriptTurnDto } from '../../../shared/contract/index.js';
import type { Clock } from '../kernel/index.js';
import type { OutboxService } from '../notifications/index.js';
import { sayDate, sayTime, toBookingDto, type BookingRecord, type BookingService, type CustomerService } from '../scheduling/index.js';
import type { TenantService } from '../tenants/index.js';

/** Where a review item's transcript excerpt comes from (the calls domain). */
export interface TranscriptExcerpts {
  excerpt(tenantId: string, callId: string, turns: number): TranscriptTurnDto[];
}

const EXCERPT_TURNS = 10;

/**
 * The queue of bookings the receptionist was unsure of. Each decision is recorded in the
 * booking's history under the staff member's name, and the caller is told the outcome by text
 * through the outbox — queued in the same transaction as the decision, so neither happens alone.
 */
export class ReviewService {
  constructor(
    private readonly deps: {
      bookings: BookingService;
      customers: CustomerService;
      tenants: TenantService;
      outbox: OutboxService;
      transcripts: TranscriptExcerpts;
      clock: Clock;
      /** Bookings made in a rehearsal are tests: marked as such and never texted. */
      isRehearsalCall: (tenantId: string, callId: string) => boolean;
    },
  ) {}

  list(tenantId: string): ReviewItemDto[] {
    const tenant = this.deps.tenants.get(tenantId).config;
    return this.deps.bookings.list(tenantId, { statuses: ['pending_review'] }).map((booking) => ({
      booking: toBookingDto(
        booking,
        tenant,
        booking.customerId ? this.deps.customers.find(tenantId, booking.customerId) : null,
        booking.callId !== null && this.deps.isRehearsalCall(tenantId, booking.callId),
      ),
      reasons: booking.reviewReason ? booking.reviewReason.split('; ').filter(Boolean) : [],
      callId: booking.callId,
      transcriptExcerpt: booking.callId ? this.deps.transcripts.excerpt(tenantId, booking.callId, EXCERPT_TURNS) : [],
    }));
  }

  pendingCount(tenantId: string): number {
    return this.deps.bookings.count(tenantId, 'pending_review');
  }

  approve(tenantId: string, bookingId: string, staffName: string): Promise<BookingRecord> {
    return this.deps.bookings.decideReview(tenantId, bookingId, true, staffName, undefined, (b) =>
      this.text(b, 'approved', (t) => `${t.name}: your ${this.what(b, t)} on ${this.when(b, t)} is confirmed. See you then!`),
    );
  }

  reject(tenantId: string, bookingId: string, reason: string, staffName: string): Promise<BookingRecord> {
    return this.deps.bookings.decideReview(tenantId, bookingId, false, staffName, reason, (b) =>
      this.text(b, 'rejected', (t) => `${t.name}: sorry, we couldn't confirm your ${this.what(b, t)} on ${this.when(b, t)}. Please call us${t.phoneNumbers[0] ? ` at ${t.phoneNumbers[0]}` : ''} to find another time.`),
    );
  }

  modify(tenantId: string, bookingId: string, change: { start: number; providerId?: string | undefined; serviceId?: string | undefined }, staffName: string): Promise<BookingRecord> {
    return this.deps.bookings.modifyPending(tenantId, bookingId, change, staffName, (b) =>
      this.text(b, `modified:${b.start}:${b.providerId}:${b.serviceId}`, (t) => `${t.name}: your ${this.what(b, t)} is confirmed for ${this.when(b, t)} with ${this.provider(b, t)}.`),
    );
  }

  private text(booking: BookingRecord, event: string, body: (tenant: TenantConfig) => string): void {
    const tenant = this.deps.tenants.get(booking.tenantId).config;
    const customer = booking.customerId ? this.deps.customers.find(booking.tenantId, booking.customerId) : null;
    if (!customer?.phone) return;
    if (booking.callId !== null && this.deps.isRehearsalCall(booking.tenantId, booking.callId)) return;
    // Deterministic: a repeated decision on the same booking cannot queue the same text twice.
    this.deps.outbox.enqueueSms(booking.tenantId, `review:${booking.id}:${event}`, { to: customer.phone, from: tenant.phoneNumbers[0] ?? null, body: body(tenant) });
  }

  private what(b: BookingRecord, t: TenantConfig): string {
    return (t.services.find((s) => s.id === b.serviceId)?.name ?? 'appointment').toLowerCase();
  }

  private provider(b: BookingRecord, t: TenantConfig): string {
    return t.providers.find((p) => p.id === b.providerId)?.name ?? b.providerId;
  }

  private when(b: BookingRecord, t: TenantConfig): string {
    const date = DateTime.fromMillis(b.start, { zone: t.timezone }).toISODate() ?? '';
    return `${sayDate(date, t, this.deps.clock.now())} at ${sayTime(b.start, t)}`;
  }
}
