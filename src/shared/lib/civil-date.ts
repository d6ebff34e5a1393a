/**
 * Civil dates ("YYYY-MM-DD"): calendar arithmetic on dates that have no zone. Done in UTC, so a
 * DST change can never shift a day, and without Luxon's parser because the availability engine
 * runs it once per day of every query. The one place such arithmetic lives (engine, understanding,
 * dialog and console all use it).
 */

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function splitDate(date: string): [number, number, number] {
  if (!LOCAL_DATE.test(date)) throw new RangeError(`not a date "YYYY-MM-DD": ${date}`);
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function utcMs(date: string): number {
  const [y, m, d] = splitDate(date);
  return Date.UTC(y, m - 1, d);
}

/** `date` moved by whole days ("2026-11-23", 7 → "2026-11-30"). */
export function addDays(date: string, days: number): string {
  const d = new Date(utcMs(date) + days * DAY_MS);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMs(to) - utcMs(from)) / DAY_MS);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(utcMs(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/** "mon" … "sun". */
export function weekdayKeyOf(date: string): WeekdayKey {
  return WEEKDAY_KEYS[isoWeekday(date) - 1] as WeekdayKey;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

export function monthOf(date: string): number {
  return Number(date.slice(5, 7));
}

export function dayOf(date: string): number {
  return Number(date.slice(8, 10));
}

/** The Monday of the week holding `date` (weeks run Monday to Sunday). */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}
