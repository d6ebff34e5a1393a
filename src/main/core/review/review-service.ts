import type { ReviewItemDto, TranscriptTurnDto } from '../../../shared/contract/index.js';
import { toBookingDto, type BookingRecord, type BookingService, type CustomerService } from '../scheduling/index.js';
import type { TenantService } from '../tenants/index.js';

/** Where a review item's transcript excerpt comes from (the calls domain). */
export interface TranscriptExcerpts {
  excerpt(tenantId: string, callId: string, turns: number): TranscriptTurnDto[];
}

const EXCERPT_TURNS = 10;

/**
 * The queue of bookings the receptionist was unsure of. Each decision is recorded in the
 * booking's history under the staff member's name; the caller is told the outcome by text
 * through the outbox, queued in the same transaction as the decision, so neither happens alone.
 */
export class ReviewService {
  constructor(
    private readonly deps: {
      bookings: BookingService;
      customers: CustomerService;
      tenants: TenantService;
      transcripts: TranscriptExcerpts;
      /** Bookings made in a rehearsal are tests: marked as such (their texts are skipped by the texting hook). */
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

  /** The caller's text about the decision is queued by the booking's own change hook (notifications), in the same commit. */
  approve(tenantId: string, bookingId: string, staffName: string): Promise<BookingRecord> {
    return this.deps.bookings.decideReview(tenantId, bookingId, true, staffName);
  }

  reject(tenantId: string, bookingId: string, reason: string, staffName: string): Promise<BookingRecord> {
    return this.deps.bookings.decideReview(tenantId, bookingId, false, staffName, reason);
  }

  modify(tenantId: string, bookingId: string, change: { start: number; providerId?: string | undefined; serviceId?: string | undefined }, staffName: string): Promise<BookingRecord> {
    return this.deps.bookings.modifyPending(tenantId, bookingId, change, staffName);
  }
}
