import { DateTime } from 'luxon';
import type { Weekday } from '../../../../shared/contract/index.js';

export const MINUTE_MS = 60_000;
export const MINUTES_PER_DAY = 1440;

const WEEKDAYS_FROM_MONDAY: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^(\d{2}):(\d{2})$/;

/** "HH:MM" → minutes after midnight; "24:00" → 1440. */
export function parseClock(value: string): number {
  const match = CLOCK.exec(value);
  if (!match) throw new RangeError(`not a clock time "HH:MM": ${value}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function formatClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

export function isLocalDate(value: string): boolean {
  return LOCAL_DATE.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}

/**
 * Calendar arithmetic on plain dates. A date has no zone, so this is UTC calendar math (no
 * offsets involved); it runs once per day of a query, which is why it avoids Luxon's parser.
 */
export function addDays(date: string, days: number): string {
  const [y, m, d] = splitDate(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [fy, fm, fd] = splitDate(from);
  const [ty, tm, td] = splitDate(to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000);
}

export function weekdayOf(date: string): Weekday {
  const [y, m, d] = splitDate(date);
  // getUTCDay counts from Sunday; Weekday lists from Monday.
  return WEEKDAYS_FROM_MONDAY[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7] as Weekday;
}

function splitDate(date: string): [number, number, number] {
  if (!LOCAL_DATE.test(date)) throw new RangeError(`not a date "YYYY-MM-DD": ${date}`);
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/** The local calendar date of an instant in `zone`. */
export function localDateOf(instant: number, zone: string): string {
  const date = DateTime.fromMillis(instant, { zone }).toISODate();
  if (date === null) throw new RangeError(`cannot place instant ${instant} in zone ${zone}`);
  return date;
}
