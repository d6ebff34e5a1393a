import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { daysInMonth, isoDate, yearOf } from './local-calendar.js';
import type { Mention } from './mentions.js';

/**
 * What chrono-node reads for us: numeric dates with the locale's endianness ("12/3"), and, as a
 * safety net, date phrasings the patterns in dates.ts do not know ("3 days from now", "end of
 * the month", "dec. 3rd"). Chrono is not trusted with the rest: a weekday alone means today to it,
 * "december the 3rd" loses its day, and en-GB reads "november 24" as November 2024.
 *
 * Chrono's reference: `timezone` must be an offset in minutes (it knows zone abbreviations, not
 * IANA names, and silently falls back to the machine's zone for one). Its results' components
 * (year, month, day) are then wall-clock in the practice's zone; `.date()` is never used.
 */

const GB = chrono.en.GB;
const US = chrono.en.casual;

export function monthDayForward(today: string, month: number, day: number, year: number | null): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const y = year ?? yearOf(today);
  if (day > daysInMonth(y, month)) return null;
  const candidate = isoDate(y, month, day);
  if (year === null && candidate < today) return monthDayForward(today, month, day, y + 1);
  return candidate;
}

function referenceAt(now: number, zone: string): chrono.ParsingReference {
  return { instant: new Date(now), timezone: DateTime.fromMillis(now, { zone }).offset };
}

/** "12/3" (or "12/3/27") as month/day or day/month. */
export function numericDate(text: string, today: string, now: number, zone: string, monthFirst: boolean): string | null {
  const result = (monthFirst ? US : GB).parse(text, referenceAt(now, zone))[0];
  if (!result || !result.start.isCertain('month') || !result.start.isCertain('day')) return null;
  const year = result.start.isCertain('year') ? (result.start.get('year') as number) : null;
  return monthDayForward(today, result.start.get('month') as number, result.start.get('day') as number, year);
}

const GATE = /\b(?:\d+ (?:days?|weeks?|months?)|(?:days?|weeks?|months?) from|from now|from today|end of the month|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b/;

/** "a week", "3 days": chrono dates them from today, but alone they are only a length. */
const BARE_DURATION = /^(?:(?:a|an|\d+|couple|few|the next|next) )?(?:days?|weeks?|months?)$/;

/** Dates chrono finds in what the patterns left over; none before today. */
export function chronoDates(masked: string, today: string, now: number, zone: string, monthFirst: boolean): Mention<string>[] {
  if (!GATE.test(masked)) return [];
  const found: Mention<string>[] = [];
  for (const r of (monthFirst ? US : GB).parse(masked, referenceAt(now, zone), { forwardDate: true })) {
    if (!r.start.isCertain('day') && !r.start.isCertain('weekday')) continue;
    // "push it back a week" is a shift, not a date.
    if (BARE_DURATION.test(r.text)) continue;
    const [y, m, d] = [r.start.get('year') as number, r.start.get('month') as number, r.start.get('day') as number];
    if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) continue;
    const date = isoDate(y, m, d);
    if (date < today) continue;
    found.push({ value: date, start: r.index, end: r.index + r.text.length });
  }
  return found;
}
