import type { Understanding } from '../understanding/types.js';
import { anythingElse } from './closing.js';
import { onWhen } from './slot-answers.js';
import type { Turn } from './turn.js';
import { changesWish } from './wish.js';
import { dayLabel } from './words.js';

/**
 * What the receptionist says about the waitlist, keyed by id so the sentences can be folded into
 * the prompt catalog (issue 13) without touching the flow.
 */
export const WAITLIST_WORDS = {
  offer: (day: string) => `I can put you on the waitlist for ${day} and text you if a time opens up. Would you like that, or is there another day that works?`,
  reprompt: (day: string) => `Shall I text you if something opens up ${day}? Please say yes, or tell me another day.`,
  joined: (day: string) => `Done. You're on the waitlist for ${day}; we'll text you as soon as a time opens up.`,
  otherDay: 'What other day would work for you?',
  orWait: (day: string) => `Or, if you'd rather wait for ${day}, say "waitlist" and we'll text you if a time opens up.`,
} as const;

/** "waitlist", "put me on the waiting list", "text me if something opens up". */
const WANTS_WAITLIST = /\b(?:wait ?list|waiting list|text me if|let me know if (?:something|anything|a time)|if (?:something|anything) (?:opens|frees|comes) up)\b/i;

export function wantsWaitlist(text: string): boolean {
  return WANTS_WAITLIST.test(text);
}

/**
 * The wished day is full and other days were offered: remember the day so "waitlist" can be
 * answered, and say so after the options. Null when the waitlist cannot be offered.
 */
export function waitlistHint(t: Turn, date: string | null | undefined, offeredDates: readonly string[]): string | null {
  if (!date || offeredDates.includes(date) || !canWaitlist(t)) return null;
  t.state.waitlistDate = date;
  return WAITLIST_WORDS.orWait(dayLabel(date, t.tenant, t.now));
}

function canWaitlist(t: Turn): boolean {
  return t.state.flow === 'book' && !!t.callerPhone && !!t.state.wish.serviceId && t.tenant.texts.enabled && t.tenant.texts.waitlist.enabled;
}

/** A full day, with the caller's number known: offer the waitlist for it instead of only another day. */
export function offerWaitlist(t: Turn, date: string): boolean {
  if (!canWaitlist(t)) return false;
  t.state.waitlistDate = date;
  const day = dayLabel(date, t.tenant, t.now);
  t.ask('offer_waitlist', WAITLIST_WORDS.offer(day), WAITLIST_WORDS.reprompt(day));
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
    t.ask('when', WAITLIST_WORDS.otherDay, WAITLIST_WORDS.otherDay);
    return true;
  }
  if (u.intent !== 'yes' && !wantsWaitlist(t.text)) return false;
  return joinWaitlist(t);
}

/** Adds the caller to the waitlist for the day we offered; false when there is no such day. */
export async function joinWaitlist(t: Turn): Promise<boolean> {
  const s = t.state;
  const date = s.waitlistDate ?? null;
  if (!date || !s.wish.serviceId) return false;
  const result = await t.run('join_waitlist', { serviceId: s.wish.serviceId, providerId: s.wish.providerId, fromDate: date, toDate: date, customerName: t.knownName() });
  s.waitlistDate = null;
  if (!result.ok) {
    t.speak(result.say);
    t.ask('when', WAITLIST_WORDS.otherDay, WAITLIST_WORDS.otherDay);
    return true;
  }
  // The caller got what they called for: no missed-call text. The outcome list has no
  // "waitlisted"; "answered" is the nearest without a schema change to the calls table.
  t.outcome = 'answered';
  anythingElse(t, WAITLIST_WORDS.joined(dayLabel(date, t.tenant, t.now)));
  return true;
}
