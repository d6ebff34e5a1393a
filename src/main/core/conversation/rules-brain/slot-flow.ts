import type { OfferedSlot } from '../actions/types.js';
import type { Understanding } from '../understanding/types.js';
import { troubleToMessage } from './message-flow.js';
import { optionsSentence } from './pick.js';
import { isSystemFailure, type Turn } from './turn.js';
import { availabilityWish, emptyWish, hasWhen, isExact, mergeWish, withoutWhen } from './wish.js';
import { offerWaitlist, waitlistHint } from './waitlist-flow.js';
import {
  capitalize,
  fullWhen,
  listWords,
  localClock,
  localDate,
  lowerFirst,
  onDay,
  plural,
  providerWords,
  serviceWords,
  tidySpoken,
  timeWords,
  withArticle,
} from './words.js';

const YES_NO_HELP = 'Please say yes or no, or press 1 for yes and 2 for no.';

/** Starts a booking from the utterance that asked for one ("a cleaning tomorrow morning"). */
export async function startBooking(t: Turn, u: Understanding): Promise<void> {
  const s = t.state;
  s.flow = 'book';
  s.wish = mergeWish(emptyWish(), u, t.tenant);
  s.offered = [];
  s.hold = null;
  s.target = null;
  s.counters.clarifications = 0;
  s.lowConfidence = t.lowConfidence;
  await continueBooking(t);
}

function setSummary(t: Turn): void {
  const s = t.state;
  if (s.flow === 'reschedule') s.summary = `reschedule ${s.target ? withArticle(serviceWords(t.tenant, s.target.serviceId)) : 'an appointment'}`;
  else if (s.flow === 'book') s.summary = s.wish.serviceId ? `book ${withArticle(serviceWords(t.tenant, s.wish.serviceId))}` : 'book an appointment';
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
    const others = service.providerIds.map((id) => providerWords(t.tenant, id));
    t.speak(`${providerWords(t.tenant, w.providerId)} doesn't do ${plural(lowerFirst(service.name))}, so I'll check with ${listWords(others)}.`);
    w.providerId = null;
  }
  if (!w.providerId && service.providerIds.length === 1) w.providerId = service.providerIds[0] ?? null;
  if (!hasWhen(w)) {
    askWhen(t, s.flow === 'reschedule' ? 'What day would you like to move it to?' : 'What day works best for you?');
    return;
  }
  await checkAndOffer(t);
}

export function askService(t: Turn, question = 'What would you like to come in for?'): void {
  const names = t.tenant.services.slice(0, 4).map((x) => withArticle(lowerFirst(x.name)));
  t.ask('service', `${question} For example, ${listWords(names)}.`, `What kind of appointment do you need? For example, ${listWords(names)}.`);
}

export function askWhen(t: Turn, question: string): void {
  t.ask('when', question, 'What day would you like to come in? You can say a day, like Tuesday, or ask for the earliest time.');
}

/**
 * Looks for slots matching the wish. An exact day and time that is free goes straight to the
 * hold and read-back; anything else is up to three options in one sentence.
 */
export async function checkAndOffer(t: Turn, opts: { before?: string[]; allowExact?: boolean } = {}): Promise<void> {
  const s = t.state;
  const w = s.wish;
  const before = [...(opts.before ?? [])];
  if (!w.serviceId) {
    await continueBooking(t, ...before);
    return;
  }
  const result = await t.run('check_availability', { serviceId: w.serviceId, providerId: w.providerId, wish: availabilityWish(w) });
  if (!result.ok) {
    if (isSystemFailure(result)) {
      await troubleToMessage(t, result);
      return;
    }
    s.wish = withoutWhen(w);
    t.speak(...before, result.say);
    askWhen(t, 'What other day would work for you?');
    return;
  }
  const slots = result.data.slots;
  if (slots.length === 0) {
    t.speak(...before, `I'm sorry, I don't have anything open ${w.date ? onDay(w.date, t.tenant, t.now) : 'for that'}.`);
    s.wish = withoutWhen(w);
    s.offered = [];
    if (w.date && offerWaitlist(t, w.date)) return;
    askWhen(t, 'What other day would work for you?');
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
    if (!exact && opts.allowExact !== false) before.push(`I'm sorry, ${timeWords(w.time)} ${onDay(w.date, t.tenant, t.now)} isn't available.`);
  }
  const offered = slots.slice(0, 3);
  const hint = waitlistHint(t, w.date, offered.map((x) => localDate(x.start, t.tenant)));
  offer(t, offered, before, hint);
}

export function offer(t: Turn, options: OfferedSlot[], before: string[] = [], after: string | null = null): void {
  t.state.offered = options;
  const sentence = optionsSentence(options, t.tenant, t.now) + (after ? ` ${after}` : '');
  t.speak(...before);
  if (options.length === 1) t.ask('pick_slot', `${sentence} Would that work?`, `${sentence} Would that time work for you?`);
  else t.ask('pick_slot', `${sentence} Which works best?`, `${sentence} Which would you like? You can say the first, the second or the third.`);
}

/** Holds the chosen slot so nobody else takes it while the caller decides, then reads it back. */
export async function chooseSlot(t: Turn, slot: OfferedSlot, retried = false): Promise<void> {
  const s = t.state;
  const result = await t.run('hold_slot', { serviceId: slot.serviceId, providerId: slot.providerId, start: slot.start });
  if (!result.ok) {
    if (isSystemFailure(result)) {
      await troubleToMessage(t, result);
      return;
    }
    s.offered = s.offered.filter((o) => o.start !== slot.start || o.providerId !== slot.providerId);
    if (result.code === 'conflict' && !retried) {
      // Someone else just took it: say so and offer what is free now (not the same exact time again).
      await checkAndOffer(t, { before: [result.say], allowExact: false });
      return;
    }
    s.wish = withoutWhen(s.wish);
    t.speak(result.say);
    askWhen(t, 'What other day would work for you?');
    return;
  }
  s.hold = { holdId: result.data.holdId, slot: result.data.slot };
  if (s.flow === 'reschedule') {
    readBackMove(t);
    return;
  }
  if (!t.knownName() && !s.nameSkipped) {
    t.ask('name', 'Great. Can I have your name for the appointment, please?', 'What name should I put the appointment under?');
    return;
  }
  readBack(t);
}

/** "Tuesday, November 24th at 3 PM with Dr. Emily Lee for a teeth cleaning. Shall I book it?" */
export function readBack(t: Turn, ...before: string[]): void {
  const hold = t.state.hold;
  if (!hold) return;
  const what = withArticle(serviceWords(t.tenant, hold.slot.serviceId));
  t.speak(...before);
  t.ask(
    'confirm_slot',
    `${capitalize(tidySpoken(hold.slot.spoken))} for ${what}. Shall I book it?`,
    `Shall I book ${what} on ${fullWhen(hold.slot.start, t.tenant, t.now)} for you? ${YES_NO_HELP}`,
  );
}

/** "I'll move your teeth cleaning from … to …. Is that right?" */
export function readBackMove(t: Turn, ...before: string[]): void {
  const { hold, target } = t.state;
  if (!hold || !target) return;
  const what = serviceWords(t.tenant, target.serviceId);
  t.speak(...before);
  t.ask(
    'confirm_reschedule',
    `I'll move your ${what} from ${fullWhen(target.start, t.tenant, t.now)} to ${tidySpoken(hold.slot.spoken)}. Is that right?`,
    `Shall I move your ${what} to ${fullWhen(hold.slot.start, t.tenant, t.now)}? ${YES_NO_HELP}`,
  );
}
