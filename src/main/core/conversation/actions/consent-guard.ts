import { DateTime } from 'luxon';
import type { TenantConfig } from '../../../../shared/contract/index.js';
import { spanishToEnglish } from '../understanding/spanish.js';
import { understand } from '../understanding/index.js';
import type { CallConversation, SpokenLine } from './ports.js';
import { mentionsSlot, spokenSlots, type SpokenSlot } from './spoken-slots.js';
import type { ActionContext } from './types.js';

/** A change to the book the caller must have heard read back and agreed to. */
export interface ConsentTarget {
  action: 'book_appointment' | 'reschedule_appointment' | 'cancel_appointment';
  providerId: string;
  start: number;
  /** A move's current time: "from Monday at 9 to Tuesday at 3" reads back both. */
  from?: number;
}

/** Thrown by the router when a booking, move or cancellation was not read back and agreed to. */
export class ConsentMissing extends Error {
  constructor(readonly reason: 'no_read_back' | 'no_yes' | 'caller_unknown') {
    super(`no consent: ${reason}`);
  }
}

/**
 * The guardrail both brains pass through, in code rather than in a prompt: a booking, move or
 * cancellation goes ahead only if, earlier in this call, the receptionist read back this exact
 * slot (date and time in the practice's zone, and the provider when one was named), and in a
 * later turn the caller said yes (and did not take it back). Whatever a model claims, what counts
 * is what was said on the call.
 */
export function requireConsent(target: ConsentTarget, context: ActionContext, conversation: CallConversation, now: number): void {
  // Without this turn's words (a router called outside a call turn) nothing can be verified: refuse.
  if (context.callerSaid === undefined) throw new ConsentMissing('caller_unknown');
  const lines: SpokenLine[] = [...conversation.heard(context.tenant.id, context.callId)];
  if (context.callerSaid !== null) lines.push({ speaker: 'caller', text: context.callerSaid });
  const slot = localSlot(target.start, target.providerId, context.tenant);
  const from = target.from === undefined ? null : localSlot(target.from, null, context.tenant);
  const readBackAt = lastIndexWhere(lines, (line) => line.speaker === 'receptionist' && isReadBackOf(line.text, slot, from, context.tenant, now));
  if (readBackAt < 0) throw new ConsentMissing('no_read_back');
  const namesTheSlot = (text: string) => isReadBackOf(text, slot, from, context.tenant, now) || callerNamesSlot(text, slot, context.tenant, now);
  if (!agreedAfter(lines.slice(readBackAt + 1), namesTheSlot, context.tenant, now)) throw new ConsentMissing('no_yes');
}

function localSlot(start: number, providerId: string | null, tenant: TenantConfig) {
  const local = DateTime.fromMillis(start, { zone: tenant.timezone });
  return { date: local.toISODate() ?? '', time: local.toFormat('HH:mm'), providerId: providerId ?? '' };
}

/**
 * A read-back names this slot and no other time (a move may also name the time it moves from):
 * "Tuesday at 1 or Tuesday at 2?" is an offer, and a yes to it agrees to nothing in particular.
 */
function isReadBackOf(text: string, slot: ReturnType<typeof localSlot>, from: ReturnType<typeof localSlot> | null, tenant: TenantConfig, now: number): boolean {
  // A call may be in Spanish ("el martes 1 de diciembre a las 3 de la tarde"), or switch mid-call:
  // a line that names no slot in English is read again through the Spanish reader.
  return namesOnly(spokenSlots(text, tenant, now), slot, from) || namesOnly(spokenSlots(spanishToEnglish(text), tenant, now), slot, from);
}

function namesOnly(mentions: SpokenSlot[], slot: ReturnType<typeof localSlot>, from: ReturnType<typeof localSlot> | null): boolean {
  if (!mentions.some((m) => mentionsSlot(m, slot))) return false;
  return mentions.every((m) => mentionsSlot(m, slot) || (from !== null && m.date === from.date && m.times.includes(from.time)));
}

/**
 * The caller answering the read-back with the slot in their own words ("this Tuesday at four in
 * the afternoon", "yes, 4 PM"): the day and time they name are the slot's (a time said without
 * AM/PM may be either half of the clock), nothing is ruled out, and at least one of them is said.
 * The same test the rules receptionist applies before it books.
 */
function callerNamesSlot(said: string, slot: ReturnType<typeof localSlot>, tenant: TenantConfig, now: number): boolean {
  return (['en', 'es'] as const).some((language) => {
    const u = understand(said, { tenant, now, expect: 'yes_no', language });
    if (u.rejected || (u.date === null && u.time === null)) return false;
    if (u.date !== null && u.date !== slot.date) return false;
    return u.time === null || u.time === slot.time || (!u.timeHasMeridiem && sameTwelveHourClock(u.time, slot.time));
  });
}

function sameTwelveHourClock(a: string, b: string): boolean {
  return Number(a.slice(0, 2)) % 12 === Number(b.slice(0, 2)) % 12 && a.slice(2) === b.slice(2);
}

/**
 * A caller yes after the read-back that was not followed by a no or a correction. Answering "Shall
 * I book Wednesday at 8 AM?" with that very day and time ("Wednesday around 8 a.m.") is a yes too:
 * the caller named the slot themselves, and the rules receptionist takes it as one.
 */
function agreedAfter(lines: SpokenLine[], namesTheSlot: (text: string) => boolean, tenant: TenantConfig, now: number): boolean {
  let agreed = false;
  for (const line of lines) {
    if (line.speaker !== 'caller') continue;
    const answer = callerAnswer(line.text, tenant, now) ?? (namesTheSlot(line.text) ? 'yes' : null);
    if (answer === 'yes') agreed = true;
    else if (answer === 'no') agreed = false;
  }
  return agreed;
}

const AFFIRMATIVE_START = /^\s*(yes|yeah|yep|yup|sure|correct|that's right|please do|go ahead)\b(?!\s*,?\s*(but|wait)\b)/i;

/** The caller's answer in English, else in Spanish ("sí", "claro que sí", "no, mejor otro día"). */
function callerAnswer(text: string, tenant: TenantConfig, now: number): 'yes' | 'no' | null {
  return answerIn('en', text, tenant, now) ?? answerIn('es', text, tenant, now);
}

function answerIn(language: 'en' | 'es', said: string, tenant: TenantConfig, now: number): 'yes' | 'no' | null {
  const text = language === 'es' ? spanishToEnglish(said) : said;
  // The keypad: "press 1 for yes and 2 for no" is how every read-back offers it.
  const pressed = /^\(pressed (\d+)\)$/.exec(text.trim())?.[1] ?? (/^\d$/.test(text.trim()) ? text.trim() : null);
  if (pressed !== null) return pressed === '1' ? 'yes' : pressed === '2' ? 'no' : null;
  const intent = understand(said, { tenant, now, expect: 'yes_no', language }).intent;
  if (intent === 'no' || intent === 'correction') return 'no';
  // "Yes, cancel it" reads as a cancel request, but it opens with the answer to the question.
  return intent === 'yes' || AFFIRMATIVE_START.test(text) ? 'yes' : null;
}

function lastIndexWhere<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}
