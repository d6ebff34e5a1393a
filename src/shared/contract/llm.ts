import { z } from 'zod';
import { CALL_OUTCOMES } from './calls.js';

const tenantId = z.string().min(1);

/** Tokens one call used with one model. */
export const llmUsageSchema = z.object({
  model: z.string(),
  requests: z.number(),
  promptTokens: z.number(),
  completionTokens: z.number(),
});
export type LlmUsageDto = z.infer<typeof llmUsageSchema>;

/** One practice-local day of LLM use. */
export const llmUsageDaySchema = llmUsageSchema.extend({
  /** "YYYY-MM-DD" in the practice's zone. */
  date: z.string(),
  calls: z.number(),
});
export type LlmUsageDayDto = z.infer<typeof llmUsageDaySchema>;

/** The LLM endpoint and its circuit breaker, for the health panel (never the key). */
export const llmHealthSchema = z.object({
  configured: z.boolean(),
  baseUrl: z.string(),
  model: z.string(),
  circuit: z.enum(['closed', 'open', 'half_open']),
  openUntil: z.number().nullable(),
  consecutiveFailures: z.number(),
  lastFailure: z.object({ at: z.number(), kind: z.string(), message: z.string() }).nullable(),
});
export type LlmHealth = z.infer<typeof llmHealthSchema>;

const replayOutcome = z.object({
  outcome: z.enum(CALL_OUTCOMES).nullable(),
  /** Local "YYYY-MM-DDTHH:MM" of the booking the call made, if any. */
  bookingStart: z.string().nullable(),
});

/** One call replayed: what happened on record (or was expected) against what happens now. */
export const replayCallSchema = z.object({
  id: z.string(),
  label: z.string(),
  callerLines: z.number(),
  before: replayOutcome,
  after: replayOutcome,
  sameOutcome: z.boolean(),
  sameBookingTime: z.boolean(),
  /** What the receptionist said in the replay, for a side-by-side read. */
  replies: z.array(z.string()),
  error: z.string().nullable(),
});
export type ReplayCallDto = z.infer<typeof replayCallSchema>;

export const replayReportSchema = z.object({
  tenantId: z.string(),
  brain: z.enum(['rules', 'llm']),
  calls: z.array(replayCallSchema),
  regressions: z.number(),
});
export type ReplayReportDto = z.infer<typeof replayReportSchema>;

export const llmCommands = {
  'calls/llm-usage': {
    input: z.object({ tenantId, days: z.int().min(1).max(366).default(30) }).strict(),
    output: z.array(llmUsageDaySchema),
  },
  /** "Test this change on the last 50 calls": replays them against `config` (the edited practice) in a scratch copy. */
  'calls/replay': {
    input: z.object({ tenantId, config: z.unknown().optional(), brain: z.enum(['rules', 'llm']).optional(), limit: z.int().min(1).max(200).default(50) }).strict(),
    output: replayReportSchema,
  },
} as const;
