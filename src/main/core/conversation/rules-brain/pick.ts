import type { TenantConfig } from '../../../../shared/contract/index.js';
import type { OfferedSlot } from '../actions/types.js';
import { addDays } from '../../../../shared/lib/civil-date.js';
import { capitalize, dayLabel, listedClock, listWords, localClock, localDate, shortWhen } from '../prompts/index.js';
import type { Understanding } from '../understanding/types.js';
import type { Turn } from './turn.js';

/** Offered slots and found appointments are both picked by position, day, time or service. */
interface Pickable {
  start: number;
  serviceId: string;
}

export type Picked<T> = { kind: 'one'; item: T } | { kind: 'several'; items: T[] } | { kind: 'none' };

/** "03:00" ↔ "15:00": "the 3 o'clock" may come back on either half of the clock. */
function otherHalf(hhmm: string): string {
  const h = Number(hhmm.slice(0, 2));
  return `${String((h + 12) % 24).padStart(2, '0')}${hhmm.slice(2)}`;
}

function partOf(instant: number, tenant: TenantConfig): 'morning' | 'afternoon' | 'evening' {
  const h = Number(localClock(instant, tenant).slice(0, 2));
  return h < 12 ? 'morning' : h < 17 ? 'afternoon' : 'evening';
}

/**
 * Which of the items the caller meant: "the second one", "the 2:30", "Wednesday", "the exam".
 * `none` when the utterance names nothing among them (it may be a new wish instead). A time said
 * with its part of day ("3 in the afternoon") only matches that half of the clock.
 */
export function resolvePick<T extends Pickable>(items: readonly T[], u: Understanding, tenant: TenantConfig): Picked<T> {
  if (u.choice !== null) {
    const item = items[u.choice - 1];
    return item ? { kind: 'one', item } : { kind: 'none' };
  }
  let matches = [...items];
  let narrowed = false;
  if (u.date !== null) {
    matches = matches.filter((i) => localDate(i.start, tenant) === u.date);
    narrowed = true;
  }
  if (u.time !== null) {
    const times = u.timeHasMeridiem ? [u.time] : [u.time, otherHalf(u.time)];
    matches = matches.filter((i) => times.includes(localClock(i.start, tenant)));
    narrowed = true;
  } else if (u.partOfDay !== null) {
    matches = matches.filter((i) => partOf(i.start, tenant) === u.partOfDay);
    narrowed = true;
  }
  // Naming a service picks among appointments; among slots (all one service) it is a new wish.
  if (u.serviceId !== null && !items.every((i) => i.serviceId === u.serviceId)) {
    matches = matches.filter((i) => i.serviceId === u.serviceId);
    narrowed = true;
  }
  // "The earliest", "first thing", "whatever's soonest": the earliest of what is left.
  if (u.earliest && u.time === null && matches.length > 1) {
    matches = [matches.reduce((a, b) => (b.start < a.start ? b : a))];
    narrowed = true;
  }
  if (!narrowed) return { kind: 'none' };
  const [first] = matches;
  if (matches.length === 1 && first) return { kind: 'one', item: first };
  return matches.length > 1 ? { kind: 'several', items: matches } : { kind: 'none' };
}

/** "I have Tuesday at 9 AM, Tuesday at 2:30 PM, or Wednesday at 10 AM." — one day is said once. */
export function optionsSentence(t: Turn, slots: readonly OfferedSlot[]): string {
  const { tenant, now, lang } = t;
  const [first] = slots;
  if (!first) return '';
  if (slots.length === 1) return t.m('options.one', { when: shortWhen(lang, first.start, tenant, now) });
  const days = new Set(slots.map((s) => localDate(s.start, tenant)));
  if (days.size === 1) {
    const day = dayLabel(lang, localDate(first.start, tenant), tenant, now);
    const times = listWords(lang, slots.map((s) => listedClock(lang, localClock(s.start, tenant))));
    const today = localDate(now, tenant);
    const date = localDate(first.start, tenant);
    if (date === today || date === addDays(today, 1)) return t.m('options.todayTomorrow', { day: capitalize(day), times });
    return t.m(day.includes(',') ? 'options.oneDayComma' : 'options.oneDay', { day, times });
  }
  return t.m('options.many', { whens: listWords(lang, slots.map((s) => shortWhen(lang, s.start, tenant, now))) });
}

export function whenList(t: Turn, starts: readonly number[]): string {
  return listWords(t.lang, starts.map((s) => shortWhen(t.lang, s, t.tenant, t.now)));
}
