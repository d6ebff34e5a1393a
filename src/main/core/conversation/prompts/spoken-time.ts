import { DateTime } from 'luxon';
import type { Language, TenantConfig } from '../../../../shared/contract/index.js';
import { addDays, weekdayKeyOf, yearOf, type WeekdayKey } from '../../../../shared/lib/civil-date.js';

/**
 * The one place dates and times are put into words for a caller, per language:
 * "Tuesday, November 24th at 3 PM" / "el martes 24 de noviembre a las 3 de la tarde".
 * Text-to-speech reads these aloud, so they are written the way a receptionist says them
 * ("3 PM", not "3:00 PM"; "24th", not "24").
 */

const WEEKDAYS: Record<Language, Record<WeekdayKey, string>> = {
  en: { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' },
  es: { mon: 'lunes', tue: 'martes', wed: 'miércoles', thu: 'jueves', fri: 'viernes', sat: 'sábado', sun: 'domingo' },
};
const MONTHS: Record<Language, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
};
const CONJUNCTIONS: Record<Language, { or: string; and: string }> = { en: { or: 'or', and: 'and' }, es: { or: 'o', and: 'y' } };

export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

export function weekdayName(lang: Language, day: WeekdayKey): string {
  return WEEKDAYS[lang][day];
}

/** "a", "a or b", "a, b, or c" / "a, b o c". */
export function listWords(lang: Language, items: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  const word = CONJUNCTIONS[lang][conjunction];
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return `${items[0]} ${word} ${items[1]}`;
  const head = items.slice(0, -1).join(', ');
  // Spanish uses no comma before "y"/"o"; English keeps the serial comma.
  return lang === 'es' ? `${head} ${word} ${items[items.length - 1]}` : `${head}, ${word} ${items[items.length - 1]}`;
}

function parts(hhmm: string): { h: number; m: number } {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return { h, m };
}

function minutes(m: number): string {
  return m ? `:${String(m).padStart(2, '0')}` : '';
}

/**
 * "15:00" → "3 PM" / "3 de la tarde"; with `bare` the half of the day is left out ("from 12 to 1").
 * `named`: noon and midnight by name, as in opening hours.
 */
export function clockOf(lang: Language, hhmm: string, opts: { bare?: boolean; named?: boolean } = {}): string {
  const { h, m } = parts(hhmm);
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  if (opts.named && m === 0 && h === 12) return lang === 'es' ? 'mediodía' : 'noon';
  if (opts.named && m === 0 && (h === 0 || h === 24)) return lang === 'es' ? 'medianoche' : 'midnight';
  const clock = `${hour12}${minutes(m)}`;
  if (opts.bare) return clock;
  if (lang === 'en') return `${clock} ${h < 12 || h === 24 ? 'AM' : 'PM'}`;
  const half = h < 12 || h === 24 ? 'de la mañana' : h === 12 ? 'del mediodía' : h < 19 ? 'de la tarde' : 'de la noche';
  return `${clock} ${half}`;
}

/** "at 3 PM" / "a las 3 de la tarde" ("a la 1" in Spanish). */
export function atClock(lang: Language, hhmm: string): string {
  const clock = clockOf(lang, hhmm);
  if (lang === 'en') return `at ${clock}`;
  return parts(hhmm).h % 12 === 1 ? `a la ${clock}` : `a las ${clock}`;
}

/** A time in a list after the day was said once: "9 AM, 2:30 PM" / "a las 9 de la mañana, a las 2:30 de la tarde". */
export function listedClock(lang: Language, hhmm: string): string {
  return lang === 'en' ? clockOf(lang, hhmm) : atClock(lang, hhmm);
}

export function localDate(instant: number, tenant: TenantConfig): string {
  return DateTime.fromMillis(instant, { zone: tenant.timezone }).toISODate() ?? '';
}

/** "HH:MM" on the 24-hour clock, in the practice's zone. */
export function localClock(instant: number, tenant: TenantConfig): string {
  return DateTime.fromMillis(instant, { zone: tenant.timezone }).toFormat('HH:mm');
}

/** "Tuesday, November 24th" / "el martes 24 de noviembre" (the year when it is not this year's). */
export function dateWords(lang: Language, date: string, tenant: TenantConfig, now: number): string {
  const weekday = WEEKDAYS[lang][weekdayKeyOf(date)];
  const month = MONTHS[lang][Number(date.slice(5, 7)) - 1] ?? '';
  const day = Number(date.slice(8, 10));
  const year = yearOf(date) === yearOf(localDate(now, tenant)) ? '' : String(yearOf(date));
  if (lang === 'es') return `el ${weekday} ${day} de ${month}${year ? ` de ${year}` : ''}`;
  return `${weekday}, ${month} ${ordinal(day)}${year ? `, ${year}` : ''}`;
}

/** "today", "tomorrow", "Wednesday" (within the week) or the full date. */
export function dayLabel(lang: Language, date: string, tenant: TenantConfig, now: number): string {
  const today = localDate(now, tenant);
  if (date === today) return lang === 'es' ? 'hoy' : 'today';
  if (date === addDays(today, 1)) return lang === 'es' ? 'mañana' : 'tomorrow';
  if (date > today && date <= addDays(today, 6)) return lang === 'es' ? `el ${WEEKDAYS.es[weekdayKeyOf(date)]}` : WEEKDAYS.en[weekdayKeyOf(date)];
  return dateWords(lang, date, tenant, now);
}

/** A day as the object of a sentence: "tomorrow", "on Wednesday" / "mañana", "el miércoles". */
export function onDay(lang: Language, date: string, tenant: TenantConfig, now: number): string {
  const label = dayLabel(lang, date, tenant, now);
  if (lang === 'es') return label;
  return label === 'today' || label === 'tomorrow' ? label : `on ${label}`;
}

/** "tomorrow at 9 AM", for lists of options. */
export function shortWhen(lang: Language, instant: number, tenant: TenantConfig, now: number): string {
  return `${dayLabel(lang, localDate(instant, tenant), tenant, now)} ${atClock(lang, localClock(instant, tenant))}`;
}

/** "on Wednesday at 10 AM". */
export function onWhen(lang: Language, instant: number, tenant: TenantConfig, now: number): string {
  return `${onDay(lang, localDate(instant, tenant), tenant, now)} ${atClock(lang, localClock(instant, tenant))}`;
}

/** "Tuesday, November 24th at 3 PM", for read-backs where there must be no doubt. */
export function fullWhen(lang: Language, instant: number, tenant: TenantConfig, now: number): string {
  return `${dateWords(lang, localDate(instant, tenant), tenant, now)} ${atClock(lang, localClock(instant, tenant))}`;
}

export function clockWords(lang: Language, instant: number, tenant: TenantConfig): string {
  return clockOf(lang, localClock(instant, tenant));
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
