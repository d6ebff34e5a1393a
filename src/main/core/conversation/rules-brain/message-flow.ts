import type { Understanding } from '../understanding/types.js';
import { anythingElse, goodbye } from './closing.js';
import { TROUBLE, type Failure, type Turn } from './turn.js';
import { firstName, spellPhone } from './words.js';

const CALLBACK_QUESTION = "Should we call you back at the number you're calling from?";
const NUMBER_QUESTION = "What's the best number to call you back on?";
const NUMBER_REPROMPT = 'What phone number should we call you back on? You can also type it on your keypad.';

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
  s.summary = opts.urgent ? 'emergency' : 'message for the desk';
  await nextMessageStep(t);
}

/** Asks for whatever the message still lacks (reason, name, callback number), then leaves it. */
export async function nextMessageStep(t: Turn): Promise<void> {
  const m = t.state.message;
  if (!m.reason) {
    t.ask('message_reason', 'Sure, I can take a message. What would you like me to tell the team?', 'What message would you like me to pass on to the team?');
    return;
  }
  if (!t.knownName() && !t.state.nameSkipped) {
    t.ask('name', 'Can I have your name, please?', 'Could you tell me your name, please?');
    return;
  }
  if (!m.callbackSettled) {
    if (t.callerPhone) t.ask('callback_confirm', CALLBACK_QUESTION, `${CALLBACK_QUESTION} Please say yes or no.`);
    else t.ask('callback_number', NUMBER_QUESTION, NUMBER_REPROMPT);
    return;
  }
  await sendMessage(t);
}

async function sendMessage(t: Turn): Promise<void> {
  const m = t.state.message;
  const name = t.knownName();
  const result = await t.run('take_message', { reason: (m.reason ?? 'Please call back').slice(0, 1000), callerName: name, callbackNumber: m.callback, urgent: m.urgent });
  if (!result.ok) {
    await messageFailed(t, result);
    return;
  }
  t.outcome = 'message';
  const thanks = name ? `Thank you, ${firstName(name)}.` : 'Thank you.';
  // Only promise a call back when there is a number to call.
  const callback = m.callback ?? t.callerPhone;
  if (m.urgent) {
    const lifeThreatening = ['US', 'CA'].includes(t.tenant.country) ? 'If this is a life-threatening emergency, please hang up and dial 911.' : '';
    anythingElse(t, thanks, callback ? "I've sent your message to the team as urgent, and they'll call you back as soon as possible." : "I've sent your message to the team as urgent.", lifeThreatening);
  } else {
    anythingElse(t, thanks, callback ? "I've passed your message on to the team, and someone will call you back." : "I've passed your message on to the team.");
  }
}

/** Not even a message could be left: a person is the last resort, else an honest goodbye. */
async function messageFailed(t: Turn, failure: Failure): Promise<void> {
  const transfer = await t.run('transfer_to_staff', { reason: 'could not take a message' });
  if (transfer.ok && transfer.data.number) {
    t.speak(failure.say, 'Let me put you through to the front desk instead.');
    transferTo(t, transfer.data.number);
    return;
  }
  t.speak(failure.say, "I'm sorry, I couldn't save your message just now. Please call us back a little later.");
  goodbye(t);
}

/**
 * Something broke behind the scenes. The caller hears why in plain words and leaves a message
 * about what they wanted, so the request is not lost.
 */
export async function troubleToMessage(t: Turn, failure?: Failure): Promise<void> {
  const failed = failure ?? { ok: false as const, code: 'internal' as const, say: TROUBLE };
  if (t.state.flow === 'message') {
    await messageFailed(t, failed);
    return;
  }
  const wanted = t.state.summary;
  t.speak(failed.say, 'Let me take a message so the team can get back to you.');
  await startMessage(t, { reason: wanted ? `Wanted to ${wanted}, but the system had trouble. Please call back.` : null });
}

export async function emergency(t: Turn, text: string): Promise<void> {
  t.state.emergency = true;
  t.state.summary = 'emergency';
  const result = await t.run('transfer_to_staff', { reason: `emergency: ${text}`.slice(0, 300) });
  if (result.ok && result.data.number) {
    t.speak('That sounds urgent. Let me get you to someone right away.');
    transferTo(t, result.data.number);
    return;
  }
  t.speak("That sounds urgent. I'll take an urgent message for the team.");
  await startMessage(t, { reason: text.trim() || 'Emergency', urgent: true });
}

export async function speakToPerson(t: Turn, reason = 'caller asked for a person'): Promise<void> {
  t.state.summary = 'speak to a person';
  const result = await t.run('transfer_to_staff', { reason });
  if (result.ok && result.data.number) {
    t.speak("Sure, I'll put you through to the front desk now. One moment, please.");
    transferTo(t, result.data.number);
    return;
  }
  t.speak(result.ok ? "I'm sorry, there's no one available to take your call right now." : result.say);
  t.ask('offer_message', 'I can take a message and have someone call you back. Would you like to leave a message?', 'Would you like to leave a message for the team? Please say yes or no.');
}

async function setCallback(t: Turn, phone: string): Promise<void> {
  if (t.lowConfidence) {
    t.clarified();
    t.ask('confirm_callback', `Just to check, is that ${spellPhone(phone)}?`, `Is ${spellPhone(phone)} the right number? Please say yes or no.`, { candidate: phone });
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
    t.state.summary = 'emergency';
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
  } else if (u.intent === 'no') t.ask('callback_number', 'No problem. What number should we call you back on?', NUMBER_REPROMPT);
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
  if (!pending || u.intent !== 'unknown') return false;
  pending.attempts += 1;
  t.clarified();
  if (pending.attempts >= 2) {
    // Better a message without a number than a caller stuck on this question.
    t.speak("Sorry, I didn't catch the number.");
    t.state.message.callback = t.callerPhone;
    t.state.message.callbackSettled = true;
    await nextMessageStep(t);
  } else {
    t.speak("Sorry, I didn't catch that number.", NUMBER_REPROMPT);
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
  } else if (u.intent === 'no') t.ask('callback_number', 'Sorry about that. What number should we call you back on?', NUMBER_REPROMPT);
  else return false;
  return true;
}

export async function onOfferMessage(t: Turn, u: Understanding): Promise<boolean> {
  if (u.intent === 'yes' || u.intent === 'leave_message') await startMessage(t);
  else if (u.intent === 'no') anythingElse(t, 'Okay.');
  else return false;
  return true;
}
