import { DateTime } from 'luxon';

/**
 * Civil dates ("YYYY-MM-DD") in the practice's calendar. Only `localToday` touches a time zone
 * (through Luxon); the rest is calendar arithmetic on dates that have no zone, done in UTC so a
 * DST change cannot shift a day.
 */

const DAY_MS = 86_400_000;

/** The practice's date at `now`. */
export function localToday(zone: string, now: number): string {
  return DateTime.fromMillis(now, { zone }).toISODate() as string;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function utcMs(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

export function addDays(iso: string, days: number): string {
  const d = new Date(utcMs(iso) + days * DAY_MS);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(iso: string): number {
  const day = new Date(utcMs(iso)).getUTCDay();
  return day === 0 ? 7 : day;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

export function monthOf(iso: string): number {
  return Number(iso.slice(5, 7));
}

export function dayOf(iso: string): number {
  return Number(iso.slice(8, 10));
}

/** The Monday of the week holding `iso` (weeks run Monday to Sunday). */
export function mondayOf(iso: string): string {
  return addDays(iso, 1 - isoWeekday(iso));
}
