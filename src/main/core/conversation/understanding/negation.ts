/**
 * Whether a mention is ruled out by the words around it: "not Tuesday", "I can't make it
 * tomorrow", "instead of Dr. Lee", "3 doesn't work for me". A bare leading "no" is an answer, not
 * a negation ("no, Thursday"), and "no later than 4" / "not before 10" are time bounds that the
 * time extractor reads, so neither rules anything out.
 */

const NEGATED_BEFORE =
  /(?:\bnot|\bnever|\bexcept|\binstead of|\brather than|\bother than|\bbut not|\banything but)\s+(?:(?:on|at|the|with|for|do|make|come|in|it|that|this|free|available|good|great|ideal|possible|see|book|want|like|a|an|around|by|really|going|to|be|able|have|any|there|so|dr|mr|mrs|ms|miss)\s+){0,6}$/;
/** "move my cleaning from Tuesday to Thursday": the old value is ruled out. */
const MOVED_FROM = /\b(?:move|moved|change|switch|push|reschedule|rescheduling|bump|shift)\b(?:\s+[a-z']+){0,4}\s+from\s+(?:the\s+|on\s+)?$/;
const TIME_BOUND_BEFORE = /\b(?:no|not)\s+(?:later|earlier|sooner)\s+than\s+$|\bnot\s+(?:before|after|until|till)\s+$/;
const NEGATED_AFTER =
  /^\s*(?:(?:o'?clock|oclock|one|slot|time|appointment|day|morning|afternoon|evening|is|would|will|really|that|just|for me|anymore)\s+){0,3}(?:does not|do not|did not|is not|would not|will not|can not|is no|is bad|is out|is too|won't|no longer)\b(?!\s+matter)/;

export function isNegated(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 48), start);
  if (NEGATED_BEFORE.test(before) && !TIME_BOUND_BEFORE.test(before)) return true;
  if (MOVED_FROM.test(before)) return true;
  return NEGATED_AFTER.test(text.slice(end, end + 48));
}
