import { ContractError, type Language, type TenantConfig } from '../../../../shared/contract/index.js';
import type { Clock, Logger } from '../../kernel/index.js';
import { reviewReasons } from '../../review/index.js';
import type { AvailabilityService, BookingRecord, BookingService, CustomerService } from '../../scheduling/index.js';
import { message } from '../prompts/index.js';
import { hoursSentences } from '../rules-brain/hours-words.js';
import { ConsentMissing, requireConsent, type ConsentTarget } from './consent-guard.js';
import type { ActionAudit, CallConversation, MessageSink, WaitlistSink } from './ports.js';
import { CallerRefusal } from './refusal.js';
import { resolveStart, wishFromWords } from './resolve-when.js';
import { providerName, sayWhen, serviceName } from './spoken.js';
import {
  actionArgs,
  type ActionContext,
  type ActionName,
  type ActionResult,
  type ActionResults,
  type ActionRouter,
  type AppointmentSummary,
  type OfferedSlot,
} from './types.js';

type Failure = Extract<ActionResult<ActionName>, { ok: false }>;

export interface ActionRouterDeps {
  availability: AvailabilityService;
  bookings: BookingService;
  customers: CustomerService;
  messages: MessageSink;
  waitlist: WaitlistSink;
  audit: ActionAudit;
  /** What was said on the call so far: the consent guard reads the read-back and the yes from it. */
  conversation: CallConversation;
  clock: Clock;
  logger: Logger;
}

/**
 * The one door both brains use to act: arguments validated by schema, everything scoped to the
 * call's tenant, each call audited (arguments, result, duration), and every failure turned into
 * a sentence the caller can hear instead of an exception. Bookings, moves and cancellations
 * pass the consent guard here, so neither brain can skip the read-back and the caller's yes.
 */
export function createActionRouter(deps: ActionRouterDeps): ActionRouter {
  const handlers = createHandlers(deps);
  return {
    async run(name, rawArgs, context) {
      const started = performance.now();
      let result: ActionResult<typeof name>;
      const parsed = actionArgs[name].safeParse(rawArgs);
      const language = languageOf(context);
      if (context.signal?.aborted) {
        // The turn was abandoned (deadline, barge-in, hang-up, takeover): it must change nothing more.
        result = { ok: false, code: 'unavailable', say: message(language, 'action.abandoned') };
      } else if (!parsed.success) {
        result = { ok: false, code: 'invalid_arguments', say: message(language, 'action.missingDetails') };
      } else {
        try {
          const handler = handlers[name] as (args: unknown, context: ActionContext) => Promise<ActionResults[typeof name]>;
          result = { ok: true, data: await handler(parsed.data, context) };
        } catch (error) {
          result = toFailure(error, deps.logger, name, context);
        }
      }
      deps.audit.record({
        tenantId: context.tenant.id,
        callId: context.callId,
        at: deps.clock.now(),
        action: name,
        args: rawArgs,
        ok: result.ok,
        result: result.ok ? result.data : { code: result.code, say: result.say, ...(result.detail ? { detail: result.detail } : {}) },
        durationMs: performance.now() - started,
      });
      return result;
    },
  };
}

/** The language the caller hears: the call's, else the practice's first. */
function languageOf(context: ActionContext): Language {
  return context.language ?? context.tenant.languages[0] ?? 'en';
}

/**
 * The scheduling domain words its refusals in English ("Maria is not working at 7 PM."): an English
 * caller hears them as they are, a caller in another language the catalog's words for their kind.
 */
const CALLER_WORDS = { not_found: 'action.notFound', outside_rules: 'action.outsideRules', invalid_arguments: 'action.missingDetails', unavailable: 'trouble' } as const;

function toFailure(error: unknown, logger: Logger, action: ActionName, context: ActionContext): Failure {
  const language = languageOf(context);
  if (error instanceof ConsentMissing) {
    logger.warn({ tenantId: context.tenant.id, callId: context.callId, action, reason: error.reason }, 'refused: not read back and agreed to');
    return { ok: false, code: 'not_confirmed', say: message(language, 'llm.notConfirmed') };
  }
  if (error instanceof ContractError) {
    const code = error.code === 'conflict' ? 'conflict' : error.code === 'not_found' ? 'not_found' : error.code === 'outside_rules' ? 'outside_rules' : error.code === 'invalid_input' ? 'invalid_arguments' : 'unavailable';
    if (error instanceof CallerRefusal) return { ok: false, code, say: error.sayIn(language) };
    if (code === 'conflict') return { ok: false, code, say: message(language, 'slot.taken') };
    // The domain's own words also go to the model as `detail`, so it can explain in the caller's language.
    return { ok: false, code, say: language === 'en' ? error.message : message(language, CALLER_WORDS[code]), detail: error.message };
  }
  logger.error({ tenantId: context.tenant.id, callId: context.callId, action, err: error }, 'action failed');
  return { ok: false, code: 'internal', say: message(language, 'trouble') };
}

type Handlers = { [N in ActionName]: (args: ReturnType<(typeof actionArgs)[N]['parse']>, context: ActionContext) => Promise<ActionResults[N]> };

function createHandlers(deps: ActionRouterDeps): Handlers {
  const { availability, bookings, customers, messages, clock, conversation } = deps;
  const consent = (target: ConsentTarget, context: ActionContext) => requireConsent(target, context, conversation, clock.now());
  const offered = (tenant: TenantConfig, serviceId: string, providerId: string, start: number): OfferedSlot => ({
    serviceId,
    providerId,
    start,
    spoken: `${sayWhen(start, tenant, clock.now())} with ${providerName(tenant, providerId)}`,
  });
  const summary = (tenant: TenantConfig, b: BookingRecord): AppointmentSummary => ({
    bookingId: b.id,
    serviceId: b.serviceId,
    providerId: b.providerId,
    start: b.start,
    status: b.status as AppointmentSummary['status'],
    spoken: `your ${serviceName(tenant, b.serviceId).toLowerCase()} on ${sayWhen(b.start, tenant, clock.now())} with ${providerName(tenant, b.providerId)}`,
  });
  /** Every booking an action touches is looked up within the call's own practice. */
  const ownBooking = (context: ActionContext, bookingId: string): BookingRecord => bookings.get(context.tenant.id, bookingId);

  return {
    async check_availability({ serviceId, providerId, wish, when, excludeBookingId, releaseHoldId }, context) {
      const { tenant } = context;
      if (releaseHoldId) await bookings.releaseCallHold(tenant.id, releaseHoldId, context.callId, 'receptionist');
      const resolved = wishFromWords(when, wish, tenant, clock.now());
      const { slots } = await availability.suggest({ tenantId: tenant.id, serviceId, providerId: providerId ?? null, wish: resolved, searchDays: 14, excludeBookingId: excludeBookingId ?? null });
      return { slots: slots.map((s) => offered(tenant, serviceId, s.providerId, s.start)) };
    },
    async hold_slot({ serviceId, providerId, start: when, releaseHoldId }, context) {
      if (releaseHoldId) await bookings.releaseCallHold(context.tenant.id, releaseHoldId, context.callId, 'receptionist');
      const start = resolveStart(when, context.tenant, clock.now());
      const hold = await bookings.book({
        tenantId: context.tenant.id,
        serviceId,
        providerId,
        start,
        status: 'held',
        source: 'phone',
        actor: 'receptionist',
        callId: context.callId,
        idempotencyKey: `${context.callId}:hold:${context.turn}:${providerId}:${start}`,
        customer: context.callerPhone ? { phone: context.callerPhone, language: context.language } : undefined,
      });
      return { holdId: hold.id, slot: offered(context.tenant, serviceId, providerId, start), expiresAt: hold.holdExpiresAt ?? start };
    },
    async book_appointment(args, context) {
      const { tenant } = context;
      const customerInput = { phone: context.callerPhone ?? undefined, name: args.customerName ?? undefined, language: context.language };
      const existing = context.callerPhone ? customers.recognize(tenant.id, context.callerPhone) : null;
      let target: { serviceId: string; providerId: string; start: number };
      if (args.holdId) {
        const hold = ownBooking(context, args.holdId);
        target = hold;
      } else if (args.serviceId && args.providerId && args.start !== undefined) {
        target = { serviceId: args.serviceId, providerId: args.providerId, start: resolveStart(args.start, tenant, clock.now()) };
      } else {
        throw new CallerRefusal('invalid_input', 'action.whichTime');
      }
      consent({ action: 'book_appointment', providerId: target.providerId, start: target.start }, context);
      const service = tenant.services.find((s) => s.id === target.serviceId);
      if (!service) throw new CallerRefusal('not_found', 'action.unknownService');
      const reasons = reviewReasons({ tenant, service, isNewCustomer: !existing || existing.createdAt >= clock.now(), signals: args.signals });
      const status = reasons.length > 0 ? 'pending_review' : 'confirmed';
      const booking = args.holdId
        ? await bookings.confirm({ tenantId: tenant.id, bookingId: args.holdId, status, reviewReason: reasons.join('; ') || undefined, actor: 'receptionist', customer: customerInput })
        : await bookings.book({
            tenantId: tenant.id,
            ...target,
            status,
            reviewReason: reasons.join('; ') || undefined,
            source: 'phone',
            actor: 'receptionist',
            callId: context.callId,
            idempotencyKey: `${context.callId}:book:${context.turn}`,
            customer: customerInput,
          });
      const spoken = `your ${service.name.toLowerCase()} on ${sayWhen(booking.start, tenant, clock.now())} with ${providerName(tenant, booking.providerId)}`;
      return { bookingId: booking.id, start: booking.start, status: booking.status === 'pending_review' ? 'pending_review' : 'confirmed', reviewReasons: reasons, spoken };
    },
    async find_appointments({ phone, name }, context) {
      const { tenant } = context;
      const lookupPhone = phone ?? context.callerPhone;
      const found = new Map<string, BookingRecord>();
      const now = clock.now();
      const upcomingOf = (customerId: string) =>
        bookings.list(tenant.id, { customerId, from: now, statuses: ['confirmed', 'pending_review'] }).forEach((b) => found.set(b.id, b));
      if (lookupPhone) {
        const customer = customers.recognize(tenant.id, lookupPhone);
        if (customer) upcomingOf(customer.id);
      }
      if (name && name.trim().length >= 3) {
        for (const customer of customers.search(tenant.id, name, 5)) upcomingOf(customer.id);
      }
      return { appointments: [...found.values()].sort((a, b) => a.start - b.start).map((b) => summary(tenant, b)) };
    },
    async cancel_appointment({ bookingId }, context) {
      const current = ownBooking(context, bookingId);
      consent({ action: 'cancel_appointment', providerId: current.providerId, start: current.start }, context);
      const booking = await bookings.cancel(context.tenant.id, current.id, 'receptionist', `cancelled by caller on call ${context.callId}`);
      return { bookingId: booking.id, spoken: summary(context.tenant, booking).spoken };
    },
    async reschedule_appointment({ bookingId, holdId, start, providerId }, context) {
      const { tenant } = context;
      const current = ownBooking(context, bookingId);
      let target = { start: start === undefined ? current.start : resolveStart(start, tenant, clock.now()), providerId: providerId ?? current.providerId };
      if (holdId) {
        const hold = ownBooking(context, holdId);
        target = { start: hold.start, providerId: hold.providerId };
      }
      consent({ action: 'reschedule_appointment', ...target, from: current.start }, context);
      const moved = await bookings.reschedule(tenant.id, current.id, target.start, 'receptionist', target.providerId, { releaseHoldId: holdId });
      return { bookingId: moved.id, start: moved.start, status: moved.status === 'pending_review' ? 'pending_review' : 'confirmed', spoken: summary(tenant, moved).spoken };
    },
    async answer_question({ faqIndex, topic }, context) {
      const { tenant } = context;
      if (topic === 'hours') return { answer: hoursSentences(tenant, clock.now()).join(' ') };
      if (topic === 'location') {
        return { answer: tenant.address ? message(languageOf(context), 'location.address', { address: tenant.address }) : message(languageOf(context), 'location.unknown') };
      }
      const entry = faqIndex === null || faqIndex === undefined ? undefined : tenant.faq[faqIndex];
      if (!entry) throw new CallerRefusal('not_found', 'faq.unknownTakeMessage');
      return { answer: entry.answer };
    },
    async take_message({ reason, callerName, callbackNumber, urgent }, context) {
      const number = callbackNumber ? customers.normalize(context.tenant.id, callbackNumber) : context.callerPhone;
      const messageId = messages.take({ tenantId: context.tenant.id, callId: context.callId, callerName: callerName ?? null, callbackNumber: number, reason, urgent });
      return { messageId, urgent };
    },
    async transfer_to_staff(_args, { tenant }) {
      return { number: tenant.transferNumber };
    },
    async join_waitlist({ serviceId, providerId, fromDate, toDate, customerName }, context) {
      if (!context.callerPhone) throw new CallerRefusal('invalid_input', 'waitlist.noNumber');
      const entryId = deps.waitlist.join({
        tenantId: context.tenant.id,
        callId: context.callId,
        phone: context.callerPhone,
        name: customerName ?? null,
        serviceId,
        providerId: providerId ?? null,
        fromDate,
        toDate,
        actor: `call ${context.callId}`,
        language: context.language ?? null,
      });
      return { entryId };
    },
  };
}
