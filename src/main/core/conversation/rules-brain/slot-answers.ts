import type { OfferedSlot } from '../actions/types.js';
import type { Understanding } from '../understanding/types.js';
import { commitBooking, commitReschedule } from './commit.js';
import { resolvePick } from './pick.js';
import { askService, askWhen, chooseSlot, continueBooking, offer } from './slot-flow.js';
import { joinWaitlist, wantsWaitlist } from './waitlist-flow.js';
import type { Turn } from './turn.js';
import { changesWish, mergeWish, rejects, saysWhen, withoutWhen } from './wish.js';
import { listWords, localClock, localDate, shortWhen } from './words.js';

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
  if (u.serviceId !== null) {
    t.state.wish = mergeWish(t.state.wish, u, t.tenant);
    await continueBooking(t);
    return true;
  }
  if (saysWhen(u) || u.providerId !== null) {
    // They answered "when" before "what": keep it, and ask again for the service.
    t.state.wish = mergeWish(t.state.wish, u, t.tenant);
    t.clarified();
    askService(t, 'Got it. And what would you like to come in for?');
    return true;
  }
  return false;
}

export async function onWhen(t: Turn, u: Understanding): Promise<boolean> {
  if (!changesWish(u)) return false;
  t.state.wish = mergeWish(t.state.wish, u, t.tenant);
  await continueBooking(t);
  return true;
}

export async function onPickSlot(t: Turn, u: Understanding): Promise<boolean> {
  const s = t.state;
  if (s.waitlistDate && wantsWaitlist(t.text) && (await joinWaitlist(t))) return true;
  const picked = resolvePick(s.offered, u, t.tenant);
  if (picked.kind === 'one') {
    await chooseSlot(t, picked.item);
    return true;
  }
  if (picked.kind === 'several') {
    t.clarified();
    s.offered = picked.items;
    t.ask('pick_slot', `Which one: ${listWords(picked.items.map((x) => shortWhen(x.start, t.tenant, t.now)))}?`, `Which time would you like: ${listWords(picked.items.map((x) => shortWhen(x.start, t.tenant, t.now)))}?`);
    return true;
  }
  const [only] = s.offered;
  if (u.intent === 'yes' && only && s.offered.length === 1) {
    await chooseSlot(t, only);
    return true;
  }
  const left = remainingAfterRejection(t, u, s.offered);
  if (left && left.length < s.offered.length) {
    offer(t, left, ['No problem.']);
    return true;
  }
  if (changesWish(u)) {
    // Not one of the options: a new day, time or service to look for.
    s.wish = mergeWish(s.wish, u, t.tenant);
    await continueBooking(t);
    return true;
  }
  if (u.intent === 'yes') {
    t.clarified();
    t.ask('pick_slot', `Which one would you like: ${listWords(s.offered.map((x) => shortWhen(x.start, t.tenant, t.now)))}?`, `Which time would you like? You can say the first, the second or the third.`);
    return true;
  }
  if (u.intent === 'no') {
    s.wish = withoutWhen(s.wish);
    s.offered = [];
    askWhen(t, s.flow === 'reschedule' ? 'No problem. What other day would you like to move it to?' : 'No problem. What other day would work for you?');
    return true;
  }
  return false;
}

/**
 * "No, Thursday instead": change just that part of the wish and look again. A new time without
 * a day means the day of the slot being held. The old hold is superseded (holds expire).
 */
export async function correctWish(t: Turn, u: Understanding): Promise<void> {
  const s = t.state;
  const heldDate = s.hold ? localDate(s.hold.slot.start, t.tenant) : null;
  const base = heldDate && u.time !== null && u.date === null && s.wish.date === null ? { ...s.wish, date: heldDate, earliest: false, fromDate: null, toDate: null } : s.wish;
  s.wish = mergeWish(base, u, t.tenant);
  s.hold = null;
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
  const repeatsHeld = (u.date === null || u.date === held.date) && (u.time === null || u.time === held.time) && u.serviceId === null && u.providerId === null && u.partOfDay === null && !u.earliest && u.range === null && !rejects(u);
  // "Book it" / "move it" at the read-back is a yes in other words.
  const agrees = u.intent === 'yes' || (u.intent === 'book' && s.flow === 'book') || (u.intent === 'reschedule' && s.flow === 'reschedule');
  if (agrees && repeatsHeld) {
    if (t.lowConfidence && !pending.rechecked) {
      // Booking on a misheard "yes" is worse than asking once more.
      t.clarified();
      pending.rechecked = true;
      t.speak('Sorry, I want to be sure I heard you right.', pending.reprompt);
      return true;
    }
    if (s.flow === 'reschedule') await commitReschedule(t);
    else await commitBooking(t);
    return true;
  }
  const others = s.offered.filter((o) => o.start !== hold.slot.start || o.providerId !== hold.slot.providerId);
  const left = remainingAfterRejection(t, u, others);
  if (left) {
    s.hold = null;
    offer(t, left, ['No problem.']);
    return true;
  }
  if (changesWish(u) && !repeatsHeld) {
    await correctWish(t, u);
    return true;
  }
  if (u.intent === 'no') {
    s.hold = null;
    if (others.length > 0) {
      offer(t, others, ['No problem.']);
      return true;
    }
    s.wish = withoutWhen(s.wish);
    askWhen(t, s.flow === 'reschedule' ? 'No problem. When would you like to move it to instead?' : 'No problem. What day and time would work better?');
    return true;
  }
  return false;
}
