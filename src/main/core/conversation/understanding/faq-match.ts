import { wordSimilarity } from './similarity.js';
import type { FaqVocabulary } from './tenant-vocabulary.js';
import type { Tokens } from './tokens.js';

export interface FaqMatch {
  index: number;
  /** Keywords of the entry the caller said ("delta", "how much"). */
  keywordHits: number;
  /** Share of the question's content words the caller said. */
  overlap: number;
}

const FUZZY_KEYWORD = 0.85;

function containsPhrase(stems: readonly string[], tokens: Tokens): boolean {
  const n = stems.length;
  outer: for (let i = 0; i + n <= tokens.stems.length; i++) {
    for (let k = 0; k < n; k++) if (tokens.stems[i + k] !== stems[k]) continue outer;
    return true;
  }
  if (n === 1) {
    const target = stems[0] as string;
    // "insurence" for "insurance"; short keywords ("ppo", "fee") must be exact.
    if (target.length >= 5) return tokens.stems.some((s) => s.length >= 4 && wordSimilarity(s, target, FUZZY_KEYWORD) >= FUZZY_KEYWORD);
  }
  return false;
}

/** The FAQ entry the utterance is closest to, if any keyword or question word was said. */
export function matchFaq(faq: readonly FaqVocabulary[], tokens: Tokens): FaqMatch | null {
  let best: FaqMatch | null = null;
  let bestScore = 0;
  const said = new Set(tokens.stems);
  faq.forEach((entry, index) => {
    let keywordHits = 0;
    for (const k of entry.keywords) if (containsPhrase(k.stems, tokens)) keywordHits++;
    let common = 0;
    for (const s of entry.questionStems) if (said.has(s)) common++;
    const overlap = entry.questionStems.size === 0 ? 0 : common / entry.questionStems.size;
    // Ties ("how much is a cleaning without insurance" names two entries) go to more shared words.
    const score = keywordHits + overlap + common / 10;
    if ((keywordHits > 0 || (overlap >= 0.75 && common >= 2)) && score > bestScore) {
      best = { index, keywordHits, overlap };
      bestScore = score;
    }
  });
  return best;
}
