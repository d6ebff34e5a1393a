import { DateTime } from 'luxon';
import type { Language, TenantConfig } from '../../../../shared/contract/index.js';
import { spanishToEnglish } from '../understanding/spanish.js';
import { understand, type UnderstandContext, type Understanding } from '../understanding/index.js';
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
export function requireConsent(target: ConsentTarget, context: ActionContext, conversation: CallConversation, now: number, read: LineReader = understand): void {
  // Without this turn's words (a router called outside a call turn) nothing can be verified: refuse.
  if (context.callerSaid === undefined) throw new ConsentMissing('caller_unknown');
  const lines: SpokenLine[] = [...conversation.heard(context.tenant.id, context.callId)];
  if (context.callerSaid !== null) lines.push({ speaker: 'caller', text: context.callerSaid });
  const slot = localSlot(target.start, target.providerId, context.tenant);
  const from = target.from === undefined ? null : localSlot(target.from, null, context.tenant);
  const readBackAt = lastIndexWhere(lines, (line) => line.speaker === 'receptionist' && isReadBackOf(line.text, slot, from, context.tenant, now));
  if (readBackAt < 0) throw new ConsentMissing('no_read_back');
  const callerLines = new CallerLines(context.tenant, now, context.language ?? 'en', read);
  const namesTheSlot = (text: string) => isReadBackOf(text, slot, from, context.tenant, now) || callerNamesSlot(callerLines.readings(text), slot);
  if (!agreedAfter(lines.slice(readBackAt + 1), namesTheSlot, callerLines)) throw new ConsentMissing('no_yes');
}

/** How a caller line is understood: `understand`, or a counting wrapper in tests. */
export type LineReader = (said: string, ctx: UnderstandContext) => Understanding;

interface Reading {
  language: Language;
  understanding: Understanding;
}

/**
 * Each caller line read at most once per language, the call's own language first and the other
 * only when it is asked for: a call may switch language, so a line that says nothing in one may
 * still be a yes in the other, but a plain "yes" is understood once.
 */
class CallerLines {
  private readonly memo = new Map<string, Understanding>();
  private readonly languages: readonly Language[];

  constructor(
    private readonly tenant: TenantConfig,
    private readonly now: number,
    first: Language,
    private readonly read: LineReader,
  ) {
    this.languages = first === 'es' ? ['es', 'en'] : ['en', 'es'];
  }

  *readings(said: string): Generator<Reading> {
    for (const language of this.languages) {
      const key = `${language}\u0000${said}`;
      let understanding = this.memo.get(key);
      if (understanding === undefined) {
        understanding = this.read(said, { tenant: this.tenant, now: this.now, expect: 'yes_no', language });
        this.memo.set(key, understanding);
      }
      yield { language, understanding };
    }
  }
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
function callerNamesSlot(readings: Iterable<Reading>, slot: ReturnType<typeof localSlot>): boolean {
  for (const { understanding: u } of readings) {
    if (u.rejected || (u.date === null && u.time === null)) continue;
    if (u.date !== null && u.date !== slot.date) continue;
    if (u.time === null || u.time === slot.time || (!u.timeHasMeridiem && sameTwelveHourClock(u.time, slot.time))) return true;
  }
  return false;
}

function sameTwelveHourClock(a: string, b: string): boolean {
  return Number(a.slice(0, 2)) % 12 === Number(b.slice(0, 2)) % 12 && a.slice(2) === b.slice(2);
}

/**
 * A caller yes after the read-back that was not followed by a no or a correction. Answering "Shall
 * I book Wednesday at 8 AM?" with that very day and time ("Wednesday around 8 a.m.") is a yes too:
 * the caller named the slot themselves, and the rules receptionist takes it as one.
 */
function agreedAfter(lines: SpokenLine[], namesTheSlot: (text: string) => boolean, callerLines: CallerLines): boolean {
  let agreed = false;
  for (const line of lines) {
    if (line.speaker !== 'caller') continue;
    const answer = callerAnswer(line.text, callerLines) ?? (namesTheSlot(line.text) ? 'yes' : null);
    if (answer === 'yes') agreed = true;
    else if (answer === 'no') agreed = false;
  }
  return agreed;
}

const AFFIRMATIVE_START = /^\s*(yes|yeah|yep|yup|sure|correct|that's right|please do|go ahead)\b(?!\s*,?\s*(but|wait)\b)/i;

/** The caller's answer in the call's language, else in the other ("sí", "claro que sí", "no, mejor otro día"). */
function callerAnswer(said: string, callerLines: CallerLines): 'yes' | 'no' | null {
  // The keypad: "press 1 for yes and 2 for no" is how every read-back offers it.
  for (const text of [said, spanishToEnglish(said)]) {
    const pressed = /^\(pressed (\d+)\)$/.exec(text.trim())?.[1] ?? (/^\d$/.test(text.trim()) ? text.trim() : null);
    if (pressed !== null) return pressed === '1' ? 'yes' : pressed === '2' ? 'no' : null;
  }
  for (const reading of callerLines.readings(said)) {
    const answer = answerFrom(reading, said);
    if (answer !== null) return answer;
  }
  return null;
}

function answerFrom({ language, understanding }: Reading, said: string): 'yes' | 'no' | null {
  const text = language === 'es' ? spanishToEnglish(said) : said;
  const intent = understanding.intent;
  if (intent === 'no' || intent === 'correction') return 'no';
  // "Yes, cancel it" reads as a cancel request, but it opens with the answer to the question.
  return intent === 'yes' || AFFIRMATIVE_START.test(text) ? 'yes' : null;
}

function lastIndexWhere<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}
