import type { Mention } from './mentions.js';
import type { Expectation } from './types.js';
import type { Workspace } from './workspace.js';

/**
 * Which offered option: "the second one", "the first", "number two", "option 1", "the last one",
 * "the middle one"; with `expect: 'choice'` also a bare "2" or "the 2nd". Runs after dates and
 * times, so "the 3 o'clock" (a time) and "on the 3rd" (a date) are already taken.
 */

const ORDINAL_CHOICE =
  /\bthe (1st|2nd|3rd|4th|5th|6th)(?: (?:one|option|choice|slot|time|appointment|day|date))?\b(?! (?:available|opening|thing|of))|\b(1st|2nd|3rd|4th|5th|6th) (?:one|option|choice|slot)\b/g;
const LONE_ORDINAL = /^(?:(?:um|ok|okay|yes|yeah|uh|let us do|lets do|i will take|i would take)\s+)*(1st|2nd|3rd)(?:\s+(?:please|thanks|thank you))*$/;
const NUMBERED = /\b(?:option|number|choice|#) (\d)\b(?! (?:people|days|weeks|kids))/g;
const LAST =
  /\b(?:the )?(last|latter|later|final|middle|former|earlier) (?:one|option|choice|slot)\b|\bthe (last|latter|former)\b(?! (?:time|week|month|year|visit|appointment|day|night|name|minute))/g;
const BARE_NUMBER = /^(?:(?:the|um|ok|okay|yes|yeah|uh|number|option|i would say|i guess|let us do|lets do)\s+)*(\d)(?:\s+(?:please|one|thanks|thank you))*$/;
const ORDINAL_WORD: Record<string, number> = { '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, '5th': 5, '6th': 6 };

export function findChoice(work: Workspace, expect: Expectation | null, optionCount: number | null): Mention<number> | null {
  let found: Mention<number> | null = null;
  const take = (value: number, m: RegExpExecArray): boolean => {
    if (found === null) found = { value, start: m.index, end: m.index + m[0].length };
    return true;
  };
  work.scan(NUMBERED, (m) => {
    const n = Number(m[1]);
    return n >= 1 && n <= 9 ? take(n, m) : false;
  });
  work.scan(LAST, (m) => {
    const word = (m[1] ?? m[2]) as string;
    if (word === 'former' || word === 'earlier') return take(1, m);
    if (word === 'middle') return take(optionCount ? Math.ceil(optionCount / 2) : 2, m);
    return take(optionCount ?? -1, m);
  });
  work.scan(ORDINAL_CHOICE, (m) => take(ORDINAL_WORD[(m[1] ?? m[2]) as string] ?? 1, m));
  if (found === null) {
    const lone = LONE_ORDINAL.exec(work.remainder());
    if (lone) {
      const start = work.text.indexOf(lone[1] as string);
      found = { value: ORDINAL_WORD[lone[1] as string] ?? 1, start, end: start + (lone[1] as string).length };
    }
  }
  if (found === null && expect === 'choice') {
    const bare = BARE_NUMBER.exec(work.remainder());
    if (bare) {
      const n = Number(bare[1]);
      const start = work.text.indexOf(bare[1] as string);
      if (n >= 1) found = { value: n, start, end: start + 1 };
    }
  }
  return found;
}
