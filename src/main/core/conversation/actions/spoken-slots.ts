import type { TenantConfig } from '../../../../shared/contract/index.js';
import { understand } from '../understanding/index.js';

/** One date-and-time mentioned in a sentence, local to the practice. */
export interface SpokenSlot {
  /** "YYYY-MM-DD", or null when the sentence named no day for this time. */
  date: string | null;
  /** Every "HH:MM" the words could mean: "3 PM" is one, a bare "at 3" or "3 o'clock" is two. */
  times: string[];
  /** A provider named next to the time, when one was. */
  providerId: string | null;
}

// "3 PM", "3:30 p.m.", "10 o'clock", "noon", "at 3" (a bare hour after "at" is ambiguous).
const TIME = /\b(\d{1,2})(?::([0-5]\d))?\s*(a\.?\s?m\.?|p\.?\s?m\.?|o'?\s?clock)(?![a-z])|\b(noon|midday)\b|\bat (\d{1,2})(?::([0-5]\d))?(?![:\d]|\s*(?:%|percent|minutes|hours|days|years|a\.?\s?m|p\.?\s?m|o'?\s?clock))/gi;

const pad = (n: number) => String(n).padStart(2, '0');

function clockTimes(match: RegExpExecArray): string[] {
  if (match[4]) return ['12:00'];
  const hour = Number(match[1] ?? match[5]);
  const minute = Number(match[2] ?? match[6] ?? 0);
  if (hour > 23) return [];
  const suffix = (match[3] ?? '').toLowerCase().replace(/[^apm]/g, '');
  if (suffix === 'am') return hour <= 12 ? [`${pad(hour % 12)}:${pad(minute)}`] : [];
  if (suffix === 'pm') return hour <= 12 ? [`${pad((hour % 12) + 12)}:${pad(minute)}`] : [];
  if (hour === 0 || hour > 12) return [`${pad(hour)}:${pad(minute)}`];
  return [`${pad(hour % 12)}:${pad(minute)}`, `${pad((hour % 12) + 12)}:${pad(minute)}`];
}

/** Where a sentence names a clock time, and what it could mean; no understanding yet (cheap). */
export function clockMentions(text: string): { start: number; end: number; times: string[] }[] {
  return [...text.matchAll(TIME)].map((match) => ({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length, times: clockTimes(match) })).filter((m) => m.times.length > 0);
}

/**
 * The slots a sentence names: "Tuesday at 9, or Wednesday, November 25 at 10:30 AM with Dr. Lee"
 * → two. The words before each time are read by our own understanding (in the practice's zone,
 * relative to `now`), so "tomorrow" or "the 24th" resolve exactly as a caller's words would; a time
 * with no day of its own takes the day named before it in the same text.
 */
export function spokenSlots(text: string, tenant: TenantConfig, now: number, options: { providers?: boolean } = {}): SpokenSlot[] {
  // The same sentence is read when it is spoken (the invented-time guard, which needs no
  // providers) and again when a booking asks whether it was a read-back (which does): one reading
  // per practice, day and text, its providers read the first time someone asks for them.
  const key = `${Math.floor(now / DAY_MS)}|${text}`;
  let memo = readings.get(tenant);
  if (!memo) readings.set(tenant, (memo = new Map()));
  let reading = memo.get(key);
  if (!reading) {
    if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
    memo.set(key, (reading = readSlots(text, tenant, now)));
  }
  if (options.providers === false) return reading.slots;
  reading.withProviders ??= reading.slots.map((slot, i) => ({ ...slot, providerId: providerAfter(reading.afters[i]!, tenant, now) }));
  return reading.withProviders;
}

const DAY_MS = 86_400_000;
/** Where one clause ends and the next begins: a sentence's end, or "but". */
const CLAUSE_BREAK = /[.?!;](?=\s)|\bbut\b|\bpero\b/i;
const MEMO_LIMIT = 500;

interface Reading {
  /** Each time's day and clock, no provider. */
  slots: SpokenSlot[];
  /** The words after each time, where a provider would be named. */
  afters: string[];
  withProviders?: SpokenSlot[];
}
const readings = new WeakMap<TenantConfig, Map<string, Reading>>();

function readSlots(text: string, tenant: TenantConfig, now: number): Reading {
  const slots: SpokenSlot[] = [];
  const afters: string[] = [];
  const matches = clockMentions(text);
  let lastDate: string | null = null;
  matches.forEach((match, i) => {
    const before = text.slice(i === 0 ? 0 : matches[i - 1]!.end, match.end);
    // The day a time belongs to is the one named in its own clause: "I don't see one on Friday, but I
    // do see your cleaning on Wednesday at 10 AM" names Wednesday at 10. Earlier clauses only fill in.
    const clause = before.split(CLAUSE_BREAK).at(-1) ?? before;
    let heard = understand(clause, { tenant, now, expect: 'date' });
    if (!heard.date && !heard.rejected?.date && clause !== before) heard = understand(before, { tenant, now, expect: 'date' });
    // "move it from tomorrow at 9" is read as ruling tomorrow out, but it still names the day.
    const date = heard.date ?? heard.rejected?.date ?? lastDate;
    lastDate = date;
    // "… at 3 PM with Maria": the provider is named after its time, before the next one.
    afters.push(text.slice(match.end, matches[i + 1]?.start ?? text.length));
    slots.push({ date, times: match.times, providerId: null });
  });
  return { slots, afters };
}

function providerAfter(after: string, tenant: TenantConfig, now: number): string | null {
  return after.trim() ? understand(after, { tenant, now }).providerId : null;
}

/** Whether a mention names this exact local date and time (and, when it names one, this provider). */
export function mentionsSlot(mention: SpokenSlot, slot: { date: string; time: string; providerId: string }): boolean {
  return mention.date === slot.date && mention.times.includes(slot.time) && (mention.providerId === null || mention.providerId === slot.providerId);
}
