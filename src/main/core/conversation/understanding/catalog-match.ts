import type { Mention } from './mentions.js';
import { sameSound, soundKey, wordSimilarity } from './similarity.js';
import type { CatalogEntry, Phrase } from './tenant-vocabulary.js';
import type { Tokens } from './tokens.js';
import { MATCH_STOPWORDS } from './tokens.js';

/**
 * Finds services or providers by name, alias or near match. Exact phrases score highest, then
 * phrases whose every word is close ("teeth clinging" → "teeth cleaning"), then a lone first or
 * last name ("Patel"). Short words must match exactly; after a title ("dr li") a word that sounds
 * the same as a name is accepted.
 */

const EXACT = 2;
const FUZZY_MIN_MEAN = 0.8;
const FUZZY_MIN_WORD = 0.6;
const FUZZY_SINGLE = 0.84;
const LONE = 0.7;
/** A short word of a longer name said alike ("hair cat" for "hair cut"): enough only next to its other words. */
const SHORT_SAME_SOUND = 0.7;
const TITLES = new Set(['dr', 'with', 'see', 'mr', 'mrs', 'ms', 'miss']);

interface Scored {
  id: string;
  score: number;
  first: number;
  last: number;
}

function wordScore(phraseStem: string, phraseWord: string, tokens: Tokens, at: number, titled: boolean, inLongerName = false): number {
  const s = tokens.stems[at] as string;
  const w = tokens.words[at] as string;
  if (s === phraseStem || w === phraseWord) return 1;
  if (MATCH_STOPWORDS.has(w) || /\d/.test(w)) return 0;
  if (phraseStem.length < 4 || s.length < 3) {
    if (titled && s.length >= 2 && soundKey(s) === soundKey(phraseStem)) return 0.85;
    return inLongerName && w.length === phraseWord.length && sameSound(w, phraseWord) ? SHORT_SAME_SOUND : 0;
  }
  let score = Math.max(wordSimilarity(s, phraseStem, FUZZY_MIN_WORD), wordSimilarity(w, phraseWord, FUZZY_MIN_WORD));
  if (titled && score < 0.85 && soundKey(s) === soundKey(phraseStem)) score = 0.85;
  return score;
}

/** Content-word positions: the phrase "teeth cleaning" may match "teeth, um, the cleaning". */
function contentPositions(tokens: Tokens): number[] {
  const out: number[] = [];
  tokens.words.forEach((w, i) => {
    if (!MATCH_STOPWORDS.has(w)) out.push(i);
  });
  return out;
}

function isTitled(tokens: Tokens, at: number): boolean {
  const previous = tokens.words[at - 1];
  return previous !== undefined && TITLES.has(previous);
}

function matchPhrase(phrase: Phrase, tokens: Tokens, positions: number[], id: string, out: Scored[]): void {
  const n = phrase.stems.length;
  for (let p = 0; p + n <= positions.length; p++) {
    const first = positions[p] as number;
    const titled = isTitled(tokens, first);
    let sum = 0;
    let min = 1;
    for (let k = 0; k < n; k++) {
      const s = wordScore(phrase.stems[k] as string, phrase.words[k] as string, tokens, positions[p + k] as number, titled, n > 1);
      sum += s;
      if (s < min) min = s;
      if (min < FUZZY_MIN_WORD) break;
    }
    const last = positions[p + n - 1] as number;
    if (min === 1) out.push({ id, score: EXACT + n / 10, first, last });
    // A lone word must also start the same ("billing" is not "filling") unless nearly identical.
    else if (n === 1 && min >= FUZZY_SINGLE && (tokens.words[first]?.[0] === phrase.words[0]?.[0] || min >= 0.9)) out.push({ id, score: min, first, last });
    else if (n > 1 && min >= FUZZY_MIN_WORD && sum / n >= FUZZY_MIN_MEAN) out.push({ id, score: sum / n + n / 10, first, last });
  }
  // One phrase word said as two ("check up" for "checkup").
  if (n === 1) {
    const target = phrase.words[0] as string;
    for (let i = 0; i + 1 < tokens.words.length; i++) {
      if (`${tokens.words[i]}${tokens.words[i + 1]}` === target) out.push({ id, score: EXACT + 0.1, first: i, last: i + 1 });
    }
  }
}

/** Every non-overlapping match, best first where they overlap, as mentions in text order. */
export function matchCatalog(entries: readonly CatalogEntry[], tokens: Tokens): Mention<string>[] {
  if (tokens.words.length === 0) return [];
  const positions = contentPositions(tokens);
  const scored: Scored[] = [];
  for (const entry of entries) {
    for (const phrase of entry.phrases) matchPhrase(phrase, tokens, positions, entry.id, scored);
    for (const lone of entry.loneWords) {
      for (const at of positions) {
        const s = wordScore(lone.stems[0] as string, lone.words[0] as string, tokens, at, isTitled(tokens, at));
        const sameStart = tokens.words[at]?.[0] === lone.words[0]?.[0];
        if (s >= 0.9 || (s >= 0.85 && sameStart)) scored.push({ id: entry.id, score: LONE * s, first: at, last: at });
      }
    }
  }
  scored.sort((a, b) => b.score - a.score || a.first - b.first);
  const kept: Scored[] = [];
  for (const s of scored) {
    if (kept.some((k) => s.first <= k.last && k.first <= s.last)) continue;
    kept.push(s);
  }
  kept.sort((a, b) => a.first - b.first);
  return kept.map((k) => ({ value: k.id, start: tokens.starts[k.first] as number, end: tokens.ends[k.last] as number, score: k.score }));
}
