import { DateTime } from 'luxon';

/**
 * The appliance sends instants as ISO with the practice's offset (`2026-11-24T09:00:00-05:00`).
 * Staff think in the practice's wall clock, whatever zone this PC is in, so every helper here
 * keeps the offset as given instead of converting to the browser's zone.
 */
export function wallClock(iso: string): DateTime {
  return DateTime.fromISO(iso, { setZone: true });
}

/** "9:00 AM" */
export function formatTime(iso: string): string {
  return wallClock(iso).toFormat('h:mm a');
}

/** "9:00 – 9:45 AM", or "11:30 AM – 12:15 PM" across noon. */
export function formatTimeRange(startIso: string, endIso: string): string {
  const start = wallClock(startIso);
  const end = wallClock(endIso);
  if (start.toFormat('a') === end.toFormat('a')) return `${start.toFormat('h:mm')} – ${end.toFormat('h:mm a')}`;
  return `${start.toFormat('h:mm a')} – ${end.toFormat('h:mm a')}`;
}

/** "Wed, Nov 25" for a local date ("2026-11-25") or an ISO instant. */
export function formatDay(dateOrIso: string): string {
  return toDay(dateOrIso).toFormat('ccc, LLL d');
}

/** "Wednesday, November 25, 2026" */
export function formatDayLong(dateOrIso: string): string {
  return toDay(dateOrIso).toFormat('cccc, LLLL d, yyyy');
}

/** "Wed, Nov 25 · 9:00 AM" */
export function formatDayTime(iso: string): string {
  return `${formatDay(iso)} · ${formatTime(iso)}`;
}

/** "Wed, Nov 25 · 9:00 – 9:30 AM" */
export function formatDayTimeRange(startIso: string, endIso: string): string {
  return `${formatDay(startIso)} · ${formatTimeRange(startIso, endIso)}`;
}

/** The local date ("2026-11-25") an ISO instant falls on, on its own wall clock. */
export function localDateOfIso(iso: string): string {
  return wallClock(iso).toISODate() ?? iso.slice(0, 10);
}

/** Minutes since local midnight on the instant's own wall clock. */
export function minuteOfDay(iso: string): number {
  const t = wallClock(iso);
  return t.hour * 60 + t.minute;
}

export { addDays } from '../../shared/lib/civil-date.js';

/** The Monday of the week `date` falls in. */
export function startOfWeek(date: string): string {
  return DateTime.fromISO(date).startOf('week').toISODate() ?? date;
}

/** "mon" … "sun" for a local date. */
export function weekdayKey(date: string): 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun' {
  const keys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
  return keys[DateTime.fromISO(date).weekday - 1] ?? 'mon';
}

/** "09:30" → 570 */
export function parseClockMinutes(clock: string): number {
  const [h = '0', m = '0'] = clock.split(':');
  return Number(h) * 60 + Number(m);
}

/** 570 → "9:30 AM" (24:00 reads "12:00 AM"). */
export function formatMinuteOfDay(minute: number): string {
  return DateTime.fromObject({ hour: 0 }).plus({ minutes: minute }).toFormat('h:mm a');
}

/** 9 → "9 AM", 13 → "1 PM" */
export function formatHour(hour: number): string {
  return DateTime.fromObject({ hour: hour % 24 }).toFormat('h a');
}

/** Today's local date in `zone` at `epochMs` (the appliance's clock, which may be pinned). */
export function todayIn(zone: string, epochMs: number): string {
  return DateTime.fromMillis(epochMs, { zone }).toISODate() ?? DateTime.fromMillis(epochMs).toISODate() ?? '';
}

function toDay(dateOrIso: string): DateTime {
  return dateOrIso.length > 10 ? wallClock(dateOrIso) : DateTime.fromISO(dateOrIso);
}
