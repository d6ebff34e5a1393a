import { dayLabel, onDay } from '../prompts/index.js';
import { spanishToEnglish } from '../understanding/spanish.js';
import type { Understanding } from '../understanding/types.js';
import { anythingElse } from './closing.js';
import { askQuestion } from './questions.js';
import { askWhen } from './slot-flow.js';
import { onWhen } from './slot-answers.js';
import type { Turn } from './turn.js';
import { changesWish } from './wish.js';

/**
 * "waitlist", "put me on the waiting list", "text me if something opens up". Spanish callers are
 * read through their English rewriting ("lista de espera" → "waitlist", see understanding/spanish.ts).
 */
const WANTS_WAITLIST = /\b(?:wait ?list|waiting list|text me if|let me know if (?:something|anything|a time)|if (?:something|anything) (?:opens|frees|comes) up)\b/i;

export function wantsWaitlist(t: Turn): boolean {
  return WANTS_WAITLIST.test(t.lang === 'es' ? spanishToEnglish(t.text) : t.text);
}

function canWaitlist(t: Turn): boolean {
  return t.state.flow === 'book' && !!t.callerPhone && !!t.state.wish.serviceId && t.tenant.texts.enabled && t.tenant.texts.waitlist.enabled;
}

/**
 * The wished day is full and other times are being offered: remember the day so "waitlist" can be
 * answered, and return the sentence that says so after the options. Null (and nothing remembered)
 * when the waitlist cannot be offered or the options include the wished day.
 */
export function waitlistHint(t: Turn, date: string | null | undefined, offeredDates: readonly string[]): string | null {
  if (!date || offeredDates.includes(date) || !canWaitlist(t)) {
    t.state.waitlistDate = null;
    return null;
  }
  t.state.waitlistDate = date;
  return t.m('waitlist.orWait', { day: dayLabel(t.lang, date, t.tenant, t.now) });
}

/** A full day with nothing near it either, the caller's number known: offer the waitlist for it. */
export function offerWaitlist(t: Turn, date: string): boolean {
  if (!canWaitlist(t)) return false;
  t.state.waitlistDate = date;
  askQuestion(t, 'offer_waitlist', { params: { day: dayLabel(t.lang, date, t.tenant, t.now), onDay: onDay(t.lang, date, t.tenant, t.now) } });
  return true;
}

export async function onOfferWaitlist(t: Turn, u: Understanding): Promise<boolean> {
  const s = t.state;
  if (changesWish(u)) {
    s.waitlistDate = null;
    return onWhen(t, u);
  }
  if (u.intent === 'no') {
    s.waitlistDate = null;
    askWhen(t, 'when.askOther');
    return true;
  }
  if (u.intent !== 'yes' && !wantsWaitlist(t)) return false;
  return joinWaitlist(t);
}

/** Adds the caller to the waitlist for the day on offer; false when there is no such day. */
export async function joinWaitlist(t: Turn): Promise<boolean> {
  const s = t.state;
  const date = s.waitlistDate;
  if (!date || !s.wish.serviceId) return false;
  const result = await t.run('join_waitlist', { serviceId: s.wish.serviceId, providerId: s.wish.providerId, fromDate: date, toDate: date, customerName: t.knownName() });
  s.waitlistDate = null;
  if (!result.ok) {
    t.speak(t.failureWords(result));
    askWhen(t, 'when.askOther');
    return true;
  }
  s.offered = [];
  // The caller got what they called for: no missed-call text. The outcome list has no
  // "waitlisted"; "answered" is the nearest without a schema change to the calls table.
  t.outcome = 'answered';
  anythingElse(t, t.m('waitlist.joined', { day: dayLabel(t.lang, date, t.tenant, t.now) }));
  return true;
}
