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
 * (`2026-11-24T09:00`) it is wall-clock in `zone`. A wall time that does not exist (the hour
 * skipped at a spring-forward change) is refused rather than silently moved.
 */
export function parseInstant(input: string, zone: string): ParsedInstant {
  const text = input.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) {
    return { ok: false, message: `"${input}" is not a date and time like 2026-11-24T09:00 or 2026-11-24T09:00:00-05:00` };
  }
  const hasOffset = /(Z|[+-]\d{2}(:?\d{2})?)$/i.test(text);
  const parsed = DateTime.fromISO(text, hasOffset ? { setZone: true } : { zone });
  if (!parsed.isValid) return { ok: false, message: `"${input}" is not a real date and time (${parsed.invalidExplanation ?? parsed.invalidReason})` };
  if (!hasOffset) {
    const wall = text.slice(11, 16);
    if (parsed.toFormat('HH:mm') !== wall) return { ok: false, message: `${text.slice(0, 16)} does not exist in ${zone} (the clocks skip that hour)` };
  }
  return { ok: true, epochMs: parsed.toMillis() };
}

/** "YYYY-MM-DD" that is a real calendar date. */
export function isLocalDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid;
}
