import { doubleMetaphone } from 'double-metaphone';
import { stem } from './stem.js';

/**
 * How alike two words are, for speech-recognizer slips ("cleening", "patell", "teeth clinging"):
 * 1 − (optimal-string-alignment Damerau–Levenshtein distance ÷ the longer length). Pass `atLeast`
 * when only higher scores matter: pairs that cannot reach it return 0 without the full table.
 */
export function wordSimilarity(a: string, b: string, atLeast = 0): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  const maxEdits = Math.floor((1 - atLeast) * longest + 1e-9);
  if (Math.abs(a.length - b.length) > maxEdits) return 0;
  const distance = editDistance(a, b, maxEdits);
  return distance > maxEdits ? 0 : 1 - distance / longest;
}

const MAX_LENGTH = 64;
// Three reusable rows: this runs for many word pairs on every utterance.
let rowBefore = new Int32Array(MAX_LENGTH + 1);
let rowPrevious = new Int32Array(MAX_LENGTH + 1);
let rowCurrent = new Int32Array(MAX_LENGTH + 1);

/** The distance, or anything above `maxEdits` once it is sure to exceed it. */
function editDistance(a: string, b: string, maxEdits: number): number {
  if (a.length > MAX_LENGTH || b.length > MAX_LENGTH) return Number.MAX_SAFE_INTEGER;
  const n = b.length;
  for (let j = 0; j <= n; j++) rowPrevious[j] = j;
  for (let i = 1; i <= a.length; i++) {
    rowCurrent[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let best = Math.min((rowPrevious[j] as number) + 1, (rowCurrent[j - 1] as number) + 1, (rowPrevious[j - 1] as number) + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) best = Math.min(best, (rowBefore[j - 2] as number) + 1);
      rowCurrent[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > maxEdits) return maxEdits + 1;
    const spare = rowBefore;
    rowBefore = rowPrevious;
    rowPrevious = rowCurrent;
    rowCurrent = spare;
  }
  return rowPrevious[n] as number;
}

/** A crude sound key (Soundex-like, vowels dropped after the first letter): "lee" ~ "li", "patel" ~ "patell". */
const SOUND_CODES: Readonly<Record<string, string>> = { b: '1', f: '1', p: '1', v: '1', c: '2', g: '2', j: '2', k: '2', q: '2', s: '2', x: '2', z: '2', d: '3', t: '3', l: '4', m: '5', n: '5', r: '6' };

export function soundKey(word: string): string {
  const codes = SOUND_CODES;
  let key = word[0] ?? '';
  let last = codes[key] ?? '';
  for (let i = 1; i < word.length; i++) {
    const ch = word[i] as string;
    const code = codes[ch] ?? '';
    if (code !== '' && code !== last) key += code;
    if (ch !== 'h' && ch !== 'w') last = code;
  }
  return key;
}

const metaphones = new Map<string, readonly [string, string]>();

function metaphoneOf(word: string): readonly [string, string] {
  let codes = metaphones.get(word);
  if (codes === undefined) {
    codes = doubleMetaphone(word);
    // Bounded like the stem cache: callers' words repeat, junk must not grow it forever.
    if (metaphones.size < 20_000) metaphones.set(word, codes);
  }
  return codes;
}

/**
 * Whether two words sound the same to English ears by Double Metaphone ("cut" ~ "cat", "filling"
 * ~ "feeling"), starting with the same letter so "dry" is not "try" and "oil" not "all".
 */
export function sameSound(a: string, b: string): boolean {
  if (a[0] !== b[0] || a.length < 3 || b.length < 3) return false;
  const [a1, a2] = metaphoneOf(a);
  const [b1, b2] = metaphoneOf(b);
  return a1 !== '' && (a1 === b1 || a1 === b2 || a2 === b1 || a2 === b2);
}

const ALIKE_MIN = 0.6;
const SAME_SOUND = 0.85;

/** 0..1: a word as the recognizer may have heard another, by spelling (stems too) or by sound. */
export function soundsAlike(a: string, b: string): number {
  if (a === b) return 1;
  const sa = stem(a);
  const sb = stem(b);
  if (sa === sb) return 1;
  const spelled = Math.max(wordSimilarity(a, b, ALIKE_MIN), wordSimilarity(sa, sb, ALIKE_MIN));
  return spelled < SAME_SOUND && sameSound(a, b) ? SAME_SOUND : spelled;
}
