import { fullWhen } from '../prompts/index.js';
import { anythingElse } from './closing.js';
import { troubleToMessage } from './message-flow.js';
import { askWhen, checkAndOffer, continueBooking, readBack, readBackMove } from './slot-flow.js';
import { isSystemFailure, type Failure, type Turn } from './turn.js';
import { withoutWhen } from './wish.js';
import { firstName, providerWords, serviceWords } from './words.js';
import type { OfferedSlot } from '../actions/types.js';

/** The held time could not be confirmed: say why and find the caller another time. */
async function commitFailed(t: Turn, failure: Failure): Promise<void> {
  if (isSystemFailure(failure)) {
    await troubleToMessage(t, failure);
    return;
  }
  if (failure.code === 'not_confirmed' && t.state.hold) {
    // The consent guard did not hear this slot read back and agreed to: read it back again,
    // so the caller's next yes is to exactly this slot. The hold is kept meanwhile.
    if (t.state.flow === 'reschedule') readBackMove(t);
    else readBack(t);
    return;
  }
  t.state.hold = null;
  if (failure.code === 'conflict' || failure.code === 'not_found') {
    // Taken by someone else, or the hold lapsed while we talked: what is free now?
    await checkAndOffer(t, { before: [t.failureWords(failure)], allowExact: false });
    return;
  }
  t.state.wish = withoutWhen(t.state.wish);
  t.speak(t.failureWords(failure));
  askWhen(t, 'when.askOther');
}

/** "Tuesday, November 24th at 3 PM with Maria Gomez, RDH". */
export function slotWords(t: Turn, slot: OfferedSlot): string {
  return t.m('when.withProvider', { when: fullWhen(t.lang, slot.start, t.tenant, t.now), provider: providerWords(t, slot.providerId) });
}

/** Books the held slot, with the signals the review policy weighs. */
export async function commitBooking(t: Turn): Promise<void> {
  const s = t.state;
  const hold = s.hold;
  if (!hold) {
    await continueBooking(t);
    return;
  }
  const name = t.knownName();
  const result = await t.run('book_appointment', {
    holdId: hold.holdId,
    customerName: name,
    signals: { lowConfidence: s.lowConfidence, clarifications: s.counters.clarifications, emergency: s.emergency },
  });
  if (!result.ok) {
    await commitFailed(t, result);
    return;
  }
  const params = { service: serviceWords(t, hold.slot.serviceId), when: slotWords(t, hold.slot) };
  s.hold = null;
  s.offered = [];
  t.outcome = 'booked';
  const thanks = name ? t.m('thankYouName', { name: firstName(name) }) : t.m('thankYou');
  if (result.data.status === 'pending_review') anythingElse(t, t.m('booked.pending', params), t.m('booked.deskWillConfirm'));
  else anythingElse(t, t.m('booked.confirmed', params), thanks);
}

/** Moves the appointment to the held slot (the hold is released in the same commit). */
export async function commitReschedule(t: Turn): Promise<void> {
  const s = t.state;
  const { hold, target } = s;
  if (!hold || !target) {
    await continueBooking(t);
    return;
  }
  // Without a hold (a time overlapping the appointment itself) the move is checked in its own commit.
  const args = hold.holdId ? { bookingId: target.bookingId, holdId: hold.holdId } : { bookingId: target.bookingId, start: hold.slot.start, providerId: hold.slot.providerId };
  const result = await t.run('reschedule_appointment', args);
  if (!result.ok) {
    await commitFailed(t, result);
    return;
  }
  const params = { service: serviceWords(t, target.serviceId), when: slotWords(t, hold.slot) };
  s.hold = null;
  s.target = null;
  s.offered = [];
  t.outcome = 'rescheduled';
  if (result.data.status === 'pending_review') anythingElse(t, t.m('moved.pending', params), t.m('booked.deskWillConfirm'));
  else anythingElse(t, t.m('moved.confirmed', params));
}
