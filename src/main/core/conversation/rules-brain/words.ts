import { DateTime } from 'luxon';
import type { TenantConfig } from '../../../../shared/contract/index.js';
import { sayDate, sayTime } from '../../scheduling/index.js';

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const MONTH_DAY = new RegExp(`\\b(${MONTHS}) (\\d{1,2})\\b`, 'g');
// "3:00 PM" reads as "three o'clock P M" on some voices; a receptionist says "3 PM".
const ON_THE_HOUR = /\b(\d{1,2}):00(?=\s?[AaPp]\.?[Mm]\b)/g;

export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** Makes machine-made times and dates sound spoken: "November 24 at 3:00 PM" → "November 24th at 3 PM". */
export function tidySpoken(text: string): string {
  return text.replace(ON_THE_HOUR, '$1').replace(MONTH_DAY, (_match, month: string, day: string) => `${month} ${ordinal(Number(day))}`);
}

export function localDate(instant: number, tenant: TenantConfig): string {
  return DateTime.fromMillis(instant, { zone: tenant.timezone }).toISODate() ?? '';
}

/** "HH:MM" on the 24-hour clock, for matching "the 2:30" against offered times. */
export function localClock(instant: number, tenant: TenantConfig): string {
  return DateTime.fromMillis(instant, { zone: tenant.timezone }).toFormat('HH:mm');
}

export function addLocalDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate() ?? date;
}

/** "3 PM", "10:30 AM". */
export function clockWords(instant: number, tenant: TenantConfig): string {
  return tidySpoken(sayTime(instant, tenant));
}

/** "Tuesday, November 24th". */
export function dateWords(date: string, tenant: TenantConfig, now: number): string {
  return tidySpoken(sayDate(date, tenant, now));
}

/** "today", "tomorrow", "Wednesday" (within the week) or "Tuesday, December 1st". */
export function dayLabel(date: string, tenant: TenantConfig, now: number): string {
  const today = localDate(now, tenant);
  if (date === today) return 'today';
  if (date === addLocalDays(today, 1)) return 'tomorrow';
  const inAWeek = addLocalDays(today, 6);
  if (date > today && date <= inAWeek) return DateTime.fromISO(date, { zone: tenant.timezone }).setLocale(tenant.locale).toFormat('cccc');
  return dateWords(date, tenant, now);
}

/** "tomorrow at 9 AM", for lists of options. */
export function shortWhen(instant: number, tenant: TenantConfig, now: number): string {
  return `${dayLabel(localDate(instant, tenant), tenant, now)} at ${clockWords(instant, tenant)}`;
}

/** "today", "tomorrow", "on Wednesday", "on Tuesday, December 1st": a day as the object of a sentence. */
export function onDay(date: string, tenant: TenantConfig, now: number): string {
  const label = dayLabel(date, tenant, now);
  return label === 'today' || label === 'tomorrow' ? label : `on ${label}`;
}

/** "tomorrow at 3 PM", "on Wednesday at 10 AM". */
export function onWhen(instant: number, tenant: TenantConfig, now: number): string {
  return `${onDay(localDate(instant, tenant), tenant, now)} at ${clockWords(instant, tenant)}`;
}

/** "15:00" → "3 PM", "09:30" → "9:30 AM". */
export function timeWords(hhmm: string): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${hour12}${m ? `:${String(m).padStart(2, '0')}` : ''} ${h < 12 || h === 24 ? 'AM' : 'PM'}`;
}

/** "Tuesday, November 24th at 3 PM", for read-backs where there must be no doubt. */
export function fullWhen(instant: number, tenant: TenantConfig, now: number): string {
  return `${dateWords(localDate(instant, tenant), tenant, now)} at ${clockWords(instant, tenant)}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Teeth cleaning" → "teeth cleaning", but "MRI scan" stays as it is. */
export function lowerFirst(text: string): string {
  const second = text.charAt(1);
  return second && second === second.toLowerCase() ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

export function withArticle(phrase: string): string {
  return `${/^[aeiou]/i.test(phrase) ? 'an' : 'a'} ${phrase}`;
}

export function serviceWords(tenant: TenantConfig, serviceId: string | null): string {
  const service = tenant.services.find((s) => s.id === serviceId);
  return service ? lowerFirst(service.name) : 'appointment';
}

export function providerWords(tenant: TenantConfig, providerId: string | null): string {
  return tenant.providers.find((p) => p.id === providerId)?.name ?? 'someone';
}

/** Good enough for service names: "cleanings", "consultations", "braces" stays readable. */
export function plural(phrase: string): string {
  if (/(s|x|z|ch|sh)$/i.test(phrase)) return `${phrase}es`;
  if (/[^aeiou]y$/i.test(phrase)) return `${phrase.slice(0, -1)}ies`;
  return `${phrase}s`;
}

/** "a", "a or b", "a, b, or c". */
export function listWords(items: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return `${items[0]} ${conjunction} ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, ${conjunction} ${items[items.length - 1]}`;
}

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/** Digits spaced so text-to-speech reads "5 5 5" rather than "five hundred fifty-five". */
export function spellPhone(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  const spaced = (part: string) => part.split('').join(' ');
  if (national.length === 10) return `${spaced(national.slice(0, 3))}, ${spaced(national.slice(3, 6))}, ${spaced(national.slice(6))}`;
  return spaced(national);
}

// Words that make a short answer a sentence rather than a name ("I don't know", "not sure").
const NOT_NAMES = new Set([
  'yes', 'yeah', 'yep', 'no', 'nope', 'okay', 'ok', 'sure', 'hello', 'hi', 'hey', 'um', 'uh', 'hmm', 'what', 'sorry', 'pardon', 'thanks', 'thank',
  'you', 'bye', 'goodbye', 'nothing', 'none', 'help', 'appointment', 'please', 'i', "i'm", 'me', 'my', 'the', 'a', 'an', 'to', 'is', 'it', 'not',
  'dont', "don't", 'know', 'want', 'need', 'like', 'would', 'can', 'could', 'have', 'of', 'for', 'and', 'or', 'but', 'why', 'how', 'who', 'where',
  'when', 'this', 'that', 'just', 'maybe', 'again', 'repeat', 'wait', 'hold', 'on',
]);
const INTRO = /^(?:(?:my name is|my name's|this is|it's|it is|i'm|i am|name is|the name is|it's under|it is under|under)\s+)+/i;

/** A run of 1–4 name-like words, capitalized; null when any word is not name-like. */
function nameWords(text: string): string | null {
  const cleaned = text.trim().replace(/[.!?,]+$/g, '').replace(INTRO, '').trim();
  const words = cleaned.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 4) return null;
  if (!words.every((w) => /^[\p{L}][\p{L}'.-]*$/u.test(w))) return null;
  if (words.some((w) => NOT_NAMES.has(w.toLowerCase()))) return null;
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

/**
 * When we asked for a name and understanding found none, a short answer made of name-like words
 * ("Ann Lee") is taken as the name: callers answer that question with just their name. A longer
 * answer may end with it ("it's under my husband's name, Mark Lee").
 */
export function nameFromAnswer(text: string): string | null {
  const whole = nameWords(text);
  if (whole) return whole;
  const tail = /(?:,|\bname is|\bname's|\bunder)\s+([^,]+)$/i.exec(text.trim());
  return tail?.[1] ? nameWords(tail[1]) : null;
}
