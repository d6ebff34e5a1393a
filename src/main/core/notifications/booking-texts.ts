import type { TenantConfig } from '../../../shared/contract/index.js';
import type { TextTemplateId } from '../../../shared/lib/text-templates.js';
import type { Clock } from '../kernel/index.js';
import type { BookingChange, BookingRecord, CustomerService } from '../scheduling/index.js';
import type { TenantService } from '../tenants/index.js';
import type { OutboxService } from './outbox-service.js';
import type { TextPurpose, TextRepository } from './ports.js';
import { bookingValues, composeText, textLanguageFor } from './text-words.js';

/** Tells whether a booking came from a rehearsal call (typed in the console): those are never texted. */
export interface RehearsalCheck {
  isRehearsalCall(tenantId: string, callId: string): boolean;
}

/** Called with the slot a cancelled or moved booking gave up, inside the same transaction. */
export type FreedSlotListener = (tenantId: string, freed: Pick<BookingRecord, 'serviceId' | 'providerId' | 'start'>) => void;

/**
 * Confirmation, move and cancellation texts for every booking change, whoever made it (the phone,
 * the console, the CLI, a review decision, a text reply). It runs inside the booking's own
 * transaction, so the text is queued if and only if the change commits, and each text's dedupe
 * key names the booking and the change, so a retried decision cannot queue it twice.
 */
export class BookingTexts {
  private readonly freedListeners: FreedSlotListener[] = [];

  constructor(
    private readonly deps: {
      tenants: TenantService;
      customers: CustomerService;
      outbox: OutboxService;
      texts: TextRepository;
      rehearsals: RehearsalCheck;
      clock: Clock;
    },
  ) {}

  onSlotFreed(listener: FreedSlotListener): void {
    this.freedListeners.push(listener);
  }

  /** The BookingService's in-transaction hook. */
  handle(change: BookingChange): void {
    const { booking, previous, action } = change;
    const wasActive = previous !== null && (previous.status === 'confirmed' || previous.status === 'pending_review');
    const slotMoved = previous !== null && (previous.start !== booking.start || previous.providerId !== booking.providerId);
    if (wasActive && (booking.status === 'cancelled' || slotMoved)) {
      for (const listener of this.freedListeners) listener(booking.tenantId, previous);
    }

    if (booking.status === 'confirmed' && previous?.status !== 'confirmed' && (action === 'created' || action === 'confirmed' || action === 'approved' || action === 'modified')) {
      this.send(booking, 'confirmation', `confirm:${booking.id}:${booking.start}:${booking.providerId}`, 'confirmation', (t) => t.texts.confirmations);
    } else if (action === 'rescheduled' && booking.status === 'confirmed' && slotMoved) {
      this.send(booking, 'moved', `moved:${booking.id}:${booking.start}:${booking.providerId}`, 'moved', (t) => t.texts.confirmations);
    } else if (action === 'rejected') {
      this.send(booking, 'reviewRejected', `review:${booking.id}:rejected`, 'review', () => true);
    } else if (action === 'cancelled' && wasActive) {
      this.send(booking, 'cancelled', `cancelled:${booking.id}`, 'cancelled', (t) => t.texts.confirmations);
    }
  }

  private send(booking: BookingRecord, template: TextTemplateId, dedupeKey: string, purpose: TextPurpose, wanted: (tenant: TenantConfig) => boolean): void {
    const tenant = this.deps.tenants.get(booking.tenantId).config;
    // A staff decision on a review is always told (the caller is waiting for it); the rest follow the practice's switches.
    if (purpose !== 'review' && (!tenant.texts.enabled || !wanted(tenant))) return;
    if (booking.callId && this.deps.rehearsals.isRehearsalCall(booking.tenantId, booking.callId)) return;
    const customer = booking.customerId ? this.deps.customers.find(booking.tenantId, booking.customerId) : null;
    if (!customer?.phone) return;
    const now = this.deps.clock.now();
    const language = textLanguageFor(customer, tenant);
    const body = composeText(tenant, language, template, bookingValues(tenant, booking, customer, language, now));
    this.deps.outbox.enqueueSms(booking.tenantId, dedupeKey, { to: customer.phone, from: tenant.phoneNumbers[0] ?? null, body }, { bookingId: booking.id, purpose });
    if (booking.status === 'confirmed') this.deps.texts.setContext(booking.tenantId, customer.phone, { kind: 'booking', bookingId: booking.id, at: now }, now);
  }
}
