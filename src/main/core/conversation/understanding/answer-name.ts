import type { Expectation, Understanding } from './types.js';

/**
 * A bare answer to "what's your name?": understanding's name finder needs a cue ("my name is");
 * this reads an answer that is nothing but a name ("Ann Lee"), or ends with one.
 */

// Words that make a short answer a sentence rather than a name ("I don't know", "not sure").
const NOT_NAMES = new Set([
  'yes', 'yeah', 'yep', 'no', 'nope', 'okay', 'ok', 'sure', 'hello', 'hi', 'hey', 'um', 'uh', 'hmm', 'what', 'sorry', 'pardon', 'thanks', 'thank',
  'you', 'bye', 'goodbye', 'nothing', 'none', 'help', 'appointment', 'please', 'i', "i'm", 'me', 'my', 'the', 'a', 'an', 'to', 'is', 'it', 'not',
  'dont', "don't", 'know', 'want', 'need', 'like', 'would', 'can', 'could', 'have', 'of', 'for', 'and', 'or', 'but', 'why', 'how', 'who', 'where',
  'when', 'this', 'that', 'just', 'maybe', 'again', 'repeat', 'wait', 'hold', 'on',
]);
const INTRO = /^(?:(?:my name is|my name's|this is|it's|it is|i'm|i am|name is|the name is|it's under|it is under|under)\s+)+/i;

/** A run of 1–4 name-like words, capitalized; null when any word is not name-like. */
function nameWords(text: string): string | null {
  const cleaned = text.trim().replace(/[.!?,]+$/g, '').replace(INTRO, '').trim();
  const words = cleaned.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 4) return null;
  if (!words.every((w) => /^[\p{L}][\p{L}'.-]*$/u.test(w))) return null;
  if (words.some((w) => NOT_NAMES.has(w.toLowerCase()))) return null;
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

/**
 * When we asked for a name and understanding found none, a short answer made of name-like words
 * ("Ann Lee") is taken as the name: callers answer that question with just their name. A longer
 * answer may end with it ("it's under my husband's name, Mark Lee").
 */
export function nameFromAnswer(text: string): string | null {
  const whole = nameWords(text);
  if (whole) return whole;
  const tail = /(?:,|\bname is|\bname's|\bunder)\s+([^,]+)$/i.exec(text.trim());
  return tail?.[1] ? nameWords(tail[1]) : null;
}

/**
 * The understanding with `bareName` filled in when the dialog asked for a name and the answer is
 * nothing but one (not "Thursday afternoon" or "the second one").
 */
export function withBareName(u: Understanding, text: string, expect: Expectation | null): Understanding {
  if (expect !== 'name' || u.name || u.bareName) return u;
  const bare = (u.intent === 'unknown' || u.intent === 'greeting') && !saysAnything(u);
  return bare ? { ...u, bareName: nameFromAnswer(text) } : u;
}

function saysAnything(u: Understanding): boolean {
  return u.date !== null || u.time !== null || u.partOfDay !== null || u.after !== null || u.before !== null || u.earliest || u.range !== null ||
    u.serviceId !== null || u.providerId !== null || u.choice !== null || u.phone !== null || u.rejected !== undefined;
}
