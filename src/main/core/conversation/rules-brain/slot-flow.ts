import { addDays } from '../../../../shared/lib/civil-date.js';
import type { ActionResult, OfferedSlot } from '../actions/types.js';
import { clockOf, capitalize, fullWhen, listWords, localClock, localDate, onDay } from '../prompts/index.js';
import type { Understanding } from '../understanding/types.js';
import { troubleToMessage } from './message-flow.js';
import { optionsSentence } from './pick.js';
import { closedOn } from './practice-days.js';
import { offerHelp } from './recovery.js';
import { askName } from './name-step.js';
import { askQuestion } from './questions.js';
import { isSystemFailure, type Turn } from './turn.js';
import { availabilityWish, emptyWish, hasWhen, isExact, mergeWish, withoutWhen, type Wish } from './wish.js';
import { offerWaitlist, waitlistHint } from './waitlist-flow.js';
import { lowerFirst, plural, providerWords, serviceWithArticle, serviceWords, tenantServiceExamples } from './words.js';
import type { MessageId } from '../prompts/index.js';

/** Starts a booking from the utterance that asked for one ("a cleaning tomorrow morning"). */
export async function startBooking(t: Turn, u: Understanding): Promise<void> {
  const s = t.state;
  s.flow = 'book';
  s.wish = mergeWish(emptyWish(), u, t.tenant);
  // "How much is a cleaning? … OK, can I book one for Wednesday?": the service they asked about
  // (read back before anything is booked, so a wrong guess costs one "no").
  if (s.wish.serviceId === null && t.tenant.services.some((x) => x.id === s.mentionedServiceId)) s.wish.serviceId = s.mentionedServiceId;
  s.offered = [];
  s.waitlistDate = null;
  supersedeHold(t);
  s.target = null;
  s.counters.clarifications = 0;
  s.lowConfidence = t.lowConfidence;
  await continueBooking(t);
}

/** The caller moved away from the held time: release it with the next search so it blocks nothing. */
export function supersedeHold(t: Turn): void {
  const s = t.state;
  if (s.hold?.holdId) s.staleHoldId = s.hold.holdId;
  s.hold = null;
}

function takeStaleHold(t: Turn): string | null {
  const id = t.state.staleHoldId;
  t.state.staleHoldId = null;
  return id;
}

function setSummary(t: Turn): void {
  const s = t.state;
  if (s.flow === 'reschedule') s.summary = s.target ? t.m('summary.reschedule', { service: serviceWithArticle(t, s.target.serviceId) }) : t.m('summary.rescheduleAny');
  else if (s.flow === 'book') s.summary = s.wish.serviceId ? t.m('summary.book', { service: serviceWithArticle(t, s.wish.serviceId) }) : t.m('summary.bookAny');
}

/** Asks for whatever the wish still lacks (service, then when), then looks for slots. */
export async function continueBooking(t: Turn, ...before: string[]): Promise<void> {
  const s = t.state;
  const w = s.wish;
  t.speak(...before);
  const only = t.tenant.services.length === 1 ? t.tenant.services[0] : undefined;
  if (!w.serviceId && only) w.serviceId = only.id;
  const service = t.tenant.services.find((x) => x.id === w.serviceId);
  setSummary(t);
  if (!service) {
    w.serviceId = null;
    askService(t);
    return;
  }
  if (w.providerId && !service.providerIds.includes(w.providerId)) {
    const others = service.providerIds.map((id) => providerWords(t, id));
    t.tell({ id: 'provider.doesNotDo', params: { provider: providerWords(t, w.providerId), services: plural(t, serviceWords(t, service.id)), others: listWords(t.lang, others) } });
    w.providerId = null;
  }
  if (!w.providerId && service.providerIds.length === 1) w.providerId = service.providerIds[0] ?? null;
  if (!hasWhen(w)) {
    askWhen(t, s.flow === 'reschedule' ? 'when.askMove' : 'when.ask');
    return;
  }
  await checkAndOffer(t);
}

export function askService(t: Turn, question: MessageId = 'service.ask'): void {
  const examples = listWords(t.lang, tenantServiceExamples(t, t.tenant).map(lowerFirst));
  askQuestion(t, 'service', { prompt: question, params: { examples } });
}

export function askWhen(t: Turn, question: MessageId): void {
  askQuestion(t, 'when', { prompt: question });
}

async function search(t: Turn, wish: Wish): Promise<ActionResult<'check_availability'>> {
  const s = t.state;
  const release = takeStaleHold(t);
  return t.run('check_availability', {
    serviceId: wish.serviceId ?? '',
    providerId: wish.providerId,
    wish: availabilityWish(wish),
    ...(s.flow === 'reschedule' && s.target ? { excludeBookingId: s.target.bookingId } : {}),
    ...(release ? { releaseHoldId: release } : {}),
  });
}

/**
 * Looks for slots matching the wish. An exact day and time that is free goes straight to the
 * hold and read-back; anything else is up to three options in one sentence. A day the practice
 * is closed is explained with its reason, and the nearest times after it are offered instead of
 * asking the caller to guess again.
 */
export async function checkAndOffer(t: Turn, opts: { before?: string[]; allowExact?: boolean; offerQuestion?: 'pick.orMessage' } = {}): Promise<void> {
  const s = t.state;
  const w = s.wish;
  const before = [...(opts.before ?? [])];
  if (!w.serviceId) {
    await continueBooking(t, ...before);
    return;
  }
  if (w.date !== null) {
    const closed = closedOn(t.tenant, w.date);
    if (closed.closed) {
      const day = onDay(t.lang, w.date, t.tenant, t.now);
      before.push(closed.reason ? t.m('closed.dayReason', { day, reason: closed.reason }) : t.m('closed.day', { day }));
      s.wish = { ...w, date: null, earliest: false, fromDate: addDays(w.date, 1), toDate: null };
      await offerNearest(t, before);
      return;
    }
  }
  const result = await search(t, w);
  if (!result.ok) {
    if (isSystemFailure(result)) {
      await troubleToMessage(t, result);
      return;
    }
    s.wish = withoutWhen(w);
    t.speak(...before, t.failureWords(result));
    askWhen(t, 'when.askOther');
    return;
  }
  const slots = result.data.slots;
  if (slots.length === 0) {
    before.push(w.date ? t.m('slots.noneOn', { day: onDay(t.lang, w.date, t.tenant, t.now) }) : t.m('slots.none'));
    // Rather than ask the caller to guess another day, look on from the next one.
    s.wish = { ...withoutWhen(w), fromDate: w.date ? addDays(w.date, 1) : (w.toDate ? addDays(w.toDate, 1) : null), earliest: w.date === null && w.toDate === null };
    // The day itself stays on offer as a waitlist (a cancellation may free it).
    await offerNearest(t, before, w.date);
    return;
  }
  if (isExact(w)) {
    const exact = slots.find((x) => localDate(x.start, t.tenant) === w.date && localClock(x.start, t.tenant) === w.time);
    if (exact && opts.allowExact !== false) {
      t.speak(...before);
      s.offered = [exact];
      await chooseSlot(t, exact);
      return;
    }
    // On a retry the caller already heard why; a second apology would be noise.
    if (!exact && opts.allowExact !== false) before.push(t.m('slots.exactTaken', { time: clockOf(t.lang, w.time), day: onDay(t.lang, w.date, t.tenant, t.now) }));
  }
  const offered = slots.slice(0, 3);
  const after = waitlistHint(t, w.date, offered.map((x) => localDate(x.start, t.tenant)));
  offer(t, offered, before, { question: opts.offerQuestion, after });
}

/**
 * The nearest times from the wish as it now stands; when even those are none, the ways out.
 * `fullDay`: the day the caller asked for had nothing, so they may wait for it on the waitlist.
 */
async function offerNearest(t: Turn, before: string[], fullDay: string | null = null): Promise<void> {
  const result = await search(t, t.state.wish);
  if (!result.ok && isSystemFailure(result)) {
    await troubleToMessage(t, result);
    return;
  }
  const slots = result.ok ? result.data.slots : [];
  if (slots.length === 0) {
    t.speak(...before, t.m('slots.noneSoon'));
    if (fullDay && offerWaitlist(t, fullDay)) return;
    offerHelp(t, '', ['message', 'person']);
    return;
  }
  const offered = slots.slice(0, 3);
  const after = waitlistHint(t, fullDay, offered.map((x) => localDate(x.start, t.tenant)));
  offer(t, offered, before, { after });
}

/**
 * Reads out up to three options and asks which. `question`: another way of asking (changing tack
 * after going round); `after`: a sentence said with the options, before the question (the waitlist).
 */
export function offer(t: Turn, options: OfferedSlot[], before: string[] = [], opts: { question?: 'pick.orMessage' | undefined; after?: string | null } = {}): void {
  t.state.offered = options;
  const sentence = optionsSentence(t, options) + (opts.after ? ` ${opts.after}` : '');
  const question = opts.question;
  t.speak(...before);
  if (question) {
    // Changing tack after going round: the options, and the way out in the same breath.
    t.ask('pick_slot', { id: question, params: { options: sentence } }, { id: 'pick.reprompt', params: { options: sentence } });
    return;
  }
  if (options.length === 1) t.ask('pick_slot', { id: 'pick.oneAsk', params: { options: sentence } }, { id: 'pick.oneReprompt', params: { options: sentence } });
  else t.ask('pick_slot', { id: 'pick.ask', params: { options: sentence } }, { id: 'pick.reprompt', params: { options: sentence } });
}

/** A move into a time that overlaps the appointment itself cannot be held (it would overlap its own booking). */
function overlapsTarget(t: Turn, slot: OfferedSlot): boolean {
  const target = t.state.target;
  if (t.state.flow !== 'reschedule' || !target || target.providerId !== slot.providerId) return false;
  const service = t.tenant.services.find((x) => x.id === target.serviceId);
  const blockedMs = ((service?.durationMinutes ?? 60) + (service?.bufferBeforeMinutes ?? 0) + (service?.bufferAfterMinutes ?? 0)) * 60_000;
  return Math.abs(slot.start - target.start) < blockedMs;
}

/** Holds the chosen slot so nobody else takes it while the caller decides, then reads it back. */
export async function chooseSlot(t: Turn, slot: OfferedSlot, retried = false): Promise<void> {
  const s = t.state;
  if (overlapsTarget(t, slot)) {
    // The appointment itself keeps the time: the move is checked and made in one commit.
    s.hold = { holdId: '', slot };
    readBackMove(t);
    return;
  }
  const release = takeStaleHold(t) ?? (s.hold?.holdId || null);
  const result = await t.run('hold_slot', { serviceId: slot.serviceId, providerId: slot.providerId, start: slot.start, ...(release ? { releaseHoldId: release } : {}) });
  if (!result.ok) {
    if (isSystemFailure(result)) {
      await troubleToMessage(t, result);
      return;
    }
    s.hold = null;
    s.offered = s.offered.filter((o) => o.start !== slot.start || o.providerId !== slot.providerId);
    if (result.code === 'conflict' && !retried) {
      // Someone else just took it: say so and offer what is free now (not the same exact time again).
      await checkAndOffer(t, { before: [t.failureWords(result)], allowExact: false });
      return;
    }
    s.wish = withoutWhen(s.wish);
    t.speak(t.failureWords(result));
    askWhen(t, 'when.askOther');
    return;
  }
  s.hold = { holdId: result.data.holdId, slot: { ...result.data.slot } };
  if (s.flow === 'reschedule') {
    readBackMove(t);
    return;
  }
  if (!t.knownName() && !s.nameSkipped) {
    askName(t, 'read_back');
    return;
  }
  readBack(t);
}

/** "Tuesday, November 24th at 3 PM with Maria Gomez, RDH for a teeth cleaning. Shall I book it?" */
export function readBack(t: Turn, ...before: string[]): void {
  const hold = t.state.hold;
  if (!hold) return;
  const service = serviceWithArticle(t, hold.slot.serviceId);
  const when = fullWhen(t.lang, hold.slot.start, t.tenant, t.now);
  t.speak(...before);
  t.ask(
    'confirm_slot',
    { id: 'readBack.book', params: { when: capitalize(when), provider: providerWords(t, hold.slot.providerId), service } },
    { id: 'readBack.bookReprompt', params: { service, when } },
  );
  t.state.pending = t.state.pending ? { ...t.state.pending, reprompt: `${t.state.pending.reprompt} ${t.m('yesNo.help')}` } : null;
}

/** "I'll move your teeth cleaning from … to …. Is that right?" */
export function readBackMove(t: Turn, ...before: string[]): void {
  const { hold, target } = t.state;
  if (!hold || !target) return;
  const service = serviceWords(t, target.serviceId);
  const to = fullWhen(t.lang, hold.slot.start, t.tenant, t.now);
  t.speak(...before);
  t.ask(
    'confirm_reschedule',
    { id: 'readBack.move', params: { service, from: fullWhen(t.lang, target.start, t.tenant, t.now), to, provider: providerWords(t, hold.slot.providerId) } },
    { id: 'readBack.moveReprompt', params: { service, when: to } },
  );
  t.state.pending = t.state.pending ? { ...t.state.pending, reprompt: `${t.state.pending.reprompt} ${t.m('yesNo.help')}` } : null;
}
