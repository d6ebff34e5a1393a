/**
 * Opening hours as people write them: "9:00 AM" where the 12-hour clock is the habit (the United
 * States and other English-speaking countries that use it), "09:00" elsewhere. The stored value
 * is always the canonical "HH:MM" on a 24-hour clock ("24:00" closes a day at midnight).
 */

/** Locales whose people read and write times on a 12-hour clock. */
const TWELVE_HOUR_LOCALES = new Set(['en', 'en-US', 'en-CA', 'en-PR', 'en-AU', 'en-NZ', 'en-PH', 'en-IN']);

export function usesTwelveHourClock(locale: string): boolean {
  return TWELVE_HOUR_LOCALES.has(locale);
}

const CANONICAL = /^(([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/** "17:30" → "5:30 PM" (12-hour) or "17:30"; anything not canonical is shown as typed. */
export function formatClockTime(canonical: string, twelveHour: boolean): string {
  if (!CANONICAL.test(canonical) || !twelveHour) return canonical;
  const [h = 0, m = 0] = canonical.split(':').map(Number);
  const hour = h % 24;
  const suffix = hour < 12 ? 'AM' : 'PM';
  return `${hour % 12 === 0 ? 12 : hour % 12}:${String(m).padStart(2, '0')} ${suffix}`;
}

const TYPED = /^(\d{1,2})(?:[:.h]?(\d{2}))?\s*(?:([ap])\.?\s*m?\.?)?$/i;

/**
 * What a person typed ("9", "9:00", "9am", "5:30 p.m.", "17:30", "0930") as the canonical "HH:MM",
 * or null when it is not a time. A 24-hour time is understood in a 12-hour practice too. The end
 * of an interval at midnight ("12:00 AM", "00:00") is the end of the day, "24:00".
 */
export function parseClockTime(typed: string, options: { end?: boolean } = {}): string | null {
  const match = TYPED.exec(typed.trim());
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  const half = match[3]?.toLowerCase();
  if (minute > 59) return null;
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  } else if (hour > 24 || (hour === 24 && minute > 0)) {
    return null;
  }
  if (options.end && hour === 0 && minute === 0) hour = 24;
  if (hour === 24 && !options.end) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** An example time in the practice's format, for hints and error messages. */
export function exampleClockTime(twelveHour: boolean): string {
  return twelveHour ? '9:00 AM' : '09:00';
}
