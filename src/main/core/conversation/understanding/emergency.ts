import { isNegated } from './negation.js';
import type { EmergencyVocabulary } from './tenant-vocabulary.js';
import type { Tokens } from './tokens.js';

export interface EmergencyMatch {
  keyword: string;
  /** A tenant keyword (true) or a built-in word such as "emergency" (false). */
  tenant: boolean;
}

/** "my tooth is broken" matches "broken tooth": a keyword's words, in any order, this close. */
const EXTRA_WORDS = 3;
const BUILT_IN = /\b(emergency|emergencies|urgent|urgently|911|9 1 1|ambulance)\b/g;

/** "no swelling", "without bleeding": for symptoms a bare "no" does negate. */
const NO_BEFORE = /\b(?:no|without|any|zero)\s+$/;

function findKeyword(stems: readonly string[], tokens: Tokens): number | null {
  const n = stems.length;
  for (let i = 0; i < tokens.stems.length; i++) {
    if (!stems.includes(tokens.stems[i] as string)) continue;
    const window = tokens.stems.slice(i, i + n + EXTRA_WORDS);
    if (stems.every((s) => window.includes(s))) return i;
  }
  return null;
}

function negated(text: string, start: number, end: number): boolean {
  return isNegated(text, start, end) || NO_BEFORE.test(text.slice(Math.max(0, start - 12), start));
}

/**
 * The first emergency keyword the caller said and did not negate ("no swelling", "it's not an
 * emergency" do not count). Tenant keywords come first: they name what the practice treats as one.
 */
export function matchEmergency(vocabulary: readonly EmergencyVocabulary[], tokens: Tokens, text: string): EmergencyMatch | null {
  for (const entry of vocabulary) {
    const at = findKeyword(entry.stems, tokens);
    if (at !== null && !negated(text, tokens.starts[at] as number, tokens.ends[at] as number)) return { keyword: entry.keyword, tenant: true };
  }
  for (const m of text.matchAll(BUILT_IN)) {
    if (negated(text, m.index, m.index + m[0].length)) continue;
    const word = m[1] as string;
    return { keyword: word.startsWith('urgent') ? 'urgent' : 'emergency', tenant: false };
  }
  return null;
}
