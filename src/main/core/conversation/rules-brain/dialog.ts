import type { Understanding } from '../understanding/types.js';
import { startLookup } from './appointment-flow.js';
import { goodbye } from './closing.js';
import { answerQuestion } from './info-answers.js';
import { emergency, onMessageReason, saveUnfinishedMessage, speakToPerson, startMessage } from './message-flow.js';
import { QUESTIONS } from './questions.js';
import { answerPrice, notOffered } from './service-answers.js';
import { misunderstood } from './recovery.js';
import { correctWish } from './slot-answers.js';
import { continueBooking, startBooking } from './slot-flow.js';
import type { Turn } from './turn.js';
import { changesWish, mergeWish } from './wish.js';

/** Questions whose answer is a name of someone or something else, not the caller's own name. */
const NAME_IS_THE_ANSWER = new Set(['name', 'confirm_name', 'lookup', 'message_reason']);

/**
 * One understood utterance. Order matters: a free-text message is taken as said; an emergency,
 * a request for a person and a goodbye win over any pending question (a goodbye first saves a
 * message the caller started); then the pending question gets its answer; whatever is left is
 * a new request, or not understood.
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
    // "No, that's it" to "should we call you back here?": the message is still left.
    await saveUnfinishedMessage(t);
    goodbye(t);
    return settle(t);
  }
  // "This is Ann, I'd like a cleaning": remember the name whatever the question was.
  if (u.name && !NAME_IS_THE_ANSWER.has(kind)) s.name = u.name;
  if (u.serviceId !== null) s.mentionedServiceId = u.serviceId;
  if (!(await QUESTIONS[kind].handle(t, u))) await route(t, u);
  settle(t);
}

function settle(t: Turn): void {
  if (t.understood) t.state.counters.misunderstood = 0;
}

/** Intents a question about the practice's services comes as: a request, a question, or nothing clearer. */
const ASKS_ABOUT_SERVICES = new Set<Understanding['intent']>(['unknown', 'faq', 'book', 'availability', 'greeting', 'correction', 'yes', 'no']);

const LOOKUP_FLOWS = { reschedule: 'reschedule', cancel: 'cancel', check_appointment: 'check' } as const;

/** A new request, or nothing we can use. */
async function route(t: Turn, u: Understanding): Promise<void> {
  const s = t.state;
  // "Do you do balayage?", "can I get a root canal": not a service here; say so and what is.
  if (u.askedService !== undefined && u.serviceId === null && ASKS_ABOUT_SERVICES.has(u.intent)) return notOffered(t, u);
  if (u.asksPrice && ASKS_ABOUT_SERVICES.has(u.intent)) return answerPrice(t, u);
  // A question asked in the same breath as a request ("hi, is there parking?") is answered first.
  if (u.questions && u.questions.length > 0 && u.intent !== 'book' && u.intent !== 'availability') return answerQuestion(t, { ...u, intent: u.questions[0]?.kind ?? 'faq' });
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
        t.reask('sure');
        return;
      }
      return startLookup(t, flow, u);
    }
    case 'hours':
    case 'location':
    case 'faq':
      return answerQuestion(t, u);
    case 'leave_message':
      // "Have Dr. Patel call me back about my x-rays": the request already says what it is about.
      return startMessage(t, { reason: u.about !== undefined ? t.text.trim() : null });
    case 'greeting':
      if (u.faqIndex !== null) return answerQuestion(t, { ...u, intent: 'faq' });
      // "Hello?" in the middle of a question: they are checking we are still here.
      t.reask('stillHere');
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
