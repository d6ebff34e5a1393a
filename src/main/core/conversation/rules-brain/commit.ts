import { anythingElse } from './closing.js';
import { troubleToMessage } from './message-flow.js';
import { askWhen, checkAndOffer, continueBooking } from './slot-flow.js';
import { isSystemFailure, type Failure, type Turn } from './turn.js';
import { withoutWhen } from './wish.js';
import { firstName, serviceWords, tidySpoken } from './words.js';

/** The held time could not be confirmed: say why and find the caller another time. */
async function commitFailed(t: Turn, failure: Failure): Promise<void> {
  if (isSystemFailure(failure)) {
    await troubleToMessage(t, failure);
    return;
  }
  t.state.hold = null;
  if (failure.code === 'conflict' || failure.code === 'not_found') {
    // Taken by someone else, or the hold lapsed while we talked: what is free now?
    await checkAndOffer(t, { before: [failure.say], allowExact: false });
    return;
  }
  t.state.wish = withoutWhen(t.state.wish);
  t.speak(failure.say);
  askWhen(t, 'What other day would work for you?');
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
  const what = serviceWords(t.tenant, hold.slot.serviceId);
  const when = tidySpoken(hold.slot.spoken);
  s.hold = null;
  s.offered = [];
  t.outcome = 'booked';
  const thanks = name ? `Thank you, ${firstName(name)}.` : 'Thank you.';
  if (result.data.status === 'pending_review') {
    anythingElse(t, `I've pencilled you in for your ${what} on ${when}.`, 'The front desk will confirm by text shortly.');
  } else {
    anythingElse(t, `You're all set for your ${what} on ${when}.`, thanks);
  }
}

/** Moves the appointment to the held slot (the hold is released in the same commit). */
export async function commitReschedule(t: Turn): Promise<void> {
  const s = t.state;
  const { hold, target } = s;
  if (!hold || !target) {
    await continueBooking(t);
    return;
  }
  const result = await t.run('reschedule_appointment', { bookingId: target.bookingId, holdId: hold.holdId });
  if (!result.ok) {
    await commitFailed(t, result);
    return;
  }
  const what = serviceWords(t.tenant, target.serviceId);
  const when = tidySpoken(hold.slot.spoken);
  s.hold = null;
  s.target = null;
  s.offered = [];
  t.outcome = 'rescheduled';
  if (result.data.status === 'pending_review') {
    anythingElse(t, `I've pencilled in your ${what} for ${when} instead.`, 'The front desk will confirm by text shortly.');
  } else {
    anythingElse(t, `Done. Your ${what} is now on ${when}.`);
  }
}
