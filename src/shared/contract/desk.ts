import { z } from 'zod';
import { plainLine, plainText } from './plain-text-schema.js';
import { callSummarySchema, transcriptTurnSchema } from './calls.js';
import { bookingSchema } from './scheduling.js';
import { e164 } from './tenant.js';

const tenantId = z.string().min(1);
/**
 * Ignored when someone is signed in (their account name is recorded); kept for scripts that act
 * as the appliance itself. Every decision and takeover is recorded under the person's name.
 */
const staffName = plainLine(z.string().trim().min(1, { error: 'enter your name' }).max(80)).optional();

export const reviewItemSchema = z.object({
  booking: bookingSchema,
  /** Why it was flagged ("new customer; low speech confidence"). */
  reasons: z.array(z.string()),
  callId: z.string().nullable(),
  /** The caller's last few turns before the booking, for context. */
  transcriptExcerpt: z.array(transcriptTurnSchema),
});
export type ReviewItemDto = z.infer<typeof reviewItemSchema>;

export const outboxItemSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  kind: z.enum(['sms']),
  to: z.string(),
  body: z.string(),
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number(),
  lastError: z.string().nullable(),
  providerId: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxItemDto = z.infer<typeof outboxItemSchema>;

export const rehearsalTurnSchema = z.object({
  callId: z.string(),
  /** What the receptionist said this turn, in order. */
  said: z.array(z.string()),
  /** listening: waiting for the caller; transferred / ended: the rehearsal is over. */
  state: z.enum(['listening', 'transferred', 'ended']),
  transferTo: z.string().nullable(),
});
export type RehearsalTurnDto = z.infer<typeof rehearsalTurnSchema>;

export const deskCommands = {
  /** Redirects the live call through Twilio's REST API to <Dial> the practice's transfer number or `to`. */
  'calls/transfer': {
    input: z.object({ tenantId, callId: z.string(), to: e164.optional(), staffName }).strict(),
    output: callSummarySchema,
  },
  /** The receptionist stops deciding; the caller hears "one moment" while staff type. */
  'calls/take-over': { input: z.object({ tenantId, callId: z.string(), staffName }).strict(), output: callSummarySchema },
  /** Speaks one typed line to a caller whose call staff took over. */
  'calls/say': { input: z.object({ tenantId, callId: z.string(), text: plainLine(z.string().trim().min(1).max(500)), staffName }).strict(), output: callSummarySchema },
  /** Returns the call to the receptionist, its conversation state intact. */
  'calls/hand-back': { input: z.object({ tenantId, callId: z.string(), staffName }).strict(), output: callSummarySchema },

  'rehearsal/start': { input: z.object({ tenantId, from: z.string().optional() }).strict(), output: rehearsalTurnSchema },
  'rehearsal/say': { input: z.object({ callId: z.string(), text: plainLine(z.string().max(500)) }).strict(), output: rehearsalTurnSchema },
  'rehearsal/hang-up': { input: z.object({ callId: z.string() }).strict(), output: z.object({ callId: z.string() }) },

  /** Without `tenantId`: the queue of every practice the signed-in person may see. */
  'review/list': { input: z.object({ tenantId: tenantId.optional() }).strict(), output: z.array(reviewItemSchema) },
  'review/approve': { input: z.object({ tenantId, bookingId: z.string(), staffName }).strict(), output: bookingSchema },
  'review/reject': {
    input: z.object({ tenantId, bookingId: z.string(), reason: plainText(z.string().trim().min(1, { error: 'give a reason' }).max(500)), staffName }).strict(),
    output: bookingSchema,
  },
  /** Confirms the booking at another time, provider or service (checked against live availability). */
  'review/modify': {
    input: z
      .object({ tenantId, bookingId: z.string(), start: z.string(), providerId: z.string().optional(), serviceId: z.string().optional(), staffName })
      .strict(),
    output: bookingSchema,
  },

  'outbox/list': { input: z.object({ tenantId, limit: z.int().min(1).max(500).default(100) }).strict(), output: z.array(outboxItemSchema) },
} as const;

export const deskEvents = {
  /** The review queue of a practice changed; `pending` is the number waiting. */
  'review/changed': z.object({ tenantId: z.string(), pending: z.number() }),
  'outbox/changed': outboxItemSchema,
  /** Bookings of a practice changed (any source); the schedule refreshes. */
  'bookings/changed': z.object({ tenantId: z.string(), bookingIds: z.array(z.string()) }),
} as const;
