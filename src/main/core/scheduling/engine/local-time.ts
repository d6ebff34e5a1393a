import { DateTime } from 'luxon';
import type { Weekday } from '../../../../shared/contract/index.js';
import { weekdayKeyOf } from '../../../../shared/lib/civil-date.js';

export const MINUTE_MS = 60_000;
export const MINUTES_PER_DAY = 1440;

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

export { addDays, daysBetween } from '../../../../shared/lib/civil-date.js';

export function weekdayOf(date: string): Weekday {
  return weekdayKeyOf(date);
}

/** The local calendar date of an instant in `zone`. */
export function localDateOf(instant: number, zone: string): string {
  const date = DateTime.fromMillis(instant, { zone }).toISODate();
  if (date === null) throw new RangeError(`cannot place instant ${instant} in zone ${zone}`);
  return date;
}
