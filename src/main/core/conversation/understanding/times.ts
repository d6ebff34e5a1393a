import type { PartOfDay } from '../../scheduling/index.js';
import type { Mention } from './mentions.js';
import type { Expectation } from './types.js';
import type { Workspace } from './workspace.js';

/**
 * Clock times, bounds and parts of the day.
 *
 * A bare hour without am/pm is read the way a practice's callers mean it: 1–7 → afternoon
 * (3 → 15:00), 8–11 → morning, 12 → noon. A part of the day said with it decides instead
 * ("7 in the morning" → 07:00, "half past 4 in the evening" → 16:30), and then is not reported
 * as `partOfDay` (it only qualified the time). Hours 13–23 and 0 are 24-hour clock times.
 *
 * Unambiguous forms ("3:30", "3 pm", "4 oclock", "noon", "half past 4", "quarter to 5") are
 * times wherever they appear. A bare number is a time only with a cue: "at 3", "around 10",
 * "how about 4", "make it 4", "3 works", "after 5", "before 10", "between 2 and 4", or when the
 * whole answer is the number (not when the dialog asked for a choice or a phone number).
 * "10 to 5" is read as a range (10:00–17:00), never as 16:50; "10 minutes to 5" is 16:50.
 */

export type TimeRole = 'at' | 'after' | 'before';

export interface TimeValue {
  role: TimeRole;
  /** "HH:MM" */
  clock: string;
  /** The half of the day was said (AM/PM or "in the afternoon"), not guessed. */
  meridiem?: boolean;
}

export interface TimeFindings {
  times: Mention<TimeValue>[];
  partOfDay: Mention<PartOfDay>[];
  earliest: boolean;
}

interface RawTime {
  start: number;
  end: number;
  hour: number;
  minute: number;
  meridiem: 'am' | 'pm' | null;
  /** A form that is a time wherever it appears. */
  explicit: boolean;
}

const H = '(1[0-2]|0?[1-9])';
const MERIDIEM = '(?: ?(am|pm|oclock))?';
/** A part of the day right after a time only qualifies it: "at 9 in the morning". */
const QUALIFIER = '(?: (?:in the|this|at) (morning|afternoon|evening|night))?';
const SUFFIX = `${MERIDIEM}(?: ?(?:oclock))?${QUALIFIER}`;

interface TimePattern {
  re: RegExp;
  read: (m: RegExpExecArray) => Omit<RawTime, 'start' | 'end'> | null;
}

function meridiemOf(word: string | undefined, qualifier: string | undefined): 'am' | 'pm' | null {
  if (word === 'am' || qualifier === 'morning') return 'am';
  if (word === 'pm' || qualifier === 'afternoon' || qualifier === 'evening' || qualifier === 'night') return 'pm';
  return null;
}

const PATTERNS: TimePattern[] = [
  {
    // The part of the day first: "morning 11", "afternoon at 3", "in the evening around 6:30".
    re: new RegExp(`\\b(?:in the |this )?(morning|afternoon|evening|night),? (?:at |around |about |say |maybe )?${H}(?::([0-5]\\d))?(?! ?(?:am|pm)\\b)(?![:/\\d])\\b`, 'g'),
    read: (m) => ({ hour: Number(m[2]), minute: Number(m[3] ?? 0), meridiem: meridiemOf(undefined, m[1]), explicit: true }),
  },
  {
    re: new RegExp(`\\bhalf (?:past|after) ${H}${SUFFIX}\\b`, 'g'),
    read: (m) => ({ hour: Number(m[1]), minute: 30, meridiem: meridiemOf(m[2], m[3]), explicit: true }),
  },
  {
    re: new RegExp(`\\b(?:a )?quarter (past|after|to|till|til|of|before) ${H}${SUFFIX}\\b`, 'g'),
    read: (m) => {
      const past = m[1] === 'past' || m[1] === 'after';
      const hour = Number(m[2]);
      return { hour: past ? hour : hour === 1 ? 12 : hour - 1, minute: past ? 15 : 45, meridiem: meridiemOf(m[3], m[4]), explicit: true };
    },
  },
  {
    re: new RegExp(`\\b(\\d{1,2}) minutes? (past|after|to|till|til|before|of) ${H}${SUFFIX}\\b`, 'g'),
    read: (m) => {
      const minutes = Number(m[1]);
      if (minutes < 1 || minutes > 59) return null;
      const past = m[2] === 'past' || m[2] === 'after';
      const hour = Number(m[3]);
      return { hour: past ? hour : hour === 1 ? 12 : hour - 1, minute: past ? minutes : 60 - minutes, meridiem: meridiemOf(m[4], m[5]), explicit: true };
    },
  },
  {
    re: new RegExp(`\\b(5|10|20|25) (?:past|after) ${H}${SUFFIX}\\b`, 'g'),
    read: (m) => ({ hour: Number(m[2]), minute: Number(m[1]), meridiem: meridiemOf(m[3], m[4]), explicit: true }),
  },
  {
    re: new RegExp(`\\b([01]?\\d|2[0-3]):([0-5]\\d)${SUFFIX}\\b`, 'g'),
    read: (m) => ({ hour: Number(m[1]), minute: Number(m[2]), meridiem: meridiemOf(m[3], m[4]), explicit: true }),
  },
  {
    // "ten thirty pm", "ten oh five", "3 45" (a time only with a cue unless am/pm follows)
    re: new RegExp(`\\b${H} (?:([0-5]\\d)|0 ([0-9]))${SUFFIX}\\b`, 'g'),
    read: (m) => ({ hour: Number(m[1]), minute: Number(m[2] ?? m[3]), meridiem: meridiemOf(m[4], m[5]), explicit: m[4] !== undefined || m[5] !== undefined }),
  },
  {
    re: new RegExp(`\\b(12 )?(noon|midday|midnight)\\b`, 'g'),
    read: (m) => ({ hour: m[2] === 'midnight' ? 0 : 12, minute: 0, meridiem: null, explicit: true }),
  },
  {
    re: new RegExp(`\\b(?:at |around |about )?(lunch ?time|lunch)\\b`, 'g'),
    read: (m) => (/^(?:at|around|about)|time$/.test(m[0]) ? { hour: 12, minute: 0, meridiem: null, explicit: true } : null),
  },
  {
    re: new RegExp(`\\b${H}(?: ?(am|pm)| (oclock)(?: (am|pm))?)${QUALIFIER}\\b`, 'g'),
    read: (m) => ({ hour: Number(m[1]), minute: 0, meridiem: meridiemOf(m[2] ?? m[4], m[5]), explicit: true }),
  },
  {
    // 24-hour hours said as numbers are rare on the phone; keep to 1-12 for a bare hour.
    re: new RegExp(`\\b${H}${QUALIFIER}\\b(?![:/]|(?:st|nd|rd|th)\\b)`, 'g'),
    read: (m) => ({ hour: Number(m[1]), minute: 0, meridiem: meridiemOf(undefined, m[2]), explicit: m[2] !== undefined }),
  },
];

const AT_CUE = /\b(?:at|around|about|something|anytime|any time|say|maybe|how about|what about|make it|do|for|approximately|roughly|like|by|before|after|until|till|til|from|between|past|than|to|the|@)\s+$/;
const ONE_AS_PRONOUN_AFTER = /\b(?:get|book|need|want|take|have|make|schedule|like|grab|squeeze in|set up|fit in|just|only|another|need another|also)\s+$/;
/** "between 2 and 4", "3 or 4": a bare number right after another time. */
const JOIN_CUE = /\b(?:and|or|through|to)\s+$/;
const AFTER_CUE = /\b(?:after|past|later than|no earlier than|not earlier than|not before|from|starting at|starting|no sooner than|between)\s+$/;
const BEFORE_CUE = /\b(?:before|by|until|till|til|no later than|not later than|not after|earlier than|up to|up until)\s+$/;
/** "no later than 4", "not before 10": the negation flips the bound. */
const NEGATED_BEFORE_BOUND = /\b(?:no|not) (?:later than|after)\s+$/;
const NEGATED_AFTER_BOUND = /\b(?:no|not) (?:earlier than|sooner than|before)\s+$/;
const RANGE_TAIL_CUE = /\b(?:to|and|through|till|til|until)\s+$/;
const RANGE_HEAD_CUE = /\b(?:between|from)\s+$/;
const AFTER_FOLLOW = /^\s*(?:or later|or after|onwards?|and later|and up|on\s*$)/;
const BEFORE_FOLLOW = /^\s*(?:or earlier|or before|at the latest|latest)\b/;
const AT_FOLLOW =
  /^\s*(?:works|would work|will work|could work|should work|is (?:good|fine|great|perfect|better|ok|okay|best)|sounds|would be|please|then|on\b|tomorrow|today|tonight|this|next|monday|tuesday|wednesday|thursday|friday|saturday|sunday|with|for (?:a|an|my|the)|if|instead|is that|does not|do not|can not|is not|would not|will not|doesn't|won't)/;
const NOT_A_TIME_FOLLOW =
  /^\s*(?:people|persons?|patients?|kids?|children|of|teeth|tooth|fillings?|cavities|cavity|crowns?|days?|weeks?|months?|years?|year olds?|minutes?|mins?|hours?|hrs?|times|more|appointments?|visits?|cleanings?|dollars?|bucks|percent|x rays?|options?|ones?|slots?|different|separate|other)\b/;
/** What may surround a bare number that is the whole answer: "um 4", "how about 10 30?". */
const BARE_ANSWER = /^(?:(?:yes|yeah|ok|okay|sure|how about|what about|maybe|say|let us say|make it|at|around|about|then|and|please|is|fine|good|the|it|lets do|let us do|i would say|i guess|probably|actually|no|not|instead)\s*)*$/;

/** "First thing": the earliest slot, in the morning. */
const FIRST_THING = /\b1st thing\b/;
const PART_OF_DAY = /\b(?:(early|late|mid) )?(?:in the |this |the )?(mornings?|afternoons?|evenings?|nights?|am|pm)\b/g;
const PAST_BEFORE = /\b(?:last|yesterday|the other)\s$/;
const LUNCH_BOUNDS = /\b(after|before) (lunch|work|school)\b/g;
const LATE_IN_THE_DAY = /\b(?:(?:later|late) in the day|(?:the )?end of the day|last thing in the day)\b/g;
const EARLIEST =
  /\b(?:earliest|soonest|asap|as soon as (?:possible|you can|you have|we can|i can)|(?:the )?(?:1st|next|earliest) (?:available|opening|open|appointment available|possible|slot|spot)|as early as possible|right away|1st thing|whatever is (?:1st|soonest)|the sooner the better|sooner rather than later)\b/g;

function to24(hour: number, minute: number, meridiem: 'am' | 'pm' | null, partOfDay: PartOfDay | null): string {
  let h = hour;
  if (hour <= 12 && hour >= 1) {
    const m = meridiem ?? (partOfDay === 'morning' ? 'am' : partOfDay ? 'pm' : null);
    if (m === 'am') h = hour === 12 ? 0 : hour;
    else if (m === 'pm') h = hour === 12 ? 12 : hour + 12;
    else if (hour <= 7) h = hour + 12;
  }
  return `${String(h).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

export function findTimes(work: Workspace, expect: Expectation | null, partOfDayHint: PartOfDay | null): TimeFindings {
  const text = work.text;
  let earliest = false;
  work.scan(EARLIEST, () => {
    earliest = true;
    return true;
  });
  const firstThing = FIRST_THING.test(text);

  const bounds: Mention<TimeValue>[] = [];
  work.scan(LUNCH_BOUNDS, (m) => {
    const what = m[2];
    const clock = what === 'lunch' ? (m[1] === 'after' ? '13:00' : '12:00') : what === 'work' ? '17:00' : '15:00';
    bounds.push({ value: { role: m[1] === 'after' ? 'after' : 'before', clock }, start: m.index, end: m.index + m[0].length });
    return true;
  });
  work.scan(LATE_IN_THE_DAY, (m) => {
    bounds.push({ value: { role: 'after', clock: '15:00' }, start: m.index, end: m.index + m[0].length });
    return true;
  });

  const raw: RawTime[] = [];
  for (const pattern of PATTERNS) {
    work.scan(pattern.re, (m) => {
      const read = pattern.read(m);
      if (read === null) return false;
      const start = m.index;
      const end = m.index + m[0].length;
      const rawTime: RawTime = { ...read, start, end };
      if (!rawTime.explicit && !acceptBare(text, work, rawTime, expect, raw)) return false;
      raw.push(rawTime);
      return true;
    });
  }
  raw.sort((a, b) => a.start - b.start);

  const partOfDay: Mention<PartOfDay>[] = [];
  work.scan(PART_OF_DAY, (m) => {
    const word = m[2] as string;
    const value: PartOfDay = word.startsWith('morning') || word === 'am' ? 'morning' : word.startsWith('afternoon') || word === 'pm' ? 'afternoon' : 'evening';
    // "am" alone is the verb ("i am"); only "in the am" is the morning.
    if ((word === 'am' || word === 'pm') && !/^(?:in the|this)/.test(m[0].slice((m[1]?.length ?? -1) + 1))) return false;
    // "it broke last night", "yesterday morning": when something happened, not a wish.
    if (PAST_BEFORE.test(work.text.slice(Math.max(0, m.index - 12), m.index))) return true;
    partOfDay.push({ value, start: m.index, end: m.index + m[0].length });
    const modifier = m[1];
    if (modifier === 'early' || modifier === 'late') {
      const edge: Record<PartOfDay, [string, string]> = { morning: ['10:00', '10:00'], afternoon: ['14:00', '15:00'], evening: ['18:00', '19:00'] };
      const [early, late] = edge[value];
      bounds.push({ value: modifier === 'early' ? { role: 'before', clock: early } : { role: 'after', clock: late }, start: m.index, end: m.index + m[0].length });
    }
    return true;
  });
  if (firstThing && partOfDay.length === 0) partOfDay.push({ value: 'morning', start: 0, end: 0 });

  const dayHint = partOfDay[0]?.value ?? partOfDayHint;
  const times: Mention<TimeValue>[] = [...bounds];
  let rangeOpen: { index: number } | null = null;
  for (const t of raw) {
    const before = text.slice(Math.max(0, t.start - 24), t.start);
    const after = text.slice(t.end, t.end + 24);
    let role: TimeRole = 'at';
    if (RANGE_TAIL_CUE.test(before) && rangeOpen !== null) role = 'before';
    else if (NEGATED_BEFORE_BOUND.test(before)) role = 'before';
    else if (NEGATED_AFTER_BOUND.test(before)) role = 'after';
    else if (AFTER_CUE.test(before) || AFTER_FOLLOW.test(after)) role = 'after';
    else if (BEFORE_CUE.test(before) || BEFORE_FOLLOW.test(after)) role = 'before';
    rangeOpen = null;
    if (RANGE_HEAD_CUE.test(before) || (role === 'at' && /^\s*(?:to|till|until|through) /.test(after) && /\b(?:anytime|any time|anywhere|free)\s+$/.test(before))) {
      role = 'after';
      rangeOpen = { index: times.length };
    }
    const hasMeridiem = t.meridiem !== null;
    let clock = to24(t.hour, t.minute, t.meridiem, hasMeridiem ? null : dayHint);
    if (role === 'before' && rangeOpen === null) {
      // "between 6 and 8": the end of a range comes after its start.
      const head = times[times.length - 1];
      if (head && head.value.role === 'after' && clock <= head.value.clock && !hasMeridiem && t.hour < 12) clock = to24(t.hour, t.minute, 'pm', null);
    }
    times.push({ value: { role, clock, meridiem: hasMeridiem || dayHint !== null }, start: t.start, end: t.end });
  }
  times.sort((a, b) => a.start - b.start);
  return { times, partOfDay, earliest };
}

function acceptBare(text: string, work: Workspace, t: RawTime, expect: Expectation | null, found: readonly RawTime[]): boolean {
  if (expect === 'phone') return false;
  const after = text.slice(t.end, t.end + 24);
  if (NOT_A_TIME_FOLLOW.test(after)) return false;
  const before = text.slice(Math.max(0, t.start - 24), t.start);
  // "can I get one Saturday morning", "book one for Tuesday": the pronoun, not 1 o'clock.
  if (t.hour === 1 && t.minute === 0 && ONE_AS_PRONOUN_AFTER.test(before)) return false;
  if (JOIN_CUE.test(before) && found.some((f) => f.end <= t.start && t.start - f.end <= 10)) return true;
  if (AT_CUE.test(before) || AT_FOLLOW.test(after) || AFTER_FOLLOW.test(after) || BEFORE_FOLLOW.test(after)) {
    // "number 2", "option 3": a choice, not a time.
    return !/\b(?:number|option|choice|#)\s+$/.test(before);
  }
  if (expect === 'choice') return false;
  const rest = work.masked.slice(0, t.start) + work.masked.slice(t.end);
  return BARE_ANSWER.test(rest.replace(/\s+/g, ' ').trim());
}
