import { matchFaq } from './faq-match.js';
import { INTENT_RULES } from './intent-patterns.js';
import type { FaqVocabulary } from './tenant-vocabulary.js';
import { tokenize } from './tokens.js';
import type { AskedQuestion } from './types.js';

/** Where one question ends and the next begins: "…located? is there parking", "…hours and do you take insurance". */
const QUESTION_BREAK = /[?.!;]+|,?\s\b(?:and|also|plus|oh and)\s(?=(?:is|are|do|does|can|could|what|where|how|when|which|will)\b)/;

function asks(clause: string, intent: 'hours' | 'location'): boolean {
  return INTENT_RULES[intent].some(([re, confidence]) => confidence >= 0.85 && re.test(clause));
}

/**
 * Every hours, location or FAQ question in an utterance, one per clause, in the order asked and
 * without repeats: "where are you located? is there parking?" → location (FAQ "where…"), parking.
 * A clause matching a practice FAQ entry is that entry, so the practice's own answer is given.
 */
export function askedQuestions(text: string, faq: readonly FaqVocabulary[]): AskedQuestion[] {
  const out: AskedQuestion[] = [];
  const seen = new Set<string>();
  for (const clause of text.split(QUESTION_BREAK).map((c) => c.trim()).filter(Boolean)) {
    const match = matchFaq(faq, tokenize(clause));
    const strongFaq = match !== null && (match.keywordHits > 0 || match.overlap >= 0.75);
    const kind = asks(clause, 'hours') ? 'hours' : asks(clause, 'location') ? 'location' : strongFaq ? 'faq' : null;
    if (kind === null) continue;
    // Opening hours are the practice's, not an FAQ entry's, unless the practice wrote one.
    const faqIndex = strongFaq && match ? match.index : null;
    const key = faqIndex !== null ? `faq:${faqIndex}` : kind;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ kind, faqIndex });
  }
  return out;
}
