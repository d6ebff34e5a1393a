import type { Understanding } from '../understanding/types.js';
import { onConfirmCancel, onLookup, onPickAppointment, startLookup } from './appointment-flow.js';
import { goodbye } from './closing.js';
import { answerQuestion } from './info-answers.js';
import {
  emergency,
  onCallbackConfirm,
  onCallbackNumber,
  onConfirmCallback,
  onMessageReason,
  onOfferMessage,
  speakToPerson,
  startMessage,
} from './message-flow.js';
import { onConfirmName, onName } from './name-step.js';
import { misunderstood, onOfferHelp } from './recovery.js';
import type { PendingKind } from './rules-state.js';
import { correctWish, onConfirmSlot, onPickSlot, onService, onWhen } from './slot-answers.js';
import { continueBooking, startBooking } from './slot-flow.js';
import type { Turn } from './turn.js';
import { onOfferWaitlist } from './waitlist-flow.js';
import { changesWish, mergeWish } from './wish.js';
import { firstName } from './words.js';

type Handler = (t: Turn, u: Understanding) => Promise<boolean>;

async function onIntent(t: Turn, u: Understanding): Promise<boolean> {
  if (u.intent === 'greeting' && !changesWish(u)) {
    const name = t.knownName();
    t.ask('intent', `Hi${name ? ` ${firstName(name)}` : ''}! How can I help you today?`, 'How can I help you today? You can book, change or cancel an appointment, or ask a question.');
    return true;
  }
  if (u.intent === 'yes' && !changesWish(u)) {
    t.ask('intent', 'Sure. What can I help you with?', 'How can I help you today? You can book, change or cancel an appointment, or ask a question.');
    return true;
  }
  return false;
}

async function onAnythingElse(t: Turn, u: Understanding): Promise<boolean> {
  if (u.intent === 'no' && !changesWish(u)) {
    goodbye(t);
    return true;
  }
  return onIntent(t, u);
}

/** What each pending question does with an answer; false hands the utterance to the router. */
const ANSWERS: Record<PendingKind, Handler> = {
  intent: onIntent,
  anything_else: onAnythingElse,
  service: onService,
  when: onWhen,
  pick_slot: onPickSlot,
  confirm_slot: onConfirmSlot,
  confirm_reschedule: onConfirmSlot,
  name: onName,
  confirm_name: onConfirmName,
  lookup: onLookup,
  pick_appointment: onPickAppointment,
  confirm_cancel: onConfirmCancel,
  message_reason: onMessageReason,
  callback_confirm: onCallbackConfirm,
  callback_number: onCallbackNumber,
  confirm_callback: onConfirmCallback,
  offer_help: onOfferHelp,
  offer_message: onOfferMessage,
  offer_waitlist: onOfferWaitlist,
};

/** Questions whose answer is a name of someone or something else, not the caller's own name. */
const NAME_IS_THE_ANSWER: ReadonlySet<PendingKind> = new Set(['name', 'confirm_name', 'lookup', 'message_reason']);

/**
 * One understood utterance. Order matters: a free-text message is taken as said; an emergency,
 * a request for a person and a goodbye win over any pending question; then the pending question
 * gets its answer; whatever is left is a new request, or not understood.
 */
export async function onUnderstood(t: Turn, u: Understanding): Promise<void> {
  const s = t.state;
  s.counters.noInput = 0;
  if (t.lowConfidence && (s.flow === 'book' || s.flow === 'reschedule')) s.lowConfidence = true;
  const kind = t.pendingKind;
  const urgentMessage = s.flow === 'message' && s.message.urgent;
  if (kind === 'message_reason' && (await onMessageReason(t, u))) return settle(t);
  if ((u.intent === 'emergency' || u.emergencyKeyword !== null) && !urgentMessage) {
    await emergency(t, t.text);
    return settle(t);
  }
  if (u.intent === 'speak_to_person') {
    await speakToPerson(t);
    return settle(t);
  }
  if (u.intent === 'goodbye') {
    goodbye(t);
    return settle(t);
  }
  // "This is Ann, I'd like a cleaning": remember the name whatever the question was.
  if (u.name && !NAME_IS_THE_ANSWER.has(kind)) s.name = u.name;
  if (!(await ANSWERS[kind](t, u))) await route(t, u);
  settle(t);
}

function settle(t: Turn): void {
  if (t.understood) t.state.counters.misunderstood = 0;
}

const LOOKUP_FLOWS = { reschedule: 'reschedule', cancel: 'cancel', check_appointment: 'check' } as const;

/** A new request, or nothing we can use. */
async function route(t: Turn, u: Understanding): Promise<void> {
  const s = t.state;
  switch (u.intent) {
    case 'book':
    case 'availability':
      // Saying again what they want mid-booking keeps what we have so far.
      if (s.flow === 'book') {
        s.wish = mergeWish(s.wish, u, t.tenant);
        return continueBooking(t);
      }
      return startBooking(t, u);
    case 'reschedule':
    case 'cancel':
    case 'check_appointment': {
      const flow = LOOKUP_FLOWS[u.intent];
      if (s.flow === flow && s.pending) {
        t.reask('Sure.');
        return;
      }
      return startLookup(t, flow, u);
    }
    case 'hours':
    case 'location':
    case 'faq':
      return answerQuestion(t, u);
    case 'leave_message':
      return startMessage(t);
    case 'greeting':
      // "Hello?" in the middle of a question: they are checking we are still here.
      t.reask("Yes, I'm here.");
      return;
    default:
      if (u.faqIndex !== null) return answerQuestion(t, { ...u, intent: 'faq' });
      // "A cleaning, please" as the first thing said is a booking.
      if (changesWish(u) && (t.pendingKind === 'intent' || t.pendingKind === 'anything_else')) return startBooking(t, u);
      // "No, Wednesday instead" while we ask for their name: the booking changes, whatever we asked.
      if (changesWish(u) && (s.flow === 'book' || (s.flow === 'reschedule' && s.target))) return correctWish(t, u);
      return misunderstood(t);
  }
}
