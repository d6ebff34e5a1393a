import type { PartOfDay } from '../../scheduling/index.js';
import { chronoDates, monthDayForward, numericDate } from './chrono-dates.js';
import { holidaysFor } from './holidays.js';
import { addDays, daysInMonth, dayOf, isoDate, isoWeekday, mondayOf, monthOf, yearOf } from './local-calendar.js';
import type { Mention } from './mentions.js';
import type { Expectation } from './types.js';
import type { Workspace } from './workspace.js';

/**
 * Dates and date ranges, all local to the practice and never in the past (callers book ahead):
 *
 * - "today", "tonight", "tomorrow", "the day after tomorrow", "in 3 days", "in two weeks",
 *   "a week from Friday", "10 days from today".
 * - A weekday alone ("Tuesday", "this coming Tuesday") is the next one after today; today counts
 *   only when said as "today" or "this <weekday>" on that weekday. "Next Tuesday" is the Tuesday
 *   of next week (weeks run Monday to Sunday), so on a Friday it is four days away and on a Monday
 *   eight. "This Friday" is this week's, or next week's once this week's has passed.
 * - "The 13th": the next 13th on or after today. "The 1st/2nd/3rd" alone is left to `choice`
 *   (offered options are rarely more than three) unless said "on the 3rd", next to a weekday
 *   ("Thursday the 3rd"), or when the dialog asked for a date.
 * - "November 24th", "the 3rd of December": this year's, or next year's once past. A year said
 *   out loud is kept even when past.
 * - "12/3" by the tenant's locale: month/day for en-US (and CA, PH), day/month elsewhere (read by
 *   chrono-node, see chrono-dates.ts, which also catches phrasings not listed here).
 * - Holidays by name ("Christmas Eve", "the day after Thanksgiving"): see holidays.ts.
 * - Ranges: "this week" (today to Sunday), "next week" (Monday to Sunday), "the week after next",
 *   "this/next weekend", "next month", "in December", "early/mid/late December" (a month name
 *   alone is not a range: "may I…", "June Carter").
 * - A weekday said with a range moves into it ("next week, maybe Tuesday"); a weekday said with
 *   a day of the month gives way to it ("Thursday the 3rd").
 */

export interface DateContext {
  today: string;
  /** The practice's country (ISO code): which holidays its callers may name. */
  country?: string;
  now: number;
  zone: string;
  /** Read "12/3" as month/day. */
  monthFirst: boolean;
  expect: Expectation | null;
}

export interface DateRange {
  from: string;
  to: string;
}

export interface DateFindings {
  dates: Mention<string>[];
  ranges: Mention<DateRange>[];
  /** From "tonight", "this morning". */
  partOfDay: PartOfDay | null;
}

const WEEKDAY_NAMES: Record<string, number> = {
  monday: 1,
  mondays: 1,
  tuesday: 2,
  tuesdays: 2,
  tues: 2,
  wednesday: 3,
  wednesdays: 3,
  weds: 3,
  thursday: 4,
  thursdays: 4,
  thurs: 4,
  friday: 5,
  fridays: 5,
  saturday: 6,
  saturdays: 6,
  sunday: 7,
  sundays: 7,
};
const WD = '(mondays?|tuesdays?|tues|wednesdays?|weds|thursdays?|thurs|fridays?|saturdays?|sundays?)';

const MONTH_NAMES: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const MONTH = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)';
const FULL_MONTH = '(january|february|march|april|may|june|july|august|september|october|november|december)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(?: (20\\d\\d))?';

const DAY_AFTER_TOMORROW = /\b(?:the )?day after tomorrow\b/g;
const UNITS_FROM = new RegExp(`\\b(\\d{1,2}|a|an|couple|few) (days?|weeks?|months?) from (today|tomorrow|now|${WD})\\b`, 'g');
const WEEKDAY_AFTER_NEXT = new RegExp(`\\b(?:(?:on|the) )?${WD} (?:after next|week after next)\\b`, 'g');
const WEEKDAY_OF_WEEK = new RegExp(`\\b(?:on )?(?:the )?${WD} (?:of )?(next|this|the following) week\\b|\\b(next|this|the following) week(?: on)? ${WD}\\b`, 'g');
const TODAY = /\b(today|tonight|this (?:morning|afternoon|evening))\b/g;
const TOMORROW = /\btomorrow\b/g;
const IN_N = /\b(in|within) (\d{1,2}|a|an|couple|few) (days?|weeks?|months?)\b(?: or (?:2|so|3))?/g;
const MONTH_DAY = new RegExp(`\\b${MONTH}\\.? (?:the )?${DAY}(?:,)?${YEAR}\\b`, 'g');
const DAY_MONTH = new RegExp(`\\b(?:the )?${DAY} (?:of )?${MONTH}\\b\\.?(?:,)?${YEAR}`, 'g');
const NUMERIC = /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?\b/g;
const MONTH_ONLY = new RegExp(`\\b(?:(early|mid|late|end of|the end of|beginning of|the beginning of|start of|the start of|sometime in|in|during|for) )?${FULL_MONTH}\\b`, 'g');
const WEEK_RANGE = /\b(the week after next|(?:next|the following) week|this week|later this week|later in the week|(?:the )?end of (?:the|this) week|(?:this |next |the )?weekend|next month|this month|later this month)\b/g;
const WEEKDAY = new RegExp(`\\b(?:(this coming|the coming|coming|upcoming|this|next|the following|last|on|for|by) )?${WD}\\b`, 'g');
const ORDINAL_DAY =
  /\b(?:(on|for|by|until|till|from) )?(?:the )?(\d{1,2})(st|nd|rd|th)\b(?: (of (?:the|this) month|of next month))?(?! (?:one|ones|option|choice|slot|time|appointment|available|availability|opening|thing|1))/g;

const TIME_AFTER_ORDINAL = /^,? (?:at|around|about|after|before|by|in the (?:morning|afternoon|evening)|(?:morning|afternoon|evening)\b|\d{1,2}(?::\d\d)? ?(?:am|pm)\b)/;

function weekdayOf(name: string): number {
  return WEEKDAY_NAMES[name] ?? 1;
}

/** The next `weekday` strictly after `today` (or today, when `includeToday`). */
function nextWeekday(today: string, weekday: number, includeToday = false): string {
  let days = (weekday - isoWeekday(today) + 7) % 7;
  if (days === 0 && !includeToday) days = 7;
  return addDays(today, days);
}

function weekdayInWeek(today: string, weekday: number, weeksAhead: number): string {
  return addDays(mondayOf(today), 7 * weeksAhead + weekday - 1);
}

/** Month/day this year, or next year once past (or the said year); "February 29th" finds a leap year. */
function forwardDate(today: string, month: number, day: number, year: number | null): string | null {
  if (year === null && month === 2 && day === 29) {
    for (let y = yearOf(today); y <= yearOf(today) + 4; y++) {
      const date = daysInMonth(y, 2) === 29 ? isoDate(y, 2, 29) : null;
      if (date !== null && date >= today) return date;
    }
    return null;
  }
  return monthDayForward(today, month, day, year);
}

/** The next `day`-of-month on or after today (skipping months too short for it). */
function nextDayOfMonth(today: string, day: number, monthsAhead = 0): string | null {
  if (day < 1 || day > 31) return null;
  let y = yearOf(today);
  let m = monthOf(today) + monthsAhead;
  for (let k = 0; k < 14; k++) {
    while (m > 12) {
      m -= 12;
      y++;
    }
    if (day <= daysInMonth(y, m)) {
      const candidate = isoDate(y, m, day);
      if (candidate >= today) return candidate;
    }
    m++;
  }
  return null;
}

function addMonths(today: string, months: number): string {
  let y = yearOf(today);
  let m = monthOf(today) + months;
  y += Math.floor((m - 1) / 12);
  m = ((m - 1) % 12) + 1;
  return isoDate(y, m, Math.min(dayOf(today), daysInMonth(y, m)));
}

function monthRange(today: string, month: number, part: string | undefined): DateRange {
  let y = yearOf(today);
  if (month < monthOf(today)) y++;
  const last = daysInMonth(y, month);
  let from = 1;
  let to = last;
  if (part === 'early' || part?.includes('beginning') || part?.includes('start')) to = 10;
  else if (part === 'mid') [from, to] = [11, 20];
  else if (part === 'late' || part?.includes('end')) from = 21;
  const range = { from: isoDate(y, month, from), to: isoDate(y, month, to) };
  if (range.from < today) range.from = today;
  if (range.to < range.from) return monthRange(addDays(isoDate(y, month, last), 1), month, part);
  return range;
}

function countOf(word: string): number {
  if (word === 'a' || word === 'an') return 1;
  if (word === 'couple') return 2;
  if (word === 'few') return 3;
  return Number(word);
}

export function findDates(work: Workspace, ctx: DateContext): DateFindings {
  const { today } = ctx;
  const dates: (Mention<string> & { weekday?: number; explicit?: boolean })[] = [];
  const ranges: Mention<DateRange>[] = [];
  let partOfDay: PartOfDay | null = null;
  const add = (m: RegExpExecArray, date: string | null, extra: { weekday?: number; explicit?: boolean } = {}): boolean => {
    if (date === null) return false;
    dates.push({ value: date, start: m.index, end: m.index + m[0].length, ...extra });
    return true;
  };
  const addRange = (m: RegExpExecArray, from: string, to: string): boolean => {
    if (to < from) return false;
    ranges.push({ value: { from, to }, start: m.index, end: m.index + m[0].length });
    return true;
  };

  const named = holidaysFor(ctx.country ?? '');
  if (named.any.test(work.text)) for (const holiday of named.holidays) work.scan(holiday.pattern, (m) => add(m, holiday.next(today, m), { explicit: true }));
  work.scan(DAY_AFTER_TOMORROW, (m) => add(m, addDays(today, 2)));
  work.scan(UNITS_FROM, (m) => {
    const n = countOf(m[1] as string);
    const unit = m[2] as string;
    const base = m[3] as string;
    const start = base === 'tomorrow' ? addDays(today, 1) : base === 'today' || base === 'now' ? today : nextWeekday(today, weekdayOf(base));
    if (!Number.isFinite(n) || n < 1 || n > 60) return false;
    return add(m, unit.startsWith('day') ? addDays(start, n) : unit.startsWith('week') ? addDays(start, 7 * n) : addMonths(start, n));
  });
  work.scan(WEEKDAY_AFTER_NEXT, (m) => add(m, addDays(weekdayInWeek(today, weekdayOf(m[1] as string), 1), 7)));
  work.scan(WEEKDAY_OF_WEEK, (m) => {
    const name = (m[1] ?? m[4]) as string;
    const which = (m[2] ?? m[3]) as string;
    const weekday = weekdayOf(name);
    let date = weekdayInWeek(today, weekday, which === 'this' ? 0 : 1);
    if (date < today) date = addDays(date, 7);
    return add(m, date, { explicit: true });
  });
  work.scan(TODAY, (m) => {
    const word = m[1] as string;
    if (word === 'tonight' || word.endsWith('evening')) partOfDay = 'evening';
    else if (word.endsWith('morning')) partOfDay = 'morning';
    else if (word.endsWith('afternoon')) partOfDay = 'afternoon';
    return add(m, today);
  });
  work.scan(TOMORROW, (m) => add(m, addDays(today, 1)));
  work.scan(IN_N, (m) => {
    const n = countOf(m[2] as string);
    const unit = m[3] as string;
    const end = unit.startsWith('day') ? addDays(today, n) : unit.startsWith('week') ? addDays(today, 7 * n) : addMonths(today, n);
    if (!Number.isFinite(n) || n < 1 || n > 60) return false;
    return m[1] === 'within' ? addRange(m, today, end) : add(m, end);
  });
  work.scan(MONTH_DAY, (m) => add(m, forwardDate(today, MONTH_NAMES[m[1] as string] ?? 0, Number(m[2]), m[3] ? Number(m[3]) : null), { explicit: true }));
  work.scan(DAY_MONTH, (m) => add(m, forwardDate(today, MONTH_NAMES[m[2] as string] ?? 0, Number(m[1]), m[3] ? Number(m[3]) : null), { explicit: true }));
  work.scan(NUMERIC, (m) => add(m, numericDate(m[0], today, ctx.now, ctx.zone, ctx.monthFirst), { explicit: true }));
  work.scan(MONTH_ONLY, (m) => {
    const part = m[1];
    const name = m[2] as string;
    // A bare month name is too often something else ("may I", "June Carter"): only "in June",
    // "early June", "for June"… are months.
    if (part === undefined) return false;
    const r = monthRange(today, MONTH_NAMES[name] ?? 1, part);
    return addRange(m, r.from, r.to);
  });
  work.scan(WEEK_RANGE, (m) => {
    const phrase = m[1] as string;
    const monday = mondayOf(today);
    const sunday = addDays(monday, 6);
    if (phrase === 'the week after next') return addRange(m, addDays(monday, 14), addDays(monday, 20));
    if (phrase.endsWith('week') && (phrase.startsWith('next') || phrase.startsWith('the following'))) return addRange(m, addDays(monday, 7), addDays(monday, 13));
    if (phrase === 'this week') return addRange(m, today, sunday);
    if (phrase.startsWith('later')) {
      if (phrase.endsWith('month')) return addRange(m, addDays(today, 1), isoDate(yearOf(today), monthOf(today), daysInMonth(yearOf(today), monthOf(today))));
      return addRange(m, addDays(today, 1), sunday);
    }
    if (phrase.includes('end of')) {
      const thursday = addDays(monday, 3);
      return addRange(m, today > thursday ? today : thursday, sunday);
    }
    if (phrase.endsWith('weekend')) {
      const next = phrase.startsWith('next');
      const saturday = addDays(monday, next ? 12 : 5);
      const from = saturday < today ? today : saturday;
      return addRange(m, from, addDays(monday, next ? 13 : 6));
    }
    if (phrase === 'next month') {
      const first = addMonths(isoDate(yearOf(today), monthOf(today), 1), 1);
      return addRange(m, first, isoDate(yearOf(first), monthOf(first), daysInMonth(yearOf(first), monthOf(first))));
    }
    if (phrase === 'this month') return addRange(m, today, isoDate(yearOf(today), monthOf(today), daysInMonth(yearOf(today), monthOf(today))));
    return false;
  });
  work.scan(WEEKDAY, (m) => {
    const modifier = m[1];
    const weekday = weekdayOf(m[2] as string);
    let date: string;
    if (modifier === 'next' || modifier === 'the following') date = weekdayInWeek(today, weekday, 1);
    else if (modifier === 'this') {
      date = weekdayInWeek(today, weekday, 0);
      if (date < today) date = addDays(date, 7);
    } else date = nextWeekday(today, weekday);
    return add(m, date, { weekday });
  });
  const sawWeekday = dates.some((d) => d.weekday !== undefined);
  work.scan(ORDINAL_DAY, (m) => {
    const prefix = m[1];
    const day = Number(m[2]);
    const ofMonth = m[4];
    const suffixOk = `${day}${m[3]}`;
    if (!/^(?:1st|2nd|3rd|\d*[04-9]th|1[123]th|21st|22nd|23rd|31st)$/.test(suffixOk)) return false;
    // "the 3rd around 4:30": a time said with it makes a low ordinal a day, not "the third one".
    const timeFollows = TIME_AFTER_ORDINAL.test(work.text.slice(m.index + m[0].length));
    const dateLike = prefix !== undefined || ofMonth !== undefined || day >= 4 || ctx.expect === 'date' || sawWeekday || timeFollows;
    if (!dateLike || ctx.expect === 'choice') return false;
    return add(m, nextDayOfMonth(today, day, ofMonth === 'of next month' ? 1 : 0), { explicit: true });
  });

  for (const m of chronoDates(work.masked, today, ctx.now, ctx.zone, ctx.monthFirst)) {
    dates.push(m);
    work.mask(m.start, m.end);
  }

  // "Thursday the 3rd", "Tuesday, December 1st": the day of the month decides.
  const explicit = dates.filter((d) => d.explicit);
  const kept = dates.filter((d) => d.weekday === undefined || !explicit.some((e) => Math.abs(e.start - d.end) <= 8 || Math.abs(d.start - e.end) <= 8));
  // "next week, maybe Tuesday": a bare weekday moves into the range it was said with.
  for (const d of kept) {
    if (d.weekday === undefined) continue;
    const range = ranges.find((r) => d.value < r.value.from || d.value > r.value.to);
    if (!range) continue;
    for (let day = range.value.from; day <= range.value.to; day = addDays(day, 1)) {
      if (isoWeekday(day) === d.weekday) {
        d.value = day;
        break;
      }
    }
  }
  kept.sort((a, b) => a.start - b.start);
  ranges.sort((a, b) => a.start - b.start);
  return { dates: kept.map(({ value, start, end }) => ({ value, start, end })), ranges, partOfDay };
}
