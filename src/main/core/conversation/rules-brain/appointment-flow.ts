import type { ActionResult, AppointmentSummary } from '../actions/types.js';
import { fullWhen, listWords, localDate, onDay, onWhen } from '../prompts/index.js';
import type { Understanding } from '../understanding/types.js';
import { anythingElse } from './closing.js';
import { troubleToMessage } from './message-flow.js';
import { answeredName } from './name-step.js';
import { resolvePick } from './pick.js';
import { offerHelp } from './recovery.js';
import { continueBooking } from './slot-flow.js';
import { askQuestion } from './questions.js';
import { isSystemFailure, type Turn } from './turn.js';
import { emptyWish, mergeWish, saysWhen } from './wish.js';
import { providerWords, serviceWords } from './words.js';

export type LookupFlow = 'cancel' | 'reschedule' | 'check';

const SUMMARY = { cancel: 'summary.cancel', reschedule: 'summary.rescheduleAny', check: 'summary.check' } as const;

/** "your teeth cleaning on Tuesday, November 24th at 3 PM with Maria Gomez, RDH". */
export function appointmentWords(t: Turn, a: AppointmentSummary): string {
  return t.m('appointment.one', { service: serviceWords(t, a.serviceId), when: fullWhen(t.lang, a.start, t.tenant, t.now), provider: providerWords(t, a.providerId) });
}

/**
 * The day the caller says their appointment is on. For a cancel or a check any day said is that
 * day; for a move, only a day said of the appointment ("my Thursday appointment", "from Thursday").
 */
function appointmentDateOf(flow: LookupFlow, u: Understanding): string | null {
  if (u.appointmentDate) return u.appointmentDate;
  return flow === 'reschedule' ? null : u.date;
}

/** Cancel, reschedule and check all start by finding the caller's appointments, by caller ID first. */
export async function startLookup(t: Turn, flow: LookupFlow, u: Understanding): Promise<void> {
  const s = t.state;
  s.flow = flow;
  s.summary = t.m(SUMMARY[flow]);
  s.appointments = [];
  s.target = null;
  s.hold = null;
  s.offered = [];
  s.lookups = 0;
  s.counters.clarifications = 0;
  s.lowConfidence = t.lowConfidence;
  s.appointmentDate = appointmentDateOf(flow, u);
  // "Move my appointment to Thursday": keep the new day for when the appointment is found.
  const newDay = u.date !== null && u.date === u.appointmentDate ? null : u.date;
  s.wish = flow === 'reschedule' ? mergeWish(emptyWish(), { ...u, serviceId: null, date: newDay }, t.tenant) : emptyWish();
  if (!t.callerPhone) {
    askQuestion(t, 'lookup');
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
  if (list.length === 0) {
    if (source === 'caller') askQuestion(t, 'lookup', { prompt: 'lookup.notByCaller' });
    else if (s.lookups < 2) askQuestion(t, 'lookup', { prompt: 'lookup.notFound' });
    else offerHelp(t, t.m('lookup.giveUp'), ['person', 'message']);
    return;
  }
  const asked = s.appointmentDate;
  const onAskedDay = asked ? list.filter((a) => localDate(a.start, t.tenant) === asked) : list;
  if (asked && onAskedDay.length === 0) {
    // Never act on another day's appointment without saying so: "not Thursday, but Tuesday".
    s.appointmentDate = null;
    dayMismatch(t, asked, list.slice(0, 3));
    return;
  }
  await chooseAmong(t, onAskedDay);
}

function dayMismatch(t: Turn, asked: string, list: AppointmentSummary[]): void {
  const s = t.state;
  s.appointments = list;
  const day = onDay(t.lang, asked, t.tenant, t.now);
  const [only] = list;
  if (list.length === 1 && only) {
    s.target = only;
    const appointment = appointmentWords(t, only);
    t.tell({ id: 'appointments.dayMismatch', params: { asked: day, appointment } });
    t.ask('confirm_appointment', 'appointments.isThatIt', { id: 'appointments.isThatItReprompt', params: { appointment } });
    return;
  }
  t.tell({ id: 'appointments.dayMismatch', params: { asked: day, appointment: listWords(t.lang, list.map((a) => appointmentWords(t, a)), 'and') } });
  askWhichAppointment(t);
}

async function chooseAmong(t: Turn, list: AppointmentSummary[]): Promise<void> {
  const s = t.state;
  s.appointments = list.slice(0, 3);
  const [first] = list;
  if (list.length === 1 && first) {
    s.target = first;
    await withTarget(t, true);
    return;
  }
  const spoken = listWords(t.lang, s.appointments.map((a) => appointmentWords(t, a)), 'and');
  if (s.flow === 'check') {
    t.outcome = 'answered';
    anythingElse(t, t.m('appointments.several', { count: list.length, list: spoken }));
    return;
  }
  t.tell({ id: 'appointments.several', params: { count: list.length, list: spoken } });
  askWhichAppointment(t);
}

function askWhichAppointment(t: Turn): void {
  t.ask('pick_appointment', t.state.flow === 'cancel' ? 'appointments.pickCancel' : 'appointments.pickMove', 'appointments.pickReprompt');
}

/** One appointment chosen: confirm the cancel, ask for the new time, or just read it out. */
async function withTarget(t: Turn, sayIt: boolean): Promise<void> {
  const s = t.state;
  const target = s.target;
  if (!target) return;
  const seen = sayIt ? t.m('appointments.seen', { appointment: appointmentWords(t, target) }) : '';
  if (s.flow === 'cancel') {
    t.speak(seen);
    const when = onWhen(t.lang, target.start, t.tenant, t.now);
    t.ask('confirm_cancel', 'cancel.ask', { id: 'cancel.reprompt', params: { service: serviceWords(t, target.serviceId), when } });
  } else if (s.flow === 'reschedule') {
    s.wish.serviceId = target.serviceId;
    // Callers usually want to keep their provider unless they name another.
    s.wish.providerId ??= target.providerId;
    await continueBooking(t, seen);
  } else {
    t.outcome = 'answered';
    anythingElse(t, seen, target.status === 'pending_review' ? t.m('appointments.waiting') : '');
  }
}

export async function onLookup(t: Turn, u: Understanding): Promise<boolean> {
  const phone = u.phone;
  // "It's under Ann Lee": the booking's name, without the words around it.
  const name = answeredName(u);
  if (!phone && !name) {
    if (u.intent === 'no') {
      // "Never mind."
      anythingElse(t, t.m('okay'));
      return true;
    }
    if (t.state.flow !== 'reschedule' || !saysWhen(u)) return false;
    // "Thursday afternoon" is the new time, said early: keep it for when the appointment is found.
    t.state.wish = mergeWish(t.state.wish, u, t.tenant);
    askQuestion(t, 'lookup', { prompt: 'lookup.whenFirst' });
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
    await withTarget(t, true);
  } else if (picked.kind === 'several') {
    t.clarified();
    s.appointments = picked.items;
    t.ask('pick_appointment', { id: 'appointments.which', params: { list: listWords(t.lang, picked.items.map((a) => appointmentWords(t, a))) } }, 'appointments.pickReprompt');
  } else if (u.intent === 'no') anythingElse(t, t.m('okay'));
  else return false;
  return true;
}

/** "Is that the one you mean?" after the day the caller said did not match. */
export async function onConfirmAppointment(t: Turn, u: Understanding): Promise<boolean> {
  const s = t.state;
  if (!s.target) return false;
  if (u.intent === 'yes' || (u.intent === s.flow && !saysWhen(u))) {
    await withTarget(t, false);
    return true;
  }
  if (u.intent === 'no') {
    s.target = null;
    anythingElse(t, t.m('okay'));
    return true;
  }
  if (s.flow === 'reschedule' && saysWhen(u)) {
    // "Yes, to Friday": the one found is right, and this is the new time.
    s.wish = mergeWish(s.wish, u, t.tenant);
    await withTarget(t, false);
    return true;
  }
  return false;
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
      t.tell('recheck.sure');
      t.speak(pending.reprompt);
      return true;
    }
    const result = await t.run('cancel_appointment', { bookingId: target.bookingId });
    if (!result.ok) {
      if (isSystemFailure(result)) await troubleToMessage(t, result);
      else anythingElse(t, t.failureWords(result));
      return true;
    }
    s.target = null;
    t.outcome = 'cancelled';
    anythingElse(t, t.m('cancel.done', { service: serviceWords(t, target.serviceId), when: onWhen(t.lang, target.start, t.tenant, t.now) }));
    return true;
  }
  if (u.intent === 'reschedule') {
    // "Actually, can I move it instead?"
    s.flow = 'reschedule';
    s.summary = t.m('summary.rescheduleAny');
    s.wish = mergeWish(emptyWish(), { ...u, serviceId: null }, t.tenant);
    await withTarget(t, true);
    return true;
  }
  if (u.intent === 'no') {
    s.target = null;
    anythingElse(t, t.m('cancel.kept'));
    return true;
  }
  return false;
}

