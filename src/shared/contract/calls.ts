import { z } from 'zod';
import { plainLine } from './plain-text-schema.js';
import { turnLatencySchema } from './voice.js';
import { BOOKING_STATUSES } from './scheduling.js';

export const CALL_OUTCOMES = ['booked', 'rescheduled', 'cancelled', 'answered', 'message', 'transferred', 'abandoned'] as const;

export const transcriptTurnSchema = z.object({
  id: z.number(),
  at: z.string(),
  speaker: z.enum(['caller', 'receptionist', 'staff']),
  text: z.string(),
  /** Speech-recognition confidence of a caller turn (0..1); null for what we said. */
  confidence: z.number().nullable(),
  /** Below the practice's minimum confidence: shown marked in the console. */
  lowConfidence: z.boolean(),
  /** A receptionist line the caller cut off (stream mode): `text` is what played before they did. */
  interrupted: z.boolean().optional(),
});
export type TranscriptTurnDto = z.infer<typeof transcriptTurnSchema>;

export const callSummarySchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  tenantName: z.string(),
  callSid: z.string(),
  from: z.string().nullable(),
  callerName: z.string().nullable(),
  customerId: z.string().nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  active: z.boolean(),
  twilioStatus: z.string(),
  outcome: z.enum(CALL_OUTCOMES).nullable(),
  /** What the caller wants, for the board ("book a cleaning"). */
  summary: z.string().nullable(),
  mode: z.enum(['receptionist', 'staff']),
  /** A rehearsal typed in the console, not a phone call. */
  rehearsal: z.boolean(),
  /** The caller described an emergency: shown apart and announced. */
  emergency: z.boolean(),
  /** The current state of the booking this call made, so "Booked" never outlives a rejection. */
  bookingStatus: z.enum(BOOKING_STATUSES).nullable(),
});
export type CallSummaryDto = z.infer<typeof callSummarySchema>;

export const actionLogSchema = z.object({
  at: z.string(),
  action: z.string(),
  ok: z.boolean(),
  /** What it was asked, in the desk's words (names, local times; no ids). */
  args: z.unknown(),
  /** Kept for compatibility; the console does not show raw results. */
  result: z.unknown(),
  durationMs: z.number(),
});

export const messageSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  tenantName: z.string(),
  callId: z.string().nullable(),
  callerName: z.string().nullable(),
  callbackNumber: z.string().nullable(),
  reason: z.string(),
  urgent: z.boolean(),
  status: z.enum(['new', 'handled']),
  createdAt: z.string(),
  handledAt: z.string().nullable(),
  handledBy: z.string().nullable(),
});
export type MessageDto = z.infer<typeof messageSchema>;

export const callDetailSchema = callSummarySchema.extend({
  transcript: z.array(transcriptTurnSchema),
  actions: z.array(actionLogSchema),
  messages: z.array(messageSchema),
  /** Per-turn latency of a stream-mode call (absent or empty in gather mode). */
  latency: z.array(turnLatencySchema).optional(),
  /** Tokens per model the LLM receptionist used on this call (empty for the rules brain). */
  llmUsage: z
    .array(z.object({ model: z.string(), requests: z.number(), promptTokens: z.number(), completionTokens: z.number() }))
    .default([]),
});
export type CallDetailDto = z.infer<typeof callDetailSchema>;

export const understandingSchema = z.object({
  intent: z.string(),
  confidence: z.number(),
  date: z.string().nullable(),
  time: z.string().nullable(),
  partOfDay: z.enum(['morning', 'afternoon', 'evening']).nullable(),
  serviceId: z.string().nullable(),
  providerId: z.string().nullable(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
});
export type UnderstandingDto = z.infer<typeof understandingSchema>;

const tenantId = z.string().min(1);

export const callCommands = {
  'calls/list-active': { input: z.object({}).strict(), output: z.array(callSummarySchema) },
  'calls/list-recent': {
    /** Without `tenantId`: every practice the signed-in person may see, newest first. */
    input: z.object({ tenantId: tenantId.optional(), limit: z.int().min(1).max(200).default(50), search: z.string().max(100).optional() }).strict(),
    output: z.array(callSummarySchema),
  },
  'calls/get': { input: z.object({ tenantId, callId: z.string() }).strict(), output: callDetailSchema },
  'messages/list': {
    input: z.object({ tenantId: tenantId.optional(), status: z.enum(['new', 'handled']).optional(), limit: z.int().min(1).max(500).default(100) }).strict(),
    output: z.array(messageSchema),
  },
  'messages/mark-handled': {
    input: z.object({ tenantId, messageId: z.string(), staffName: plainLine(z.string().trim().min(1).max(80)).optional() }).strict(),
    output: messageSchema,
  },
  'conversation/understand': {
    input: z.object({ tenantId, text: z.string().max(2000), now: z.string().optional() }).strict(),
    output: understandingSchema,
  },
} as const;

export const callEvents = {
  'call/started': callSummarySchema,
  'call/updated': callSummarySchema,
  'call/transcript-appended': z.object({ tenantId: z.string(), callId: z.string(), turn: transcriptTurnSchema }),
  'call/ended': callSummarySchema,
  'messages/taken': messageSchema,
} as const;
