import { WEEKDAYS, type DayHours, type Language, type TenantConfig, type Weekday } from '../../../../shared/contract/index.js';
import { addDays, weekdayKeyOf } from '../../../../shared/lib/civil-date.js';
import { capitalize, clockOf, dayLabel, listWords, localDate, message, weekdayName, type MessageId, type MessageParams } from '../prompts/index.js';

type Say = (id: MessageId, params?: MessageParams) => string;

function parts(hhmm: string): number {
  return Number(hhmm.split(':')[0] ?? 0);
}

/** One day's hours: "8 AM to 5 PM with a lunch break from 12 to 1". */
function dayWords(lang: Language, say: Say, hours: DayHours): string {
  const clock = (hhmm: string) => clockOf(lang, hhmm, { named: true });
  const [first, second] = hours;
  if (first && second && hours.length === 2) {
    const breakStart = parts(first[1]);
    const id = breakStart >= 11 && breakStart <= 14 ? 'hours.rangeBreak' : 'hours.rangeOtherBreak';
    return say(id, { from: clock(first[0]), to: clock(second[1]), breakFrom: clockOf(lang, first[1], { bare: true }), breakTo: clockOf(lang, second[0], { bare: true }) });
  }
  return listWords(lang, hours.map(([from, to]) => say('hours.range', { from: clock(from), to: clock(to) })), 'and');
}

function daySpan(lang: Language, say: Say, days: Weekday[]): string {
  const first = weekdayName(lang, days[0] ?? 'mon');
  const last = weekdayName(lang, days[days.length - 1] ?? 'mon');
  if (days.length === 1) return first;
  return days.length === 2 ? listWords(lang, [first, last], 'and') : say('hours.span', { first, last });
}

/**
 * The week's hours the way a receptionist says them ("We're open Monday to Wednesday 8 AM to
 * 5 PM with a lunch break from 12 to 1, …"), then anything unusual today or tomorrow, which is
 * what a caller asking about hours usually needs to know.
 */
export function hoursSentences(tenant: TenantConfig, now: number, lang: Language = 'en'): string[] {
  const say: Say = (id, params) => message(lang, id, params);
  const groups: { days: Weekday[]; hours: DayHours }[] = [];
  for (const day of WEEKDAYS) {
    const hours = tenant.hours[day];
    const last = groups[groups.length - 1];
    if (last && JSON.stringify(last.hours) === JSON.stringify(hours)) last.days.push(day);
    else groups.push({ days: [day], hours });
  }
  const open = groups.filter((g) => g.hours.length > 0);
  const closed = groups.filter((g) => g.hours.length === 0).flatMap((g) => g.days);
  const sentences: string[] = [];
  if (open.length === 0) sentences.push(say('hours.none'));
  else {
    const days = open.map((g) => say('hours.group', { days: daySpan(lang, say, g.days), hours: dayWords(lang, say, g.hours) }));
    const [first, second] = days;
    // Two groups where the first already lists times with commas need the comma before "and" too.
    const joined = lang === 'en' && days.length === 2 && first && second && first.includes(',') ? `${first}, and ${second}` : listWords(lang, days, 'and');
    sentences.push(say('hours.open', { groups: joined }));
  }
  if (closed.length > 0 && open.length > 0) {
    const weekend = closed.length === 2 && closed.includes('sat') && closed.includes('sun');
    sentences.push(weekend ? say('hours.closedWeekends') : say('hours.closedOn', { days: listWords(lang, closed.map((d) => weekdayName(lang, d)), 'and') }));
  }
  const today = localDate(now, tenant);
  for (const date of [today, addDays(today, 1)]) {
    const note = unusualDay(tenant, date, now, lang, say);
    if (note) sentences.push(note);
  }
  return sentences;
}

function unusualDay(tenant: TenantConfig, date: string, now: number, lang: Language, say: Say): string | null {
  const day = dayLabel(lang, date, tenant, now);
  const closure = tenant.closures.find((c) => ('date' in c ? c.date === date : c.from <= date && date <= c.to));
  if (closure) return closure.reason ? say('hours.noteClosedReason', { day, reason: closure.reason }) : say('hours.noteClosed', { day });
  const special = tenant.specialHours.find((s) => s.date === date);
  if (!special) return null;
  if (special.hours.length === 0) return special.reason ? say('hours.noteClosedReason', { day, reason: special.reason }) : say('hours.noteClosed', { day });
  const hours = dayWords(lang, say, special.hours);
  return special.reason ? say('hours.noteSpecialReason', { day, reason: special.reason, hours }) : say('hours.noteSpecial', { day, hours });
}

/**
 * One day's hours, for "are you open Friday?": that day's regular hours, or its holiday hours
 * or closure with the reason ("Friday is the day after Thanksgiving, so we have special hours").
 */
export function dayHoursSentence(tenant: TenantConfig, date: string, now: number, lang: Language): string {
  const say: Say = (id, params) => message(lang, id, params);
  const day = dayLabel(lang, date, tenant, now);
  const closure = tenant.closures.find((c) => ('date' in c ? c.date === date : c.from <= date && date <= c.to));
  if (closure) return closure.reason ? say('hours.dayClosedReason', { day, reason: closure.reason }) : say('hours.dayClosed', { day });
  const special = tenant.specialHours.find((s) => s.date === date);
  if (special) {
    if (special.hours.length === 0) return special.reason ? say('hours.dayClosedReason', { day, reason: special.reason }) : say('hours.dayClosed', { day });
    const hours = dayWords(lang, say, special.hours);
    return special.reason ? say('hours.daySpecial', { day: capitalize(day), reason: special.reason, hours }) : say('hours.daySpecialPlain', { day: capitalize(day), hours });
  }
  const regular = tenant.hours[weekdayKeyOf(date)];
  if (regular.length === 0) return say('hours.dayClosed', { day });
  return say('hours.day', { day: capitalize(day), hours: dayWords(lang, say, regular) });
}
