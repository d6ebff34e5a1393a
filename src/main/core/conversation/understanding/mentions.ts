import { isNegated } from './negation.js';

/** One thing found in the utterance, with where it was said. */
export interface Mention<T> {
  value: T;
  start: number;
  end: number;
  /** How good the match is, where that varies (vocabulary matches). */
  score?: number;
}

export interface Picked<T> {
  value: T | null;
  rejected: T | null;
}

/**
 * The mention the caller means: the first one not ruled out, or with a correction ("Tuesday,
 * actually Wednesday", "make it 4") the last one. A ruled-out mention ("not Tuesday") is
 * reported separately so the dialog can avoid it.
 */
export function pick<T>(mentions: readonly Mention<T>[], text: string, preferLast: boolean): Picked<T> {
  let value: T | null = null;
  let rejected: T | null = null;
  for (const m of mentions) {
    if (isNegated(text, m.start, m.end)) {
      if (rejected === null) rejected = m.value;
      continue;
    }
    if (value === null || preferLast) value = m.value;
  }
  return { value, rejected };
}
