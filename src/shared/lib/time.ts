import { DateTime } from 'luxon';

/** An instant as ISO-8601 with the practice's local offset: `2026-11-24T09:00:00-05:00`. */
export function formatInstant(epochMs: number, zone: string): string {
  return DateTime.fromMillis(epochMs, { zone }).toISO({ suppressMilliseconds: true }) ?? new Date(epochMs).toISOString();
}

export function localDateOf(epochMs: number, zone: string): string {
  return DateTime.fromMillis(epochMs, { zone }).toISODate() ?? '';
}

export type ParsedInstant = { ok: true; epochMs: number } | { ok: false; message: string };

/**
 * Reads an ISO instant. With an offset or Z it is taken as written; without one
 * (`2026-11-24T09:00`) it is wall-clock in `zone`. Refused, each with its own sentence: a wall
 * time that does not exist (the hour skipped at a spring-forward change), a wall time that exists
 * twice (the hour repeated at a fall-back change: the offset says which one), `24:00` (a day's
 * end, not a start), and an offset no zone has (beyond ±14:00, or minutes over 59).
 */
export function parseInstant(input: string, zone: string): ParsedInstant {
  const text = input.trim();
  const shape = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(text);
  if (!shape) {
    return { ok: false, message: `"${input}" is not a date and time like 2026-11-24T09:00 or 2026-11-24T09:00:00-05:00` };
  }
  const [, date = '', hour = '', minute = '', offset] = shape;
  if (hour === '24') {
    const nextDay = DateTime.fromISO(date, { zone: 'utc' }).plus({ days: 1 }).toISODate();
    return { ok: false, message: `${date}T24:00 is the end of a day, not a start time; write ${nextDay ?? 'the next day'}T00:00 instead` };
  }
  if (offset && !/^z$/i.test(offset)) {
    const digits = offset.replace(/[+:-]/g, '');
    const hours = Number(digits.slice(0, 2));
    const minutes = Number(digits.slice(2) || '0');
    const limit = offset.startsWith('-') ? 12 : 14;
    if (minutes > 59 || hours * 60 + minutes > limit * 60) {
      return { ok: false, message: `"${offset}" in "${input}" is not a UTC offset (offsets run from -12:00 to +14:00)` };
    }
  }
  const parsed = DateTime.fromISO(text, offset ? { setZone: true } : { zone });
  if (!parsed.isValid) return { ok: false, message: `"${input}" is not a real date and time (${parsed.invalidExplanation ?? parsed.invalidReason})` };
  if (!offset) {
    const wall = `${hour}:${minute}`;
    if (parsed.toFormat('HH:mm') !== wall) return { ok: false, message: `${text.slice(0, 16)} does not exist in ${zone} (the clocks skip that hour)` };
    const occurrences = [...new Set(parsed.getPossibleOffsets().map((dt) => dt.toMillis()))].sort((a, b) => a - b);
    if (occurrences.length > 1) {
      const [first, second] = occurrences.map((ms) => formatInstant(ms, zone));
      return {
        ok: false,
        message: `${text.slice(0, 16)} happens twice in ${zone} (the clocks go back that night); say which with its offset: ${first} (the first time) or ${second} (the second)`,
      };
    }
  }
  return { ok: true, epochMs: parsed.toMillis() };
}

/** "YYYY-MM-DD" that is a real calendar date. */
export function isLocalDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid;
}
