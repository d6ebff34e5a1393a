import type { FaqMatch } from './faq-match.js';
import { ASKS_FOR_SERVICE, CORRECTION_CUE, INTENT_RULES, LEADING_NO, MOVE_CUE, NEGATED_CANCEL, QUESTION_CUE, STRONG, WANTS, WANTS_STRONGLY, WEAK } from './intent-patterns.js';
import type { PatternIntent } from './intent-patterns.js';
import type { Intent } from './types.js';

/**
 * Which intent wins when several match, thinking like a receptionist:
 *
 * 1. An emergency beats everything ("no, but my gums are bleeding").
 * 2. Otherwise a strong match (0.85+) beats a weak one, and among equals the higher in this list:
 *    leave_message ("have someone call me back" names "someone" too) > speak_to_person >
 *    reschedule ("cancel and rebook" is a move) > cancel ("no, cancel it" is a cancel, not a no) >
 *    check_appointment > correction > hours > location > faq (a direct question is answered
 *    before the task: "are you open Saturday? I'd like to come in") > book > availability
 *    ("I'd like to book, anything Thursday?" is a booking) > goodbye ("no, that's all") > no >
 *    yes ("yes, I need to cancel" is a cancel) > greeting ("hi, I'd like to book" is a booking).
 * 3. A correction needs a new entity and a cue: "actually", "instead", "I said", "make it", a
 *    leading "no"/"not", or a ruled-out value next to a new one ("not Tuesday, Wednesday"). It
 *    beats yes/no/book/availability but not a cancel, move or check.
 * 4. FAQ: a keyword plus a question cue, or a keyword plus the question's own words, is 0.9; a
 *    keyword with a question cue alone is 0.75, a lone keyword 0.6, so "book for my son" stays a
 *    booking while "do you see kids" is the FAQ.
 * 5. "I can't make it tomorrow" is a weak cancel; with a new time or "instead" it is a move.
 * 6. When two strong task intents disagree ("I'd like to book; are you open Saturday?") the
 *    winner's confidence drops to 0.75. Nothing matched: `unknown`, 0.3 if entities were heard
 *    (the dialog uses them in context), else 0.1.
 */

export interface IntentSignals {
  text: string;
  question: boolean;
  emergency: boolean;
  faq: FaqMatch | null;
  serviceFound: boolean;
  providerFound: boolean;
  earliest: boolean;
  /** Any entity that was heard and not ruled out. */
  hasEntity: boolean;
  /** A date/time/range/part of day heard and not ruled out. */
  hasWhen: boolean;
  /** A value ruled out next to a new one of the same kind ("not Tuesday, Wednesday"). */
  replacedValue: boolean;
}

export interface IntentResult {
  intent: Intent;
  confidence: number;
  /** The FAQ match was strong enough to report its index even when another intent won. */
  faqStrong: boolean;
}

const RANK: Record<Intent, number> = {
  emergency: 100,
  leave_message: 90,
  speak_to_person: 85,
  reschedule: 80,
  cancel: 75,
  check_appointment: 70,
  correction: 65,
  hours: 60,
  location: 59,
  faq: 58,
  book: 50,
  availability: 45,
  goodbye: 30,
  no: 25,
  yes: 20,
  greeting: 10,
  unknown: 0,
};

const TASKS = new Set<Intent>(['leave_message', 'speak_to_person', 'reschedule', 'cancel', 'check_appointment', 'hours', 'location', 'faq', 'book', 'availability']);
/** Strong pairs that agree rather than conflict. */
const COMPATIBLE = new Set(
  [
    ['book', 'availability'],
    ['location', 'faq'],
    ['hours', 'faq'],
    ['reschedule', 'cancel'],
    ['reschedule', 'book'],
    ['cancel', 'check_appointment'],
    ['reschedule', 'check_appointment'],
    ['book', 'faq'],
    ['leave_message', 'speak_to_person'],
    ['availability', 'hours'],
  ].map((pair) => pair.sort().join('+')),
);

const PATTERN_INTENTS = Object.keys(INTENT_RULES) as PatternIntent[];

function tier(confidence: number): number {
  return confidence >= 0.85 ? 2 : confidence >= 0.55 ? 1 : 0;
}

function faqConfidence(faq: FaqMatch | null, question: boolean, text: string): number {
  if (faq === null) return 0;
  const cue = question || QUESTION_CUE.test(text);
  if (faq.keywordHits >= 2 || (faq.keywordHits >= 1 && faq.overlap >= 0.5) || (faq.keywordHits >= 1 && cue && faq.overlap > 0)) return STRONG;
  if (faq.keywordHits >= 1) return cue ? 0.75 : WEAK;
  return cue ? 0.75 : WEAK;
}

export function classify(s: IntentSignals): IntentResult {
  const { text } = s;
  const found = new Map<Intent, number>();
  const note = (intent: Intent, confidence: number) => {
    if (confidence > (found.get(intent) ?? 0)) found.set(intent, confidence);
  };

  if (s.emergency) return { intent: 'emergency', confidence: STRONG, faqStrong: false };

  for (const intent of PATTERN_INTENTS) {
    for (const [pattern, confidence] of INTENT_RULES[intent]) {
      if (pattern.test(text)) note(intent, confidence);
    }
  }

  if (found.has('cancel') && NEGATED_CANCEL.test(text)) {
    // "I don't want to cancel": a no to cancelling, not a cancel.
    found.delete('cancel');
    note('no', WEAK);
  }
  const cancel = found.get('cancel');
  if (cancel !== undefined && cancel < 0.85 && (s.hasWhen || MOVE_CUE.test(text))) {
    found.delete('cancel');
    note('reschedule', s.hasWhen && MOVE_CUE.test(text) ? STRONG : 0.75);
  }
  if (s.serviceFound && WANTS.test(text)) note('book', STRONG);
  else if ((s.providerFound || s.earliest) && WANTS_STRONGLY.test(text)) note('book', STRONG);
  else if (s.hasWhen && WANTS_STRONGLY.test(text)) note('book', WEAK);
  if (s.serviceFound && ASKS_FOR_SERVICE.test(text)) note('book', WEAK);
  if (found.has('check_appointment') && found.has('book') && /\bmy (?:next |upcoming )?appointment\b/.test(text) && (found.get('book') ?? 0) < 0.85) found.delete('book');

  const faq = faqConfidence(s.faq, s.question, text);
  if (faq > 0) note('faq', faq);

  if (s.hasEntity) {
    if (CORRECTION_CUE.test(text) || s.replacedValue) note('correction', STRONG);
    else if (LEADING_NO.test(text)) note('correction', 0.85);
  }
  // "hey there, my tooth hurts": a greeting opens a call; whatever else was said is the call's point.
  if (found.size > 1) found.delete('greeting');
  // A goodbye's "no" ("no, that's all") and a "no" answered with a goodbye are one thing.
  if (found.has('goodbye') && (found.get('goodbye') ?? 0) >= 0.85) found.delete('no');

  // A question that only the FAQ answers ("do you take Delta Dental?") is the FAQ for sure.
  if (found.get('faq') === 0.75 && ![...found].some(([intent, c]) => intent !== 'faq' && c >= 0.85)) found.set('faq', STRONG);

  let best: Intent = 'unknown';
  let bestConfidence = 0;
  for (const [intent, confidence] of found) {
    const better = tier(confidence) > tier(bestConfidence) || (tier(confidence) === tier(bestConfidence) && RANK[intent] > RANK[best]);
    if (better) {
      best = intent;
      bestConfidence = confidence;
    }
  }
  // The FAQ's index goes along when it is sure, or when it answers the same question as an
  // info intent ("what's your address" is `location`, and the FAQ may say more: parking).
  const faqFound = found.get('faq') ?? 0;
  const faqStrong = faqFound >= 0.85 || (faqFound >= 0.75 && (best === 'location' || best === 'hours'));
  if (best === 'unknown') return { intent: 'unknown', confidence: s.hasEntity ? 0.3 : text === '' ? 0 : 0.1, faqStrong };

  if (TASKS.has(best) && bestConfidence >= 0.85) {
    for (const [intent, confidence] of found) {
      if (intent === best || !TASKS.has(intent) || confidence < 0.85) continue;
      const pair = [best, intent].sort().join('+');
      if (!COMPATIBLE.has(pair)) {
        bestConfidence = 0.75;
        break;
      }
    }
  }
  return { intent: best, confidence: bestConfidence, faqStrong };
}
