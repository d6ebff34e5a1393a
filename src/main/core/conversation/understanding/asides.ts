/**
 * Two things a caller says beside the request itself, read here so the dialog never matches raw
 * text: "same time" (a move keeps the appointment's clock time) and what a message is about
 * ("have Dr. Patel call me back about my x-rays"). Spanish arrives already rewritten into English
 * ("a la misma hora" → "same time", "es sobre…" → "about…").
 */

const SAME_TIME = /\b(?:same time|the same hour|same hour|same time slot)\b/;

/** "About my x-rays", "regarding the bill", "because my crown came off"; not "how about Friday". */
const ABOUT = /(?<!\b(?:how|what) )\b(?:about|regarding|concerning|because|re)\s+(\S+(?:\s+\S+)*)/;

/** A subject that is only a time: "call me back about 3" is when, not what. */
const APPROXIMATE_TIME = /^(?:\d{1,2}(?::\d\d)?(?: ?(?:am|pm|o clock))?|noon|midnight)(?: (?:today|tomorrow|or so|ish))?$/;

export function saysSameTime(text: string): boolean {
  return SAME_TIME.test(text);
}

/** What the utterance says it is about, as said (normalized), or null. */
export function subjectOf(text: string): string | null {
  const m = ABOUT.exec(text);
  const subject = m?.[1]?.trim() ?? '';
  if (subject === '' || APPROXIMATE_TIME.test(subject)) return null;
  return subject;
}
