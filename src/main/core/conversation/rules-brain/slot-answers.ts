import type { OfferedSlot } from '../actions/types.js';
import { localClock, localDate } from '../prompts/index.js';
import type { Understanding } from '../understanding/types.js';
import { commitBooking, commitReschedule } from './commit.js';
import { resolvePick, whenList } from './pick.js';
import { askService, askWhen, chooseSlot, continueBooking, offer, supersedeHold } from './slot-flow.js';
import { generalService, soundsUnsure } from './general-service.js';
import { joinWaitlist, wantsWaitlist } from './waitlist-flow.js';
import { serviceWithArticle } from './words.js';
import type { Turn } from './turn.js';
import { changesWish, mergeWish, rejects, saysWhen, withoutWhen } from './wish.js';

// Answers to the booking questions. Each returns false when the utterance is not an answer, so
// the dialog can route it as a new request or count it as not understood.

/**
 * "Not Tuesday" / "3 doesn't work" with nothing new asked for: the options that are left, or
 * null when none are (then the wish changes and we search again).
 */
function remainingAfterRejection(t: Turn, u: Understanding, options: readonly OfferedSlot[]): OfferedSlot[] | null {
  const r = u.rejected;
  if (!r || !rejects(u) || saysWhen(u) || u.serviceId !== null || u.providerId !== null) return null;
  const left = options.filter(
    (o) =>
      !(r.date !== null && localDate(o.start, t.tenant) === r.date) &&
      !(r.time !== null && localClock(o.start, t.tenant) === r.time) &&
      !(r.providerId !== null && o.providerId === r.providerId),
  );
  return left.length > 0 ? left : null;
}

export async function onService(t: Turn, u: Understanding): Promise<boolean> {
  // A service not offered, or a price asked: the dialog answers, then asks again.
  if (u.askedService !== undefined || u.asksPrice) return false;
  if (u.serviceId !== null) {
    t.state.wish = mergeWish(t.state.wish, u, t.tenant);
    await continueBooking(t);
    return true;
  }
  const general = generalService(t.tenant);
  const askedAgain = t.state.pending?.promptId === 'service.askAfterWhen';
  // "I don't know", "it's my crown, it came off", or a second answer that is not a service:
  // start with the practice's general visit (read back before anything is booked).
  if (general !== null && (soundsUnsure(t.text) || (u.intent === 'book' && !saysWhen(u)) || askedAgain)) {
    t.state.wish = { ...mergeWish(t.state.wish, u, t.tenant), serviceId: general };
    t.tell({ id: 'service.startWithGeneral', params: { service: serviceWithArticle(t, general) } });
    await continueBooking(t);
    return true;
  }
  if (saysWhen(u) || u.providerId !== null) {
    // They answered "when" before "what": keep it, and ask again for the service.
    t.state.wish = mergeWish(t.state.wish, u, t.tenant);
    t.clarified();
    askService(t, 'service.askAfterWhen');
    return true;
  }
  return false;
}

/** "Are you open Friday?" names a day but asks a question: answered, then the booking goes on. */
function asksQuestion(u: Understanding): boolean {
  return u.intent === 'hours' || u.intent === 'location' || u.intent === 'faq' || u.asksPrice === true || u.askedService !== undefined;
}

/**
 * "The following Saturday, same time": a move keeps the appointment's clock time when the caller
 * says so and names no other.
 */
function keepSameTime(t: Turn, u: Understanding): void {
  const s = t.state;
  if (s.flow === 'reschedule' && s.target && u.time === null && u.sameTime === true) {
    s.wish = { ...s.wish, time: localClock(s.target.start, t.tenant), partOfDay: null, earliest: false };
  }
}

export async function onWhen(t: Turn, u: Understanding): Promise<boolean> {
  if (!changesWish(u) || asksQuestion(u)) return false;
  t.state.wish = mergeWish(t.state.wish, u, t.tenant);
  keepSameTime(t, u);
  await continueBooking(t);
  return true;
}

/**
 * "Do you have anything at 3 in the afternoon?" while choosing is a new request unless it names
 * exactly one of the options: a question about availability, a time on the other half of the
 * clock, or a part of the day with nothing offered in it all look again.
 */
function asksForSomethingElse(u: Understanding): boolean {
  return (u.intent === 'availability' || u.intent === 'book' || u.intent === 'correction') && changesWish(u);
}

export async function onPickSlot(t: Turn, u: Understanding): Promise<boolean> {
  const s = t.state;
  // "Put me on the waitlist" after the options and the offer to wait for the full day.
  if (s.waitlistDate && wantsWaitlist(t) && (await joinWaitlist(t))) return true;
  if (asksQuestion(u)) return false;
  const picked = resolvePick(s.offered, u, t.tenant);
  if (picked.kind === 'one' && (!asksForSomethingElse(u) || u.choice !== null || u.time !== null)) {
    await chooseSlot(t, picked.item);
    return true;
  }
  if (picked.kind === 'several' && !asksForSomethingElse(u)) {
    t.clarified();
    s.offered = picked.items;
    const whens = whenList(t, picked.items.map((x) => x.start));
    t.ask('pick_slot', { id: 'pick.which', params: { whens } }, { id: 'pick.whichReprompt', params: { whens } });
    return true;
  }
  const [only] = s.offered;
  if (u.intent === 'yes' && only && s.offered.length === 1 && !changesWish(u)) {
    await chooseSlot(t, only);
    return true;
  }
  const left = remainingAfterRejection(t, u, s.offered);
  if (left && left.length < s.offered.length) {
    offer(t, left, [t.m('noProblem')]);
    return true;
  }
  if (changesWish(u)) {
    // Not one of the options: a new day, time or service to look for.
    s.wish = mergeWish(s.wish, u, t.tenant);
    keepSameTime(t, u);
    await continueBooking(t);
    return true;
  }
  if (u.intent === 'yes') {
    t.clarified();
    t.ask('pick_slot', { id: 'pick.whichOne', params: { whens: whenList(t, s.offered.map((x) => x.start)) } }, 'pick.whichOneReprompt');
    return true;
  }
  if (u.intent === 'no') {
    s.wish = withoutWhen(s.wish);
    s.offered = [];
    t.tell('noProblem');
    askWhen(t, s.flow === 'reschedule' ? 'when.askOtherMove' : 'when.askOther');
    return true;
  }
  return false;
}

/**
 * "No, Thursday instead": change just that part of the wish and look again. A new time without
 * a day means the day of the slot being held. The old hold is released with the next search, so
 * the caller's own hold never makes a nearby time look taken.
 */
export async function correctWish(t: Turn, u: Understanding): Promise<void> {
  const s = t.state;
  const heldDate = s.hold ? localDate(s.hold.slot.start, t.tenant) : null;
  const base = heldDate && u.time !== null && u.date === null && s.wish.date === null ? { ...s.wish, date: heldDate, earliest: false, fromDate: null, toDate: null } : s.wish;
  s.wish = mergeWish(base, u, t.tenant);
  supersedeHold(t);
  await continueBooking(t);
}

/** The read-back of a booking (confirm_slot) or of a move (confirm_reschedule). */
export async function onConfirmSlot(t: Turn, u: Understanding): Promise<boolean> {
  const s = t.state;
  const pending = s.pending;
  const hold = s.hold;
  if (!hold || !pending) return false;
  // "yes, at 3" repeats the held time; only a different time or day is a correction.
  const held = { date: localDate(hold.slot.start, t.tenant), time: localClock(hold.slot.start, t.tenant) };
  const sameTime = u.time === null || u.time === held.time || (!u.timeHasMeridiem && Number(u.time.slice(0, 2)) % 12 === Number(held.time.slice(0, 2)) % 12 && u.time.slice(2) === held.time.slice(2));
  const repeatsHeld = (u.date === null || u.date === held.date) && sameTime && (u.serviceId === null || u.serviceId === hold.slot.serviceId) && (u.providerId === null || u.providerId === hold.slot.providerId) && u.partOfDay === null && !u.earliest && u.range === null && !rejects(u);
  // "Book it" / "move it" at the read-back is a yes in other words; so is asking again for the very time held.
  const agrees =
    u.intent === 'yes' || (u.intent === 'book' && s.flow === 'book') || (u.intent === 'reschedule' && s.flow === 'reschedule') || ((u.intent === 'availability' || u.intent === 'unknown') && u.time !== null && u.time === held.time);
  if (agrees && repeatsHeld) {
    if (t.lowConfidence && !pending.rechecked) {
      // Booking on a misheard "yes" is worse than asking once more.
      t.clarified();
      pending.rechecked = true;
      t.tell('recheck.sure');
      t.speak(pending.reprompt);
      return true;
    }
    if (s.flow === 'reschedule') await commitReschedule(t);
    else await commitBooking(t);
    return true;
  }
  const others = s.offered.filter((o) => o.start !== hold.slot.start || o.providerId !== hold.slot.providerId);
  const left = remainingAfterRejection(t, u, others);
  if (left) {
    supersedeHold(t);
    offer(t, left, [t.m('noProblem')]);
    return true;
  }
  if (changesWish(u) && !repeatsHeld) {
    await correctWish(t, u);
    return true;
  }
  if (u.intent === 'no') {
    supersedeHold(t);
    if (others.length > 0) {
      offer(t, others, [t.m('noProblem')]);
      return true;
    }
    s.wish = withoutWhen(s.wish);
    t.tell('noProblem');
    askWhen(t, s.flow === 'reschedule' ? 'when.askMoveInstead' : 'when.askBetter');
    return true;
  }
  return false;
}
