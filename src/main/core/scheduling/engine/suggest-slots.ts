import { ContractError } from '../../../../shared/contract/index.js';
import { daysBetween, isLocalDate, parseClock } from './local-time.js';
import type { Slot, SlotWish, SuggestContext } from './types.js';
import type { LocalDay } from './zone-calendar.js';
import { ZoneCalendar } from './zone-calendar.js';

const SUGGESTIONS = 3;
const MIN_GAP_MS = 60 * 60_000;
const NOON = 12 * 60;
const PART_OF_DAY = { morning: [0, NOON], afternoon: [NOON, 17 * 60], evening: [17 * 60, 24 * 60] } as const;

interface Candidate {
  slot: Slot;
  date: string;
  /** What the clock reads at the start, in minutes after midnight. */
  minute: number;
  /** 0 before noon, 1 from noon on: "morning or afternoon" variety. */
  half: number;
  key: number[];
}

type Pick = (c: Candidate, picks: readonly Candidate[]) => boolean;

/**
 * The best (up to) three slots for what the caller asked, best first. Ranking, most important first:
 *
 * 1. With a specific time ("at 3") and no "earliest": that exact time (on the wished date, if any).
 * 2. Fewer unmet wishes: wished date, date range, part of day, after, before.
 * 3. Fewer days away from the wished date or range.
 * 4. With a specific time, fewer minutes from it; otherwise fewer minutes outside the wished
 *    part of day / after / before window (0 inside it).
 * 5. Sooner, then the slot list's own order (which is provider order at equal starts).
 *
 * Then they are picked so a caller hears real choices. With a specific time the exact slot and its
 * nearest neighbours are right (distinct start times only). Otherwise no two picks fall within 60
 * minutes on the same day; for "earliest" that is all; for a loose wish ("tomorrow", "next week",
 * "in the afternoon") the picks first try to differ in day and in half of the day. Variety is
 * only sought among the slots that meet the most wishes (down to 30 minutes apart when the wish
 * is narrow); when those run out, the next best are taken in ranking order (still 60 minutes
 * apart), so a relaxed wish stays close to the original. Several providers free at the same time
 * count as one choice until nothing else is left. "Earliest" outranks a wished time.
 * The picks are returned in ranking order.
 */
export function suggestSlots(slots: readonly Slot[], wish: SlotWish, ctx: SuggestContext): Slot[] {
  return pick(slots, wish, ctx).map((c) => c.slot);
}

/**
 * The suggestions when three slots among these meet every wish, else null. A search may try the
 * wished day (or range) alone first: when it yields three picks that meet every wish, a wider list
 * gives the same three, because every slot outside the wished dates misses a wish and so ranks, and
 * is picked, after them.
 */
export function suggestSlotsMeetingWish(slots: readonly Slot[], wish: SlotWish, ctx: SuggestContext): Slot[] | null {
  const picks = pick(slots, wish, ctx);
  return picks.length === SUGGESTIONS && picks.every((c) => c.key[1] === 0) ? picks.map((c) => c.slot) : null;
}

function pick(slots: readonly Slot[], wish: SlotWish, ctx: SuggestContext): Candidate[] {
  const ranked = rank(slots, wish, ctx);
  if (ranked.length === 0) return [];
  const bestTier = (ranked[0] as Candidate).key[1];
  const inBestTier = (c: Candidate) => c.key[1] === bestTier;

  const specific = !!wish.time && !wish.earliest;
  const loose = !wish.time && !wish.earliest;
  const distinctStart: Pick = (c, picks) => picks.every((p) => p.slot.start !== c.slot.start);
  const spacedBy =
    (gap: number): Pick =>
    (c, picks) =>
      picks.every((p) => p.date !== c.date || Math.abs(p.slot.start - c.slot.start) >= gap);
  const spaced = spacedBy(MIN_GAP_MS);
  const newDay: Pick = (c, picks) => picks.every((p) => p.date !== c.date);
  const newHalf: Pick = (c, picks) => picks.every((p) => p.half !== c.half);
  const newDayHalf: Pick = (c, picks) => picks.every((p) => p.date !== c.date || p.half !== c.half);
  const all = (...rules: Pick[]): Pick => (c, picks) => rules.every((rule) => rule(c, picks));

  const anyTier = () => true;
  // A narrow wish ("Wednesday before 10") may hold no two slots an hour apart; half that gap
  // inside the wish beats a full gap outside it.
  const varied: Pick[] = loose ? [all(newDay, newHalf), newDay, all(newDayHalf, spaced), spaced, spacedBy(MIN_GAP_MS / 2)] : [spaced, spacedBy(MIN_GAP_MS / 2)];
  const passes: { tier: (c: Candidate) => boolean; rule: Pick }[] = specific
    ? [{ tier: anyTier, rule: distinctStart }]
    : [...varied.map((rule) => ({ tier: inBestTier, rule })), { tier: anyTier, rule: spaced }, { tier: anyTier, rule: distinctStart }];
  passes.push({ tier: anyTier, rule: () => true });

  const picks: Candidate[] = [];
  const picked = new Set<Candidate>();
  for (const { tier, rule } of passes) {
    for (const c of ranked) {
      if (picks.length === SUGGESTIONS) break;
      if (!picked.has(c) && tier(c) && rule(c, picks)) {
        picks.push(c);
        picked.add(c);
      }
    }
  }
  return ranked.filter((c) => picked.has(c));
}

function rank(slots: readonly Slot[], wish: SlotWish, ctx: SuggestContext): Candidate[] {
  const time = clockOrNull(wish.time, 'time');
  const after = clockOrNull(wish.after, 'after');
  const before = clockOrNull(wish.before, 'before');
  const date = dateOrNull(wish.date, 'date');
  const fromDate = dateOrNull(wish.fromDate, 'fromDate');
  const toDate = dateOrNull(wish.toDate, 'toDate');
  const specific = time !== null && !wish.earliest;

  let lo = 0;
  let hi = 24 * 60;
  if (wish.partOfDay) [lo, hi] = PART_OF_DAY[wish.partOfDay];
  if (after !== null) lo = Math.max(lo, after);
  if (before !== null) hi = Math.min(hi, before);

  const calendar = new ZoneCalendar(ctx.tenant.timezone);
  const dayGap = new Map<string, { toDate: number; toRange: number }>();
  const gapsOf = (d: string) => {
    let gaps = dayGap.get(d);
    if (!gaps) {
      const beforeRange = fromDate !== null && d < fromDate ? daysBetween(d, fromDate) : 0;
      const afterRange = toDate !== null && d > toDate ? daysBetween(toDate, d) : 0;
      gaps = { toDate: date === null ? 0 : Math.abs(daysBetween(date, d)), toRange: beforeRange + afterRange };
      dayGap.set(d, gaps);
    }
    return gaps;
  };

  const candidates: Candidate[] = [];
  let day: LocalDay | undefined;
  slots.forEach((slot, index) => {
    if (slot.start < ctx.now) return;
    if (wish.providerId && slot.providerId !== wish.providerId) return;
    if (!day?.contains(slot.start)) day = calendar.dayContaining(slot.start);
    const minute = day.minuteOf(slot.start);
    const gaps = gapsOf(day.date);
    const part = wish.partOfDay ? PART_OF_DAY[wish.partOfDay] : null;
    const partMissed = part !== null && (minute < part[0] || minute >= part[1]);
    const unmet =
      Number(gaps.toDate > 0) +
      Number(gaps.toRange > 0) +
      Number(partMissed) +
      Number(after !== null && minute < after) +
      Number(before !== null && minute >= before);
    const exact = specific && minute === time && gaps.toDate === 0 && gaps.toRange === 0;
    const minutesOff = specific ? Math.abs(minute - (time as number)) : minute < lo ? lo - minute : minute >= hi ? minute - hi + 1 : 0;
    candidates.push({
      slot,
      date: day.date,
      minute,
      half: minute < NOON ? 0 : 1,
      key: [exact || !specific ? 0 : 1, unmet, gaps.toDate + gaps.toRange, minutesOff, slot.start, index],
    });
  });
  return candidates.sort((a, b) => compareKeys(a.key, b.key));
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const diff = (a[i] as number) - (b[i] as number);
    if (diff !== 0) return diff;
  }
  return 0;
}

function clockOrNull(value: string | null | undefined, field: string): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) throw new ContractError('invalid_input', `${field}: "${value}" is not a time like 15:30.`);
  return parseClock(value);
}

function dateOrNull(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (!isLocalDate(value)) throw new ContractError('invalid_input', `${field}: "${value}" is not a date like 2026-11-24.`);
  return value;
}
