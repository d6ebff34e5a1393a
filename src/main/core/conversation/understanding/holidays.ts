import { addDays, daysInMonth, isoDate, isoWeekday, yearOf } from './local-calendar.js';

/**
 * Holidays said by name ("are you open on Christmas Eve?", "the day after Thanksgiving"), as the
 * next such day on or after today. Days every calendar shares are named for all practices; those
 * of one country (Thanksgiving is November's in the US and October's in Canada) only for a practice
 * in it. Greetings ("merry Christmas", "happy Thanksgiving") are not dates.
 */

interface Holiday {
  /** Alternatives as a regular-expression source, longer names first where they share words. */
  names: string;
  on: (year: number) => string;
  /** ISO country codes it is kept in; every practice when absent. */
  countries?: readonly string[];
}

/** The n-th weekday (1 = Monday) of a month; n = -1 is the last. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  if (n > 0) {
    const first = isoDate(year, month, 1);
    return addDays(first, ((weekday - isoWeekday(first) + 7) % 7) + 7 * (n - 1));
  }
  const last = isoDate(year, month, daysInMonth(year, month));
  return addDays(last, -((isoWeekday(last) - weekday + 7) % 7));
}

const fixed = (month: number, day: number) => (year: number) => isoDate(year, month, day);
const usThanksgiving = (year: number) => nthWeekday(year, 11, 4, 4);

const HOLIDAYS: readonly Holiday[] = [
  { names: 'christmas eve|xmas eve', on: fixed(12, 24) },
  { names: 'christmas day|christmas|xmas', on: fixed(12, 25) },
  { names: 'boxing day', on: fixed(12, 26), countries: ['CA', 'GB', 'IE', 'AU', 'NZ'] },
  // The normaliser drops a possessive's "'s" ("new year's eve" → "new year eve").
  { names: "new year'?s? eve", on: fixed(12, 31) },
  { names: "new year'?s? day|new year'?s", on: fixed(1, 1) },
  { names: "valentine'?s? day|valentines", on: fixed(2, 14) },
  { names: 'halloween', on: fixed(10, 31) },
  { names: 'black friday', on: (year) => addDays(usThanksgiving(year), 1), countries: ['US'] },
  { names: 'thanksgiving day|thanksgiving', on: usThanksgiving, countries: ['US'] },
  { names: 'thanksgiving day|thanksgiving', on: (year) => nthWeekday(year, 10, 1, 2), countries: ['CA'] },
  { names: '(?:the )?fourth of july|(?:the )?4th of july|independence day', on: fixed(7, 4), countries: ['US'] },
  { names: 'memorial day', on: (year) => nthWeekday(year, 5, 1, -1), countries: ['US'] },
  { names: 'labou?r day', on: (year) => nthWeekday(year, 9, 1, 1), countries: ['US', 'CA'] },
  { names: "(?:mlk|martin luther king(?: jr)?)(?: day)?", on: (year) => nthWeekday(year, 1, 1, 3), countries: ['US'] },
  { names: "presidents?'?s? day", on: (year) => nthWeekday(year, 2, 1, 3), countries: ['US'] },
  { names: 'juneteenth', on: fixed(6, 19), countries: ['US'] },
  { names: "veterans?'?s? day", on: fixed(11, 11), countries: ['US'] },
  { names: 'canada day', on: fixed(7, 1), countries: ['CA'] },
  // The Monday on or before May 24th.
  { names: 'victoria day', on: (year) => addDays(isoDate(year, 5, 24), -((isoWeekday(isoDate(year, 5, 24)) + 6) % 7)), countries: ['CA'] },
];

export interface NamedHoliday {
  /** The name, or "the day after/before" it ("the day after Thanksgiving", "the day before Christmas Eve"). */
  pattern: RegExp;
  /** The next such day on or after `today`, for a match of `pattern`. */
  next(today: string, match: RegExpExecArray): string;
}

const byCountry = new Map<string, { any: RegExp; holidays: NamedHoliday[] }>();

/**
 * The holidays a practice's callers may name, in the order to look for them, and one pattern for
 * any of their names: most sentences name none, and one test is cheaper than one scan per holiday.
 */
export function holidaysFor(country: string): { any: RegExp; holidays: readonly NamedHoliday[] } {
  let found = byCountry.get(country);
  if (!found) {
    const kept = HOLIDAYS.filter((h) => !h.countries || h.countries.includes(country));
    const holidays = kept.map((h) => ({
      pattern: new RegExp(`(?<!\\b(?:merry|happy|a happy|a merry) )\\b(?:(?:the )?day (after|before) )?(?:${h.names})\\b`, 'g'),
      next: (today: string, match: RegExpExecArray) => {
        const offset = match[1] === 'after' ? 1 : match[1] === 'before' ? -1 : 0;
        const thisYear = addDays(h.on(yearOf(today)), offset);
        return thisYear >= today ? thisYear : addDays(h.on(yearOf(today) + 1), offset);
      },
    }));
    found = { any: new RegExp(`\\b(?:${kept.map((h) => h.names).join('|')})\\b`), holidays };
    byCountry.set(country, found);
  }
  return found;
}
