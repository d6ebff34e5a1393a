import { ContractError, type TenantConfig, type WaitlistEntryDto } from '../../../shared/contract/index.js';
import type { TextLanguage } from '../../../shared/lib/text-templates.js';
import { formatInstant, localDateOf } from '../../../shared/lib/time.js';
import type { Clock, EventPublisher, IdGenerator, Logger } from '../kernel/index.js';
import type { BookingRecord, BookingService, CustomerService } from '../scheduling/index.js';
import type { TenantService } from '../tenants/index.js';
import type { OutboxService } from './outbox-service.js';
import { quietHoursEnd } from './quiet-hours.js';
import type { TextRepository, WaitlistOfferRecord, WaitlistRecord, WaitlistRepository } from './ports.js';
import { bookingValues, composeText, serviceName, textLanguageFor } from './text-words.js';

/** An opening nobody answered is offered to the next in line after this long. */
export const OFFER_LAPSES_AFTER_MS = 60 * 60_000;

export interface WaitlistRequest {
  tenantId: string;
  phone: string;
  name?: string | undefined;
  serviceId: string;
  providerId?: string | undefined;
  fromDate: string;
  toDate: string;
  bookingId?: string | undefined;
  actor: string;
  /** The language the person asked in (a caller's): the text confirming it goes out in it. */
  language?: TextLanguage | undefined;
}

type Freed = Pick<BookingRecord, 'serviceId' | 'providerId' | 'start'>;

/**
 * Patients who want an earlier time or a full day. When a matching slot frees (a cancellation or a
 * move, from any source) it is offered by text to the first `offerAtOnce` of them in the order they
 * joined, inside the same transaction that freed it. The first "yes" claims the offer with one
 * conditional UPDATE, so two replies in the same second still make exactly one booking; the
 * booking itself is then guarded like every other (lock, re-check, trigger).
 */
export class Waitlist {
  constructor(
    private readonly deps: {
      waitlist: WaitlistRepository;
      texts: TextRepository;
      tenants: TenantService;
      customers: CustomerService;
      bookings: BookingService;
      outbox: OutboxService;
      events: EventPublisher;
      clock: Clock;
      ids: IdGenerator;
      logger: Logger;
    },
  ) {}

  add(request: WaitlistRequest): WaitlistEntryDto {
    const tenant = this.deps.tenants.get(request.tenantId).config;
    const service = tenant.services.find((s) => s.id === request.serviceId);
    if (!service) throw new ContractError('not_found', `${tenant.name} has no service "${request.serviceId}".`);
    if (request.providerId && !service.providerIds.includes(request.providerId)) throw new ContractError('invalid_input', `Provider "${request.providerId}" does not offer ${service.name}.`);
    if (request.fromDate > request.toDate) throw new ContractError('invalid_input', `The range ends (${request.toDate}) before it starts (${request.fromDate}).`);
    if (request.bookingId) this.deps.bookings.get(request.tenantId, request.bookingId);
    const phone = this.deps.customers.normalize(request.tenantId, request.phone);
    const now = this.deps.clock.now();
    const record: WaitlistRecord = {
      tenantId: request.tenantId,
      id: this.deps.ids.next(),
      phone,
      name: request.name?.trim() || null,
      serviceId: request.serviceId,
      providerId: request.providerId ?? null,
      fromDate: request.fromDate,
      toDate: request.toDate,
      bookingId: request.bookingId ?? null,
      status: 'waiting',
      createdAt: now,
      createdBy: request.actor,
      updatedAt: now,
    };
    this.deps.texts.exclusive(() => {
      this.deps.waitlist.insert(record);
      if (tenant.texts.enabled && tenant.texts.waitlist.enabled) {
        const customer = this.deps.customers.recognize(request.tenantId, phone);
        const language = request.language ?? textLanguageFor(customer, tenant);
        const body = composeText(tenant, language, 'waitlistJoined', { name: record.name ?? '', service: serviceName(tenant, service.id, language) });
        this.deps.outbox.enqueueSms(tenant.id, `waitlist-joined:${record.id}`, { to: phone, from: tenant.phoneNumbers[0] ?? null, body }, { purpose: 'waitlist' });
      }
    });
    this.changed(tenant.id);
    return this.toDto(record, tenant);
  }

  list(tenantId: string): WaitlistEntryDto[] {
    const tenant = this.deps.tenants.get(tenantId).config;
    return this.deps.waitlist.list(tenantId, ['waiting', 'offered']).map((r) => this.toDto(r, tenant));
  }

  remove(tenantId: string, entryId: string): WaitlistEntryDto {
    const tenant = this.deps.tenants.get(tenantId).config;
    const entry = this.deps.waitlist.get(tenantId, entryId);
    if (!entry) throw new ContractError('not_found', 'There is no such waitlist entry.');
    if (entry.status === 'waiting' || entry.status === 'offered') this.deps.waitlist.setStatus(tenantId, entryId, 'removed', this.deps.clock.now());
    this.changed(tenantId);
    return this.toDto(this.deps.waitlist.get(tenantId, entryId)!, tenant);
  }

  /** A slot freed: offer it to the next in line. Synchronous: it runs in the freeing transaction. */
  offerFreed(tenantId: string, freed: Freed, exclude: readonly string[] = []): WaitlistOfferRecord | null {
    const tenant = this.deps.tenants.get(tenantId).config;
    const now = this.deps.clock.now();
    if (!tenant.texts.enabled || !tenant.texts.waitlist.enabled) return null;
    if (freed.start <= now + tenant.booking.minNoticeMinutes * 60_000) return null;
    const date = localDateOf(freed.start, tenant.timezone);
    const candidates = this.deps.waitlist
      .list(tenantId, ['waiting'])
      .filter((e) => e.serviceId === freed.serviceId && (e.providerId === null || e.providerId === freed.providerId) && e.fromDate <= date && date <= e.toDate)
      .filter((e) => !exclude.includes(e.id) && this.wantsEarlier(e, freed.start))
      .slice(0, tenant.texts.waitlist.offerAtOnce);
    if (candidates.length === 0) return null;
    // An opening is news, not an answer: it waits out the night, and its hour to answer starts when it is sent.
    const sendAt = quietHoursEnd(tenant, now);
    if (freed.start <= sendAt + tenant.booking.minNoticeMinutes * 60_000) return null;
    const offer: WaitlistOfferRecord = {
      tenantId,
      id: this.deps.ids.next(),
      serviceId: freed.serviceId,
      providerId: freed.providerId,
      start: freed.start,
      entryIds: [...exclude, ...candidates.map((c) => c.id)],
      status: 'open',
      takenBy: null,
      bookingId: null,
      createdAt: sendAt,
    };
    this.deps.waitlist.insertOffer(offer);
    for (const entry of candidates) {
      this.deps.waitlist.setStatus(tenantId, entry.id, 'offered', now);
      const customer = this.deps.customers.recognize(tenantId, entry.phone);
      const language = textLanguageFor(customer, tenant);
      const body = composeText(tenant, language, 'waitlistOffer', { ...bookingValues(tenant, freed, customer, language, now), name: entry.name ?? customer?.name ?? '' });
      this.deps.outbox.enqueueSms(tenantId, `offer:${offer.id}:${entry.id}`, { to: entry.phone, from: tenant.phoneNumbers[0] ?? null, body }, { purpose: 'offer', notBefore: sendAt });
      this.deps.texts.setContext(tenantId, entry.phone, { kind: 'waitlist-offer', offerId: offer.id, entryId: entry.id, at: now }, now);
    }
    this.deps.logger.info({ tenantId, offerId: offer.id, offeredTo: candidates.length }, 'freed slot offered to the waitlist');
    this.changed(tenantId);
    return offer;
  }

  /**
   * A waitlisted patient said yes. Returns the booking when they got the slot, or null when
   * someone else was first or the slot is gone (they are told so, and stay on the list).
   */
  async accept(tenantId: string, offerId: string, entryId: string): Promise<BookingRecord | null> {
    const tenant = this.deps.tenants.get(tenantId).config;
    const offer = this.deps.waitlist.getOffer(tenantId, offerId);
    const entry = this.deps.waitlist.get(tenantId, entryId);
    if (!offer || !entry) return null;
    if (!this.deps.waitlist.claimOffer(tenantId, offerId, entryId)) {
      this.tell(tenant, entry, offer, 'waitlistTaken', `offer-taken:${offerId}:${entryId}`);
      this.backToWaiting(tenantId, entryId);
      return null;
    }
    const actor = `text from ${entry.phone}`;
    try {
      const booking = entry.bookingId
        ? await this.deps.bookings.reschedule(tenantId, entry.bookingId, offer.start, actor, offer.providerId)
        : await this.deps.bookings.book({
            tenantId,
            serviceId: offer.serviceId,
            providerId: offer.providerId,
            start: offer.start,
            status: 'confirmed',
            customer: { phone: entry.phone, ...(entry.name ? { name: entry.name } : {}) },
            source: 'phone',
            actor,
            idempotencyKey: `waitlist:${offerId}`,
            notes: 'Booked from the waitlist by text.',
          });
      this.deps.texts.exclusive(() => {
        this.deps.waitlist.setOfferBooking(tenantId, offerId, booking.id);
        this.deps.waitlist.setStatus(tenantId, entryId, 'booked', this.deps.clock.now());
        for (const other of offer.entryIds) if (other !== entryId) this.backToWaiting(tenantId, other);
      });
      this.changed(tenantId);
      return booking;
    } catch (error) {
      // Someone booked the slot by phone or at the desk between the offer and the reply.
      this.deps.logger.warn({ tenantId, offerId, err: error instanceof Error ? error.message : String(error) }, 'waitlist opening no longer free');
      this.deps.waitlist.setOfferStatus(tenantId, offerId, 'lapsed');
      this.backToWaiting(tenantId, entryId);
      this.tell(tenant, entry, offer, 'waitlistTaken', `offer-taken:${offerId}:${entryId}`);
      this.changed(tenantId);
      return null;
    }
  }

  decline(tenantId: string, offerId: string, entryId: string): void {
    this.backToWaiting(tenantId, entryId);
    const offer = this.deps.waitlist.getOffer(tenantId, offerId);
    if (offer?.status === 'open' && offer.entryIds.every((id) => id === entryId || this.deps.waitlist.get(tenantId, id)?.status !== 'offered')) {
      this.deps.texts.exclusive(() => {
        this.deps.waitlist.setOfferStatus(tenantId, offerId, 'lapsed');
        this.offerFreed(tenantId, offer, offer.entryIds);
      });
    }
    this.changed(tenantId);
  }

  /** Openings nobody took within the hour go to the next in line (if the slot is still free). */
  lapseStale(tenantId: string): void {
    const now = this.deps.clock.now();
    for (const offer of this.deps.waitlist.listOpenOffers(tenantId)) {
      if (offer.status !== 'open' || now - offer.createdAt < OFFER_LAPSES_AFTER_MS) continue;
      this.deps.texts.exclusive(() => {
        this.deps.waitlist.setOfferStatus(tenantId, offer.id, 'lapsed');
        for (const id of offer.entryIds) this.backToWaiting(tenantId, id);
        this.offerFreed(tenantId, offer, offer.entryIds);
      });
    }
  }

  private wantsEarlier(entry: WaitlistRecord, start: number): boolean {
    if (!entry.bookingId) return true;
    const booking = this.deps.bookings.find(entry.tenantId, entry.bookingId);
    return booking?.status === 'confirmed' && start < booking.start;
  }

  private backToWaiting(tenantId: string, entryId: string): void {
    if (this.deps.waitlist.get(tenantId, entryId)?.status === 'offered') this.deps.waitlist.setStatus(tenantId, entryId, 'waiting', this.deps.clock.now());
  }

  private tell(tenant: TenantConfig, entry: WaitlistRecord, offer: WaitlistOfferRecord, template: 'waitlistTaken', dedupeKey: string): void {
    const now = this.deps.clock.now();
    const customer = this.deps.customers.recognize(tenant.id, entry.phone);
    const language = textLanguageFor(customer, tenant);
    const body = composeText(tenant, language, template, bookingValues(tenant, offer, customer, language, now));
    this.deps.outbox.enqueueSms(tenant.id, dedupeKey, { to: entry.phone, from: tenant.phoneNumbers[0] ?? null, body }, { purpose: 'waitlist' });
  }

  private changed(tenantId: string): void {
    this.deps.events.publish({ name: 'waitlist/changed', payload: { tenantId } });
  }

  private toDto(r: WaitlistRecord, tenant: TenantConfig): WaitlistEntryDto {
    return {
      id: r.id,
      tenantId: r.tenantId,
      phone: r.phone,
      name: r.name,
      serviceId: r.serviceId,
      serviceName: tenant.services.find((s) => s.id === r.serviceId)?.name ?? r.serviceId,
      providerId: r.providerId,
      fromDate: r.fromDate,
      toDate: r.toDate,
      bookingId: r.bookingId,
      status: r.status,
      createdAt: formatInstant(r.createdAt, tenant.timezone),
      createdBy: r.createdBy,
    };
  }
}
