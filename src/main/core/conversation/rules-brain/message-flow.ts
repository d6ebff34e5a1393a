import type { Understanding } from '../understanding/types.js';
import { anythingElse, goodbye } from './closing.js';
import { askName } from './name-step.js';
import { askQuestion } from './questions.js';
import type { Failure, Turn } from './turn.js';
import { firstName, spellPhone } from './words.js';

/** Hands the call to a person. The turn ends with the transfer. */
export function transferTo(t: Turn, number: string): void {
  t.next = 'transfer';
  t.transferTo = number;
  t.outcome = 'transferred';
  t.state.pending = null;
}

export async function startMessage(t: Turn, opts: { reason?: string | null; urgent?: boolean } = {}): Promise<void> {
  const s = t.state;
  s.flow = 'message';
  s.message = { reason: opts.reason ?? null, urgent: opts.urgent ?? false, callback: null, callbackSettled: false };
  s.summary = t.m(opts.urgent ? 'summary.emergency' : 'summary.message');
  await nextMessageStep(t);
}

/** Asks for whatever the message still lacks (reason, name, callback number), then leaves it. */
export async function nextMessageStep(t: Turn): Promise<void> {
  const m = t.state.message;
  if (!m.reason) {
    askQuestion(t, 'message_reason');
    return;
  }
  if (!t.knownName() && !t.state.nameSkipped) {
    askName(t, 'message', 'name.askMessage');
    return;
  }
  if (!m.callbackSettled) {
    askQuestion(t, t.callerPhone ? 'callback_confirm' : 'callback_number');
    return;
  }
  await sendMessage(t);
}

/**
 * A message the caller started is never lost: when they say goodbye before every question was
 * answered, it is saved with what is known (the number they call from stands in for a callback).
 * Returns false when there is nothing to save.
 */
export async function saveUnfinishedMessage(t: Turn): Promise<boolean> {
  const m = t.state.message;
  if (t.state.flow !== 'message' || !m.reason) return false;
  if (!m.callbackSettled) {
    m.callback = t.state.pending?.candidate ?? t.callerPhone;
    m.callbackSettled = true;
  }
  const result = await t.run('take_message', { reason: m.reason.slice(0, 1000), callerName: t.knownName(), callbackNumber: m.callback, urgent: m.urgent });
  if (!result.ok) return false;
  t.outcome = 'message';
  t.state.flow = 'idle';
  t.tell('message.sentNoNumber');
  return true;
}

async function sendMessage(t: Turn): Promise<void> {
  const m = t.state.message;
  const name = t.knownName();
  const result = await t.run('take_message', { reason: (m.reason ?? t.m('message.defaultReason')).slice(0, 1000), callerName: name, callbackNumber: m.callback, urgent: m.urgent });
  if (!result.ok) {
    await messageFailed(t, result);
    return;
  }
  t.outcome = 'message';
  const thanks = name ? t.m('thankYouName', { name: firstName(name) }) : t.m('thankYou');
  // Only promise a call back when there is a number to call.
  const callback = m.callback ?? t.callerPhone;
  if (m.urgent) {
    const lifeThreatening = ['US', 'CA', 'MX'].includes(t.tenant.country) ? t.m('message.dial911') : '';
    anythingElse(t, thanks, t.m(callback ? 'message.sentUrgent' : 'message.sentUrgentNoNumber'), lifeThreatening);
  } else {
    anythingElse(t, thanks, t.m(callback ? 'message.sent' : 'message.sentNoNumber'));
  }
}

/** Not even a message could be left: a person is the last resort, else an honest goodbye. */
async function messageFailed(t: Turn, failure: Failure): Promise<void> {
  const transfer = await t.run('transfer_to_staff', { reason: 'could not take a message' });
  if (transfer.ok && transfer.data.number) {
    t.speak(t.failureWords(failure), t.m('message.failedTransfer'));
    transferTo(t, transfer.data.number);
    return;
  }
  t.speak(t.failureWords(failure), t.m('message.failed'));
  goodbye(t);
}

/**
 * Something broke behind the scenes. The caller hears why in plain words and leaves a message
 * about what they wanted, so the request is not lost.
 */
export async function troubleToMessage(t: Turn, failure?: Failure): Promise<void> {
  const failed = failure ?? { ok: false as const, code: 'internal' as const, say: t.m('trouble') };
  if (t.state.flow === 'message') {
    await messageFailed(t, failed);
    return;
  }
  const wanted = t.state.summary;
  t.speak(t.failureWords(failed), t.m('trouble.takeMessage'));
  await startMessage(t, { reason: wanted ? t.m('trouble.wanted', { what: wanted }) : null });
}

export async function emergency(t: Turn, text: string): Promise<void> {
  t.state.emergency = true;
  t.state.summary = t.m('summary.emergency');
  const result = await t.run('transfer_to_staff', { reason: `emergency: ${text}`.slice(0, 300) });
  if (result.ok && result.data.number) {
    t.tell('emergency.transfer');
    transferTo(t, result.data.number);
    return;
  }
  t.tell('emergency.message');
  await startMessage(t, { reason: text.trim() || t.m('emergency.reason'), urgent: true });
}

export async function speakToPerson(t: Turn, reason = 'caller asked for a person'): Promise<void> {
  t.state.summary = t.m('summary.person');
  const result = await t.run('transfer_to_staff', { reason });
  if (result.ok && result.data.number) {
    t.tell('person.transfer');
    transferTo(t, result.data.number);
    return;
  }
  t.speak(result.ok ? t.m('person.nobody') : t.failureWords(result));
  t.ask('offer_message', 'person.offerMessage', 'help.messageOnly.reprompt');
}

async function setCallback(t: Turn, phone: string): Promise<void> {
  if (t.lowConfidence) {
    t.clarified();
    const number = spellPhone(phone);
    askQuestion(t, 'confirm_callback', { params: { number }, extra: { candidate: phone } });
    return;
  }
  t.state.message.callback = phone;
  t.state.message.callbackSettled = true;
  await nextMessageStep(t);
}

// Pending-question handlers: each returns false when the utterance is not an answer to it.

export async function onMessageReason(t: Turn, u: Understanding): Promise<boolean> {
  const text = t.input.utterance.kind === 'speech' ? t.text.trim() : '';
  if (!text) return false;
  t.state.message.reason = text.slice(0, 1000);
  if (u.intent === 'emergency' || u.emergencyKeyword) {
    t.state.message.urgent = true;
    t.state.emergency = true;
    t.state.summary = t.m('summary.emergency');
  }
  await nextMessageStep(t);
  return true;
}

export async function onCallbackConfirm(t: Turn, u: Understanding): Promise<boolean> {
  if (u.phone) await setCallback(t, u.phone);
  else if (u.intent === 'yes') {
    t.state.message.callback = t.callerPhone;
    t.state.message.callbackSettled = true;
    await nextMessageStep(t);
  } else if (u.intent === 'no') askQuestion(t, 'callback_number', { prompt: 'callback.askAfterNo' });
  else return false;
  return true;
}

export async function onCallbackNumber(t: Turn, u: Understanding): Promise<boolean> {
  if (u.phone) {
    await setCallback(t, u.phone);
    return true;
  }
  const pending = t.state.pending;
  // Another request ("actually, cancel my appointment") is for the dialog to route.
  if (!pending || (u.intent !== 'unknown' && u.intent !== 'no')) return false;
  pending.attempts += 1;
  t.clarified();
  if (pending.attempts >= 2 || u.intent === 'no') {
    // Better a message without a number than a caller stuck on this question.
    if (u.intent !== 'no') t.tell('callback.giveUp');
    t.state.message.callback = t.callerPhone;
    t.state.message.callbackSettled = true;
    await nextMessageStep(t);
  } else {
    t.tell('callback.missed');
    t.speak(pending.reprompt);
  }
  return true;
}

export async function onConfirmCallback(t: Turn, u: Understanding): Promise<boolean> {
  const candidate = t.state.pending?.candidate ?? null;
  if (u.intent === 'yes' && candidate) {
    t.state.message.callback = candidate;
    t.state.message.callbackSettled = true;
    await nextMessageStep(t);
  } else if (u.phone) {
    t.state.message.callback = u.phone;
    t.state.message.callbackSettled = true;
    await nextMessageStep(t);
  } else if (u.intent === 'no') askQuestion(t, 'callback_number', { prompt: 'callback.askAfterWrong' });
  else return false;
  return true;
}

export async function onOfferMessage(t: Turn, u: Understanding): Promise<boolean> {
  if (u.intent === 'yes' || u.intent === 'leave_message') await startMessage(t);
  else if (u.intent === 'no') anythingElse(t, t.m('okay'));
  else return false;
  return true;
}
