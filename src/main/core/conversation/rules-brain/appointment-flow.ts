import type { ActionResult } from '../actions/types.js';
import type { Understanding } from '../understanding/types.js';
import { anythingElse } from './closing.js';
import { troubleToMessage } from './message-flow.js';
import { resolvePick } from './pick.js';
import { answeredName } from './name-step.js';
import { offerHelp } from './recovery.js';
import { continueBooking } from './slot-flow.js';
import { isSystemFailure, type Turn } from './turn.js';
import { emptyWish, mergeWish, saysWhen } from './wish.js';
import { listWords, onWhen, serviceWords, tidySpoken } from './words.js';

export type LookupFlow = 'cancel' | 'reschedule' | 'check';

const SUMMARY: Record<LookupFlow, string> = { cancel: 'cancel an appointment', reschedule: 'reschedule an appointment', check: 'check an appointment' };
const VERB: Record<LookupFlow, string> = { cancel: 'cancel', reschedule: 'move', check: 'hear about' };
const LOOKUP_REPROMPT = 'What name or phone number was the appointment booked under?';

/** Cancel, reschedule and check all start by finding the caller's appointments, by caller ID first. */
export async function startLookup(t: Turn, flow: LookupFlow, u: Understanding): Promise<void> {
  const s = t.state;
  s.flow = flow;
  s.summary = SUMMARY[flow];
  s.appointments = [];
  s.target = null;
  s.hold = null;
  s.offered = [];
  s.lookups = 0;
  s.counters.clarifications = 0;
  s.lowConfidence = t.lowConfidence;
  // "Move my appointment to Thursday": keep the new day for when the appointment is found.
  s.wish = flow === 'reschedule' ? mergeWish(emptyWish(), { ...u, serviceId: null }, t.tenant) : emptyWish();
  if (!t.callerPhone) {
    t.ask('lookup', 'Sure. What name or phone number is the appointment under?', LOOKUP_REPROMPT);
    return;
  }
  await found(t, await t.run('find_appointments', { phone: t.callerPhone }), 'caller');
}

async function found(t: Turn, result: ActionResult<'find_appointments'>, source: 'caller' | 'lookup'): Promise<void> {
  const s = t.state;
  if (!result.ok && isSystemFailure(result)) {
    await troubleToMessage(t, result);
    return;
  }
  const list = result.ok ? result.data.appointments : [];
  const [first] = list;
  if (!first) {
    if (source === 'caller') {
      t.ask('lookup', "I couldn't find an appointment under the number you're calling from. What name or phone number was it booked under?", LOOKUP_REPROMPT);
    } else if (s.lookups < 2) {
      t.ask('lookup', "I couldn't find an appointment under that. Could you try another name or phone number?", LOOKUP_REPROMPT);
    } else {
      offerHelp(t, "I'm sorry, I still can't find it.", ['person', 'message']);
    }
    return;
  }
  s.appointments = list.slice(0, 3);
  if (list.length === 1) {
    s.target = first;
    await withTarget(t);
    return;
  }
  const spoken = s.appointments.map((a) => tidySpoken(a.spoken));
  const flow = s.flow as LookupFlow;
  if (flow === 'check') {
    t.outcome = 'answered';
    anythingElse(t, `I see ${list.length} appointments: ${listWords(spoken, 'and')}.`);
    return;
  }
  t.ask('pick_appointment', `I see ${list.length} appointments: ${listWords(spoken, 'and')}. Which one would you like to ${VERB[flow]}?`, `Which appointment would you like to ${VERB[flow]}? You can say the first or the second, or the day.`);
}

/** One appointment chosen: confirm the cancel, ask for the new time, or just read it out. */
async function withTarget(t: Turn): Promise<void> {
  const s = t.state;
  const target = s.target;
  if (!target) return;
  const seen = `I see ${tidySpoken(target.spoken)}.`;
  if (s.flow === 'cancel') {
    t.ask('confirm_cancel', `${seen} Do you want to cancel it?`, `Shall I cancel your ${serviceWords(t.tenant, target.serviceId)} ${onWhen(target.start, t.tenant, t.now)}? Please say yes or no, or press 1 for yes and 2 for no.`);
  } else if (s.flow === 'reschedule') {
    s.wish.serviceId = target.serviceId;
    // Callers usually want to keep their provider unless they name another.
    s.wish.providerId ??= target.providerId;
    await continueBooking(t, seen);
  } else {
    t.outcome = 'answered';
    const waiting = target.status === 'pending_review' ? "It's waiting for the front desk to confirm it." : '';
    anythingElse(t, seen, waiting);
  }
}

export async function onLookup(t: Turn, u: Understanding): Promise<boolean> {
  const phone = u.phone;
  // "It's under Ann Lee": the booking's name, without the words around it.
  const name = answeredName(t, u)?.replace(/^under\s+/i, '') ?? null;
  if (!phone && !name) {
    if (u.intent === 'no') {
      // "Never mind."
      anythingElse(t, 'Okay.');
      return true;
    }
    if (t.state.flow !== 'reschedule' || !saysWhen(u)) return false;
    // "Thursday afternoon" is the new time, said early: keep it for when the appointment is found.
    t.state.wish = mergeWish(t.state.wish, u, t.tenant);
    t.ask('lookup', 'Got it. And what name or phone number was the appointment booked under?', LOOKUP_REPROMPT);
    return true;
  }
  t.state.lookups += 1;
  await found(t, await t.run('find_appointments', phone ? { phone } : { name }), 'lookup');
  return true;
}

export async function onPickAppointment(t: Turn, u: Understanding): Promise<boolean> {
  const s = t.state;
  const picked = resolvePick(s.appointments, u, t.tenant);
  if (picked.kind === 'one') {
    s.target = picked.item;
    await withTarget(t);
  } else if (picked.kind === 'several') {
    t.clarified();
    s.appointments = picked.items;
    t.ask('pick_appointment', `Which one: ${listWords(picked.items.map((a) => tidySpoken(a.spoken)))}?`, 'Which appointment do you mean? You can say the first or the second.');
  } else if (u.intent === 'no') anythingElse(t, 'Okay.');
  else return false;
  return true;
}

export async function onConfirmCancel(t: Turn, u: Understanding): Promise<boolean> {
  const s = t.state;
  const target = s.target;
  const pending = s.pending;
  if (!target || !pending) return false;
  if (u.intent === 'yes' || u.intent === 'cancel') {
    if (t.lowConfidence && !pending.rechecked) {
      t.clarified();
      pending.rechecked = true;
      t.speak('Sorry, I want to be sure I heard you right.', pending.reprompt);
      return true;
    }
    const result = await t.run('cancel_appointment', { bookingId: target.bookingId });
    if (!result.ok) {
      if (isSystemFailure(result)) await troubleToMessage(t, result);
      else anythingElse(t, result.say);
      return true;
    }
    s.target = null;
    t.outcome = 'cancelled';
    anythingElse(t, `Done. Your ${serviceWords(t.tenant, target.serviceId)} ${onWhen(target.start, t.tenant, t.now)} is cancelled.`);
    return true;
  }
  if (u.intent === 'reschedule') {
    // "Actually, can I move it instead?"
    s.flow = 'reschedule';
    s.summary = SUMMARY.reschedule;
    s.wish = mergeWish(emptyWish(), { ...u, serviceId: null }, t.tenant);
    await withTarget(t);
    return true;
  }
  if (u.intent === 'no') {
    s.target = null;
    anythingElse(t, "Okay, I'll leave it as it is.");
    return true;
  }
  return false;
}
