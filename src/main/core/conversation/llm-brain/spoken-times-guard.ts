import { DateTime } from 'luxon';
import { WEEKDAYS, type TenantConfig } from '../../../../shared/contract/index.js';
import { sayDate } from '../../scheduling/index.js';
import { clockMentions, spokenSlots } from '../actions/spoken-slots.js';
import { mayNameSpanishClockTime, spanishToEnglish } from '../understanding/spanish.js';
import type { LlmState } from './llm-state.js';

const HOURS_TALK = /\b(open|opens|opening|close|closes|closed|closing|hours|until|till|lunch)\b/i;

const hoursByTenant = new WeakMap<TenantConfig, Set<string>>();

/** The practice's own opening and closing times: saying "we open at 8" is not offering a slot. */
function hoursClock(tenant: TenantConfig): Set<string> {
  const cached = hoursByTenant.get(tenant);
  if (cached) return cached;
  const times = new Set<string>();
  for (const d of WEEKDAYS) for (const [a, b] of tenant.hours[d]) times.add(a).add(b);
  for (const s of tenant.specialHours) for (const [a, b] of s.hours) times.add(a).add(b);
  for (const p of tenant.providers) if (p.hours) for (const d of WEEKDAYS) for (const [a, b] of p.hours[d]) times.add(a).add(b);
  hoursByTenant.set(tenant, times);
  return times;
}

interface LocalStart {
  date: string;
  time: string;
}

// Every sentence is checked against every time the call's results gave: each instant is put in the
// practice's zone once (Luxon's zone arithmetic is the costly part), and each day into words once.
const MEMO_LIMIT = 2_000;
const localStarts = new Map<string, LocalStart>();
const dayWords = new Map<string, string>();

function remember<V>(memo: Map<string, V>, key: string, make: () => V): V {
  const known = memo.get(key);
  if (known !== undefined) return known;
  const value = make();
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  memo.set(key, value);
  return value;
}

function localStart(start: number, zone: string): LocalStart {
  return remember(localStarts, `${zone}|${start}`, () => {
    const local = DateTime.fromMillis(start, { zone });
    return { date: local.toISODate() ?? '', time: local.toFormat('HH:mm') };
  });
}

/** The day as the tools put it into words ("Tuesday, December 1"), lower-cased. */
function spokenDay(date: string, tenant: TenantConfig, now: number): string {
  return remember(dayWords, `${tenant.timezone}|${tenant.locale}|${date}|${new Date(now).getUTCFullYear()}`, () => sayDate(date, tenant, now).toLowerCase());
}

/**
 * The cheap reading of a time's day: the words right before it are a known slot's own day as the
 * tool said it ("…Tuesday, December 1 at 1:00 PM"), so the time is that slot's. Anything else is
 * read by the understanding.
 */
function saidAsGiven(before: string, candidates: readonly LocalStart[], tenant: TenantConfig, now: number): boolean {
  const lead = before.toLowerCase().trimEnd();
  return candidates.some((k) => {
    const day = spokenDay(k.date, tenant, now);
    return lead.endsWith(`${day} at`) || lead.endsWith(`${day},`) || lead.endsWith(day);
  });
}

/**
 * No invented availability: every clock time in a sentence must be one the call's tool results
 * gave (an availability result or hold on that day, an appointment of the caller's, a time quoted
 * in an answer) or, in a sentence about opening hours, one of the practice's opening hours. Returns the times that are not, as "HH:MM".
 */
export function inventedTimes(said: string, state: LlmState, tenant: TenantConfig, now: number): string[] {
  // A sentence with no English clock time is read again through the Spanish reader ("el martes a
  // las 3 de la tarde"): a model answering in Spanish, asked to or not, is held to the same rule.
  const english = clockMentions(said);
  const sentence = english.length === 0 && mayNameSpanishClockTime(said) ? spanishToEnglish(said) : said;
  const mentions = sentence === said ? english : clockMentions(sentence);
  if (mentions.length === 0) return [];
  // "We open at 1 PM" is not an offer; "I have Wednesday at 1 PM" is, even when 1 PM is an opening time.
  const hours = HOURS_TALK.test(sentence) ? hoursClock(tenant) : new Set<string>();
  const quoted = new Set(state.quotedClock);
  const known = [...state.offered.map((o) => o.start), ...state.quotedStarts].map((start) => localStart(start, tenant.timezone));
  const bad: string[] = [];
  let dates: (string | null)[] | null = null;
  mentions.forEach((mention, i) => {
    if (mention.times.some((time) => hours.has(time) || quoted.has(time))) return;
    const sameTime = known.filter((k) => mention.times.includes(k.time));
    if (sameTime.length === 0) {
      bad.push(mention.times.at(-1)!);
      return;
    }
    // Only a time a result gave needs its day read, and only when it is not said as the tool said it.
    if (saidAsGiven(sentence.slice(0, mention.start), sameTime, tenant, now)) return;
    dates ??= spokenSlots(sentence, tenant, now, { providers: false }).map((m) => m.date);
    const date = dates[i] ?? null;
    if (date !== null && !sameTime.some((k) => k.date === date)) bad.push(mention.times.at(-1)!);
  });
  return bad;
}

/** Clock times written in a text, for `quotedClock`. */
export function clockTimesIn(text: string): string[] {
  return clockMentions(text).flatMap((m) => m.times);
}
