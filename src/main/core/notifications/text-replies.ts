import { DateTime } from 'luxon';
import type { TenantConfig } from '../../../shared/contract/index.js';
import type { TextTemplateId, TextValues } from '../../../shared/lib/text-templates.js';
import type { Clock, IdGenerator, Logger } from '../kernel/index.js';
import type { AvailabilityService, BookingRecord, BookingService, CustomerRecord, CustomerService, Slot } from '../scheduling/index.js';
import type { TenantService } from '../tenants/index.js';
import type { OutboxService } from './outbox-service.js';
import type { TextContext, TextPurpose, TextRepository } from './ports.js';
import { readReply, textKeyword, type ReplyReading } from './reply-reading.js';
import { bookingValues, composeText, textDate, textLanguageFor, textTime } from './text-words.js';
import type { Waitlist } from './waitlist.js';

export interface InboundText {
  messageSid: string;
  from: string;
  to: string;
  body: string;
  /** Twilio's Advanced Opt-Out verdict (STOP / START / HELP), when the account has it on. */
  optOutType?: string | undefined;
}

/** What became of an incoming text; `staff` ones wait unread in the inbox. */
export type InboundOutcome = 'unknown-number' | 'duplicate' | 'stop' | 'start' | 'help' | 'confirmed' | 'cancelled' | 'offered' | 'moved' | 'waitlist-booked' | 'waitlist-missed' | 'declined' | 'waitlisted' | 'staff';

const OFFER_SEARCH_DAYS = 14;
const OFFERED_TIMES = 2;

/**
 * Incoming texts: stored once per MessageSid, carrier keywords remembered per number, and a
 * reply read in the patient's words against what we last asked that number (a reminder, two
 * offered times, a waitlist opening). What the rules cannot settle goes to the staff inbox.
 */
export class TextReplies {
  constructor(
    private readonly deps: {
      texts: TextRepository;
      tenants: TenantService;
      customers: CustomerService;
      bookings: BookingService;
      availability: AvailabilityService;
      outbox: OutboxService;
      waitlist: Waitlist;
      clock: Clock;
      ids: IdGenerator;
      logger: Logger;
      changed: (tenantId: string, phone: string) => void;
    },
  ) {}

  async receive(text: InboundText): Promise<{ outcome: InboundOutcome; tenantId: string | null }> {
    const tenant = this.deps.tenants.findByPhoneNumber(text.to)?.config;
    if (!tenant) {
      this.deps.logger.warn({ to: text.to, messageSid: text.messageSid }, 'text to a number no practice owns');
      return { outcome: 'unknown-number', tenantId: null };
    }
    const phone = this.normalizedPhone(tenant, text.from);
    const now = this.deps.clock.now();
    const id = this.deps.ids.next();
    const stored = this.deps.texts.insertInbound({ tenantId: tenant.id, id, messageSid: text.messageSid, phone, body: text.body, receivedAt: now, readAt: null, handledAs: null, bookingId: null });
    if (!stored) return { outcome: 'duplicate', tenantId: tenant.id };
    const log = this.deps.logger.child({ tenantId: tenant.id, messageSid: text.messageSid });
    let outcome: InboundOutcome;
    let bookingId: string | null = null;
    try {
      ({ outcome, bookingId } = await this.handle(tenant, phone, text));
    } catch (error) {
      // The text is stored: staff see it unread whatever went wrong here.
      log.error({ err: error }, 'could not act on a text; left for staff');
      outcome = 'staff';
    }
    this.deps.texts.setHandled(tenant.id, id, outcome, bookingId);
    if (outcome !== 'staff') this.deps.texts.markRead(tenant.id, phone, this.deps.clock.now());
    log.info({ outcome, bookingId }, 'text received');
    this.deps.changed(tenant.id, phone);
    return { outcome, tenantId: tenant.id };
  }

  private async handle(tenant: TenantConfig, phone: string, text: InboundText): Promise<{ outcome: InboundOutcome; bookingId: string | null }> {
    const now = this.deps.clock.now();
    const keyword = (text.optOutType?.toLowerCase() as 'stop' | 'start' | 'help' | undefined) ?? textKeyword(text.body);
    if (keyword === 'stop' || keyword === 'start') {
      this.deps.texts.setOptedOut(tenant.id, phone, keyword === 'stop', now);
      return { outcome: keyword, bookingId: null };
    }
    const customer = this.deps.customers.recognize(tenant.id, phone);
    if (keyword === 'help') {
      this.send(tenant, phone, customer, 'help', {}, `help:${text.messageSid}`, 'help', null);
      return { outcome: 'help', bookingId: null };
    }
    const number = this.deps.texts.number(tenant.id, phone);
    if (number.optedOut) return { outcome: 'staff', bookingId: null };
    const context = number.context;

    if (context?.kind === 'waitlist-offer') {
      const reading = readReply(text.body, { tenant, now, optionCount: null });
      if (reading.kind === 'confirm') {
        this.deps.texts.setContext(tenant.id, phone, null, now);
        const booked = await this.deps.waitlist.accept(tenant.id, context.offerId, context.entryId);
        return { outcome: booked ? 'waitlist-booked' : 'waitlist-missed', bookingId: booked?.id ?? null };
      }
      if (reading.kind === 'decline') {
        this.deps.texts.setContext(tenant.id, phone, null, now);
        this.deps.waitlist.decline(tenant.id, context.offerId, context.entryId);
        return { outcome: 'declined', bookingId: null };
      }
    }

    const booking = this.bookingInQuestion(tenant, customer, context, now);
    const optionCount = context?.kind === 'reschedule-offer' && booking?.id === context.bookingId ? context.options.length : null;
    const reading = readReply(text.body, { tenant, now, optionCount });
    if (reading.kind === 'waitlist') return this.joinWaitlist(tenant, phone, customer, booking, reading, text.messageSid);
    if (!booking) return this.toStaff(tenant, phone, customer, text.messageSid);

    switch (reading.kind) {
      case 'confirm':
        if (optionCount) return this.toStaff(tenant, phone, customer, text.messageSid);
        this.deps.bookings.note(tenant.id, booking.id, `text from ${phone}`, 'confirmed by text', { reply: text.body.slice(0, 160) });
        this.send(tenant, phone, customer, 'reminderConfirmed', bookingValues(tenant, booking, customer, textLanguageFor(customer, tenant), now), `confirmed-reply:${booking.id}:${booking.start}`, 'reply', booking.id);
        return { outcome: 'confirmed', bookingId: booking.id };
      case 'cancel':
        await this.deps.bookings.cancel(tenant.id, booking.id, `text from ${phone}`, `by text: ${text.body.slice(0, 160)}`);
        this.deps.texts.setContext(tenant.id, phone, null, now);
        return { outcome: 'cancelled', bookingId: booking.id };
      case 'reschedule':
        return this.offerTimes(tenant, phone, customer, booking, reading, text.messageSid);
      case 'pick':
        if (context?.kind === 'reschedule-offer') return this.pick(tenant, phone, customer, booking, context, reading, text.messageSid);
        return this.toStaff(tenant, phone, customer, text.messageSid);
      default:
        return this.toStaff(tenant, phone, customer, text.messageSid);
    }
  }

  /** The booking a reply is about: the one our last text was about, else their next visit. */
  private bookingInQuestion(tenant: TenantConfig, customer: CustomerRecord | null, context: TextContext | null, now: number): BookingRecord | null {
    if (context && context.kind !== 'waitlist-offer') {
      const booking = this.deps.bookings.find(tenant.id, context.bookingId);
      if (booking && booking.status === 'confirmed' && booking.start > now) return booking;
    }
    if (!customer) return null;
    return this.deps.bookings.list(tenant.id, { from: now, statuses: ['confirmed'], customerId: customer.id })[0] ?? null;
  }

  private async offerTimes(tenant: TenantConfig, phone: string, customer: CustomerRecord | null, booking: BookingRecord, reading: Extract<ReplyReading, { kind: 'reschedule' }>, sid: string) {
    const now = this.deps.clock.now();
    const language = textLanguageFor(customer, tenant);
    const wish = { ...reading.wish, providerId: reading.wish.providerId ?? null };
    let slots = (await this.deps.availability.suggest({ tenantId: tenant.id, serviceId: booking.serviceId, providerId: wish.providerId ?? booking.providerId, wish, searchDays: OFFER_SEARCH_DAYS })).slots;
    if (slots.length === 0 && !wish.providerId) slots = (await this.deps.availability.suggest({ tenantId: tenant.id, serviceId: booking.serviceId, providerId: null, wish, searchDays: OFFER_SEARCH_DAYS })).slots;
    const options = slots.filter((s) => s.start !== booking.start).slice(0, OFFERED_TIMES);
    if (options.length === 0) {
      this.send(tenant, phone, customer, 'rescheduleNone', {}, `none:${sid}`, 'reply', booking.id);
      return { outcome: 'staff' as const, bookingId: booking.id };
    }
    const listed = options.map((o, i) => `${i + 1}) ${textDate(o.start, tenant, language, now)} ${language === 'es' ? 'a las' : 'at'} ${textTime(o.start, tenant, language)}`).join(language === 'es' ? ' o ' : ' or ');
    this.deps.texts.exclusive(() => {
      this.send(tenant, phone, customer, 'rescheduleOffer', { options: listed }, `offer-times:${sid}`, 'offer', booking.id);
      this.deps.texts.setContext(tenant.id, phone, { kind: 'reschedule-offer', bookingId: booking.id, options: options.map((o: Slot) => ({ start: o.start, providerId: o.providerId })), at: now }, now);
    });
    return { outcome: 'offered' as const, bookingId: booking.id };
  }

  /** They picked one of the offered times: hold it, then move the booking into it in one commit. */
  private async pick(tenant: TenantConfig, phone: string, customer: CustomerRecord | null, booking: BookingRecord, context: Extract<TextContext, { kind: 'reschedule-offer' }>, reading: Extract<ReplyReading, { kind: 'pick' }>, sid: string) {
    const chosen =
      reading.choice !== null
        ? context.options[reading.choice - 1]
        : context.options.find((o) => {
            const local = DateTime.fromMillis(o.start, { zone: tenant.timezone });
            return local.toFormat('HH:mm') === reading.time && (!reading.date || local.toISODate() === reading.date);
          });
    if (!chosen) return this.toStaff(tenant, phone, customer, sid);
    const actor = `text from ${phone}`;
    const now = this.deps.clock.now();
    try {
      const hold = await this.deps.bookings.book({
        tenantId: tenant.id,
        serviceId: booking.serviceId,
        providerId: chosen.providerId,
        start: chosen.start,
        status: 'held',
        customer: { phone },
        source: 'phone',
        actor,
        idempotencyKey: `text-pick:${sid}`,
      });
      await this.deps.bookings.reschedule(tenant.id, booking.id, chosen.start, actor, chosen.providerId, { releaseHoldId: hold.id });
      this.deps.texts.setContext(tenant.id, phone, { kind: 'booking', bookingId: booking.id, at: now }, now);
      return { outcome: 'moved' as const, bookingId: booking.id };
    } catch (error) {
      this.deps.logger.info({ tenantId: tenant.id, bookingId: booking.id, err: error instanceof Error ? error.message : String(error) }, 'picked time no longer free');
      this.deps.texts.setContext(tenant.id, phone, { kind: 'booking', bookingId: booking.id, at: now }, now);
      this.send(tenant, phone, customer, 'slotGone', {}, `gone:${sid}`, 'reply', booking.id);
      return { outcome: 'staff' as const, bookingId: booking.id };
    }
  }

  /**
   * "Put me on the waitlist (for Friday)": for the day or range they name, else until their
   * booking (an earlier time, moving it) or the next two weeks. Needs to know which service.
   */
  private joinWaitlist(tenant: TenantConfig, phone: string, customer: CustomerRecord | null, booking: BookingRecord | null, reading: Extract<ReplyReading, { kind: 'waitlist' }>, sid: string) {
    const serviceId = reading.serviceId ?? booking?.serviceId ?? null;
    if (!serviceId || !tenant.texts.waitlist.enabled) return this.toStaff(tenant, phone, customer, sid);
    const today = DateTime.fromMillis(this.deps.clock.now(), { zone: tenant.timezone });
    const named = reading.wish.date ? { from: reading.wish.date, to: reading.wish.date } : reading.wish.fromDate && reading.wish.toDate ? { from: reading.wish.fromDate, to: reading.wish.toDate } : null;
    const moveEarlier = !named && booking !== null && booking.serviceId === serviceId;
    const range = named ?? (moveEarlier ? { from: today.toISODate()!, to: DateTime.fromMillis(booking.start, { zone: tenant.timezone }).toISODate()! } : { from: today.toISODate()!, to: today.plus({ days: 14 }).toISODate()! });
    this.deps.waitlist.add({
      tenantId: tenant.id,
      phone,
      ...(customer?.name ? { name: customer.name } : {}),
      serviceId,
      fromDate: range.from,
      toDate: range.to,
      ...(moveEarlier ? { bookingId: booking.id } : {}),
      actor: `text from ${phone}`,
    });
    return { outcome: 'waitlisted' as const, bookingId: moveEarlier ? booking.id : null };
  }

  /** Not something the rules can settle: staff read it; the patient hears we got it (once a day). */
  private toStaff(tenant: TenantConfig, phone: string, customer: CustomerRecord | null, _sid: string) {
    const day = DateTime.fromMillis(this.deps.clock.now(), { zone: tenant.timezone }).toISODate();
    if (tenant.texts.enabled) this.send(tenant, phone, customer, 'received', {}, `received:${phone}:${day}`, 'reply', null);
    return { outcome: 'staff' as const, bookingId: null };
  }

  private send(tenant: TenantConfig, phone: string, customer: CustomerRecord | null, template: TextTemplateId, values: TextValues, dedupeKey: string, purpose: TextPurpose, bookingId: string | null): void {
    const body = composeText(tenant, textLanguageFor(customer, tenant), template, { name: customer?.name ?? '', ...values });
    this.deps.outbox.enqueueSms(tenant.id, dedupeKey, { to: phone, from: tenant.phoneNumbers[0] ?? null, body }, { purpose, bookingId });
  }

  private normalizedPhone(tenant: TenantConfig, from: string): string {
    try {
      return this.deps.customers.normalize(tenant.id, from);
    } catch {
      return from.trim();
    }
  }
}
