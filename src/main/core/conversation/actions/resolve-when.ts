import { DateTime } from 'luxon';
import type { TenantConfig } from '../../../../shared/contract/index.js';
import { understand } from '../understanding/index.js';
import { CallerRefusal } from './refusal.js';
import type { ActionArgs } from './types.js';

type Wish = NonNullable<ActionArgs<'check_availability'>['wish']>;

/**
 * A start given as epoch ms, a local ISO time, or the caller's words → epoch ms, always resolved in
 * the practice's zone (an offset in the text wins) and never by a model's arithmetic.
 */
export function resolveStart(value: number | string, tenant: TenantConfig, now: number): number {
  if (typeof value === 'number') return value;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
    const parsed = DateTime.fromISO(value, { zone: tenant.timezone, setZone: /([+-]\d{2}:?\d{2}|Z)$/.test(value) });
    if (parsed.isValid) return parsed.toMillis();
  } else {
    const heard = heardWhen(value, tenant, now);
    if (heard.date && heard.time) {
      const parsed = DateTime.fromISO(`${heard.date}T${heard.time}`, { zone: tenant.timezone });
      if (parsed.isValid) return parsed.toMillis();
    }
  }
  throw new CallerRefusal('invalid_input', 'llm.unclearWhen');
}

/** The caller's words about when, read by our understanding, filling what the wish leaves open. */
export function wishFromWords(words: string | undefined, wish: Wish, tenant: TenantConfig, now: number): Wish {
  if (!words?.trim()) return wish;
  const heard = heardWhen(words, tenant, now);
  return {
    ...wish,
    date: wish.date ?? heard.date,
    time: wish.time ?? heard.time,
    partOfDay: wish.partOfDay ?? heard.partOfDay,
    after: wish.after ?? heard.after,
    before: wish.before ?? heard.before,
    earliest: wish.earliest ?? (heard.earliest || undefined),
    fromDate: wish.fromDate ?? heard.range?.from ?? null,
    toDate: wish.toDate ?? heard.range?.to ?? null,
  };
}

/** The caller's words in English, else in Spanish ("el martes 1 de diciembre por la tarde"). */
function heardWhen(words: string, tenant: TenantConfig, now: number) {
  const english = understand(words, { tenant, now, expect: 'date' });
  if (english.date || english.time || english.partOfDay || english.range || english.earliest) return english;
  return understand(words, { tenant, now, expect: 'date', language: 'es' });
}
