import { z } from 'zod';
import type { Language, TenantConfig } from '../../../../shared/contract/index.js';

/** The front-desk actions both brains call, through one router. */
export const ACTION_NAMES = [
  'check_availability',
  'hold_slot',
  'book_appointment',
  'find_appointments',
  'cancel_appointment',
  'reschedule_appointment',
  'answer_question',
  'take_message',
  'transfer_to_staff',
  'join_waitlist',
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

const hhmm = z.string().regex(/^\d{2}:\d{2}$/);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/**
 * A start time: epoch ms (the rules brain), or text the router resolves in the practice's zone
 * through our own understanding: a local ISO time ("2026-11-24T15:00") or the caller's words
 * ("Tuesday at 3 PM").
 */
const startTime = z
  .union([z.int(), z.string().trim().min(1).max(200)])
  .describe('The start: a local ISO date-time from a tool result such as "2026-11-24T15:00", or the caller\'s own words such as "Tuesday at 3 PM"');

export const actionArgs = {
  check_availability: z.object({
    serviceId: z.string().describe('A service id from the practice'),
    providerId: z.string().nullish().describe('A provider id, when the caller asked for one'),
    /** The caller's words about when; resolved by our understanding and merged under `wish`. */
    when: z.string().max(300).optional().describe('The caller\'s own words about when, e.g. "next Tuesday afternoon" or "as early as possible"'),
    wish: z
      .object({
        date: date.nullish(),
        time: hhmm.nullish(),
        partOfDay: z.enum(['morning', 'afternoon', 'evening']).nullish(),
        after: hhmm.nullish(),
        before: hhmm.nullish(),
        earliest: z.boolean().optional(),
        fromDate: date.nullish(),
        toDate: date.nullish(),
      })
      .default({}),
    /** The appointment being moved: its own time does not block the times it could move to. */
    excludeBookingId: z.string().nullish(),
    /** A hold this call placed and no longer wants: released first so it does not block nearby times. */
    releaseHoldId: z.string().nullish(),
  }),
  hold_slot: z.object({ serviceId: z.string(), providerId: z.string(), start: startTime, releaseHoldId: z.string().nullish() }),
  book_appointment: z.object({
    /** Confirms an earlier hold… */
    holdId: z.string().optional(),
    /** …or books directly. */
    serviceId: z.string().optional(),
    providerId: z.string().optional(),
    start: startTime.optional(),
    customerName: z.string().trim().min(1).max(120).nullish(),
    /** Signals the review policy looks at. */
    signals: z
      .object({ lowConfidence: z.boolean().default(false), clarifications: z.int().min(0).default(0), emergency: z.boolean().default(false) })
      .default({ lowConfidence: false, clarifications: 0, emergency: false }),
  }),
  find_appointments: z.object({ phone: z.string().nullish(), name: z.string().nullish() }),
  cancel_appointment: z.object({ bookingId: z.string() }),
  reschedule_appointment: z.object({
    bookingId: z.string(),
    /** A hold on the new time (from hold_slot), released in the same commit that moves the booking. */
    holdId: z.string().optional(),
    start: startTime.optional(),
    providerId: z.string().optional(),
  }),
  answer_question: z.object({ faqIndex: z.int().min(0).nullish(), topic: z.enum(['hours', 'location', 'faq']).default('faq'), question: z.string().max(500).optional() }),
  take_message: z.object({
    reason: z.string().trim().min(1).max(1000),
    callerName: z.string().trim().max(120).nullish(),
    callbackNumber: z.string().nullish(),
    urgent: z.boolean().default(false),
  }),
  transfer_to_staff: z.object({ reason: z.string().max(300).default('caller asked for a person') }),
  /** Texts the caller if a matching time frees up (a cancellation); their number is the caller ID. */
  join_waitlist: z.object({ serviceId: z.string(), providerId: z.string().nullish(), fromDate: date, toDate: date, customerName: z.string().trim().min(1).max(120).nullish() }),
} as const satisfies Record<ActionName, z.ZodType>;

export type ActionArgs<N extends ActionName> = z.input<(typeof actionArgs)[N]>;

/** A slot as offered to a caller: machine fields plus the words to say. */
export interface OfferedSlot {
  serviceId: string;
  providerId: string;
  start: number;
  /** "Tuesday, November 24 at 3:00 PM with Dr. Emily Lee" */
  spoken: string;
}

export interface AppointmentSummary {
  bookingId: string;
  serviceId: string;
  providerId: string;
  start: number;
  status: 'held' | 'pending_review' | 'confirmed';
  /** "your teeth cleaning on Tuesday, November 24 at 3:00 PM with Maria Gomez" */
  spoken: string;
}

export interface ActionResults {
  check_availability: { slots: OfferedSlot[] };
  hold_slot: { holdId: string; slot: OfferedSlot; expiresAt: number };
  /** `start`: the booked instant (epoch ms), kept in the action log so a replay knows it after the booking is gone. */
  book_appointment: { bookingId: string; start?: number; status: 'confirmed' | 'pending_review'; reviewReasons: string[]; spoken: string };
  find_appointments: { appointments: AppointmentSummary[] };
  cancel_appointment: { bookingId: string; spoken: string };
  reschedule_appointment: { bookingId: string; start?: number; status: 'confirmed' | 'pending_review'; spoken: string };
  answer_question: { answer: string };
  take_message: { messageId: string; urgent: boolean };
  transfer_to_staff: { number: string | null };
  join_waitlist: { entryId: string };
}

/**
 * Failures come back as values with a sentence the caller can hear (`say`), never as throws,
 * so a brain can always keep talking.
 */
export type ActionResult<N extends ActionName> =
  | { ok: true; data: ActionResults[N] }
  | {
      ok: false;
      code: 'invalid_arguments' | 'not_found' | 'conflict' | 'outside_rules' | 'unavailable' | 'internal' | 'not_confirmed';
      /** The catalog's sentence for the caller, in the call's language. */
      say: string;
      /** What exactly went wrong, in staff words (ids, names): for the LLM and the audit, never spoken as is. */
      detail?: string;
    };

export interface ActionContext {
  tenant: TenantConfig;
  callId: string;
  /** The caller's number from caller ID (E.164), when known. */
  callerPhone: string | null;
  /** Turn number within the call: with the call id it makes idempotency keys. */
  turn: number;
  /** The language the caller is speaking: it goes on their customer record, so texts to them use it. */
  language?: Language | undefined;
  /** The turn's signal: once it is aborted (the turn was abandoned) the router refuses to act. */
  signal?: AbortSignal;
  /**
   * What the caller said this turn (the transcript holds only earlier turns): the consent guard
   * looks here for the caller's yes. `null` when they said nothing; absent when the router is used
   * outside a call turn, where bookings, moves and cancellations are refused.
   */
  callerSaid?: string | null;
}

export interface ActionRouter {
  run<N extends ActionName>(name: N, args: ActionArgs<N>, context: ActionContext): Promise<ActionResult<N>>;
}
