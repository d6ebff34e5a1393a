import type { TenantConfig } from '../../../../shared/contract/index.js';
import type { ActionArgs } from '../actions/types.js';
import type { Understanding } from '../understanding/types.js';
import { addDays as addLocalDays } from '../../../../shared/lib/civil-date.js';

/** A booking wish as plain JSON: what to book, with whom, and when, each part optional. */
export interface Wish {
  serviceId: string | null;
  providerId: string | null;
  date: string | null;
  time: string | null;
  partOfDay: 'morning' | 'afternoon' | 'evening' | null;
  after: string | null;
  before: string | null;
  earliest: boolean;
  fromDate: string | null;
  toDate: string | null;
}

export function emptyWish(): Wish {
  return { serviceId: null, providerId: null, date: null, time: null, partOfDay: null, after: null, before: null, earliest: false, fromDate: null, toDate: null };
}

/** True when the utterance says anything about when. */
export function saysWhen(u: Understanding): boolean {
  return u.date !== null || u.time !== null || u.partOfDay !== null || u.after !== null || u.before !== null || u.earliest || u.range !== null;
}

/** True when the caller ruled something out: "not Tuesday", "3 doesn't work", "not with Dr. Lee". */
export function rejects(u: Understanding): boolean {
  const r = u.rejected;
  return r !== undefined && (r.date !== null || r.time !== null || r.providerId !== null || r.serviceId !== null);
}

/** True when the utterance changes anything about the wish (when, what, or with whom). */
export function changesWish(u: Understanding): boolean {
  return saysWhen(u) || u.serviceId !== null || u.providerId !== null || rejects(u);
}

/**
 * The wish with what the caller just said laid over it. Only the parts they mentioned change,
 * so "no, Thursday instead" keeps the time; a more specific part clears the looser ones it
 * replaces (a clock time replaces "afternoon", a date replaces "next week").
 */
export function mergeWish(wish: Wish, u: Understanding, tenant: TenantConfig): Wish {
  const next: Wish = { ...wish };
  if (u.serviceId !== null) next.serviceId = u.serviceId;
  if (u.providerId !== null) next.providerId = u.providerId;
  if (u.range !== null) {
    next.fromDate = u.range.from;
    next.toDate = u.range.to;
    next.date = null;
  }
  if (u.date !== null) {
    next.date = u.date;
    next.fromDate = null;
    next.toDate = null;
    next.earliest = false;
  }
  if (u.earliest) {
    next.earliest = true;
    next.date = u.date;
    next.time = u.time;
    if (u.range === null) {
      next.fromDate = null;
      next.toDate = null;
    }
  }
  if (u.time !== null) {
    next.time = u.time;
    next.partOfDay = null;
    next.after = null;
    next.before = null;
  }
  if (u.partOfDay !== null) {
    next.partOfDay = u.partOfDay;
    if (u.time === null) next.time = null;
  }
  if (u.after !== null || u.before !== null) {
    next.after = u.after ?? next.after;
    next.before = u.before ?? next.before;
    if (u.time === null) next.time = null;
  }
  return withoutRejected(next, u, tenant);
}

/** Takes out what the caller ruled out, so the next search does not offer it again. */
function withoutRejected(wish: Wish, u: Understanding, tenant: TenantConfig): Wish {
  const r = u.rejected;
  if (!r) return wish;
  const next = { ...wish };
  if (r.serviceId !== null && next.serviceId === r.serviceId) next.serviceId = null;
  if (r.time !== null && next.time === r.time) next.time = null;
  if (r.providerId !== null) {
    if (next.providerId === r.providerId) next.providerId = null;
    // "Not with Maria" while anyone would do: when one other provider offers it, that is the wish.
    const others = tenant.services.find((s) => s.id === next.serviceId)?.providerIds.filter((id) => id !== r.providerId) ?? [];
    if (next.providerId === null && others.length === 1) next.providerId = others[0] ?? null;
  }
  if (r.date !== null) {
    if (next.date === r.date) next.date = null;
    // "Not tomorrow" and no other day: look from the day after.
    if (next.date === null && (next.fromDate === null || next.fromDate <= r.date)) {
      next.fromDate = addLocalDays(r.date, 1);
      if (next.toDate !== null && next.toDate < next.fromDate) next.toDate = null;
    }
  }
  return next;
}

/** Forget when (keep what and with whom): used when a day turned out to have nothing. */
export function withoutWhen(wish: Wish): Wish {
  return { ...emptyWish(), serviceId: wish.serviceId, providerId: wish.providerId };
}

/** A day, a part of day, a time, a range or "earliest" is enough to look for slots. */
export function hasWhen(wish: Wish): boolean {
  return wish.date !== null || wish.time !== null || wish.partOfDay !== null || wish.after !== null || wish.before !== null || wish.earliest || wish.fromDate !== null;
}

/** An exact day and time: if it is free we read it back instead of listing options. */
export function isExact(wish: Wish): wish is Wish & { date: string; time: string } {
  return wish.date !== null && wish.time !== null;
}

export function availabilityWish(wish: Wish): NonNullable<ActionArgs<'check_availability'>['wish']> {
  const out: NonNullable<ActionArgs<'check_availability'>['wish']> = {};
  if (wish.date !== null) out.date = wish.date;
  if (wish.time !== null) out.time = wish.time;
  if (wish.partOfDay !== null) out.partOfDay = wish.partOfDay;
  if (wish.after !== null) out.after = wish.after;
  if (wish.before !== null) out.before = wish.before;
  if (wish.earliest) out.earliest = true;
  if (wish.fromDate !== null) out.fromDate = wish.fromDate;
  if (wish.toDate !== null) out.toDate = wish.toDate;
  return out;
}
