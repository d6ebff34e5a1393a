import { z } from 'zod';

/**
 * One stream-mode turn's latency, in milliseconds from the final transcript: how long the
 * recognizer took after the caller stopped speaking, then to the brain's first sentence, then to
 * the first audio frame sent to Twilio.
 */
export const turnLatencySchema = z.object({
  turn: z.number(),
  at: z.string(),
  /** Caller stopped speaking → final transcript (Deepgram's endpointing); null when unknown. */
  endOfSpeechMs: z.number().nullable(),
  /** Final transcript → first sentence ready. */
  firstSentenceMs: z.number().nullable(),
  /** Final transcript → first audio frame sent. */
  firstAudioMs: z.number().nullable(),
});
export type TurnLatencyDto = z.infer<typeof turnLatencySchema>;

export const latencySummarySchema = z.object({
  tenantId: z.string(),
  /** The practice's day the figures cover (YYYY-MM-DD). */
  day: z.string(),
  turns: z.number(),
  /** Final transcript → first audio frame, over today's stream-mode turns. */
  firstAudioP50Ms: z.number().nullable(),
  firstAudioP95Ms: z.number().nullable(),
  /** Caller stopped speaking → first audio frame (what the caller waits), where known. */
  voiceToVoiceP50Ms: z.number().nullable(),
  voiceToVoiceP95Ms: z.number().nullable(),
});
export type LatencySummaryDto = z.infer<typeof latencySummarySchema>;

export const voiceCommands = {
  'calls/get-latency': { input: z.object({ tenantId: z.string().min(1) }).strict(), output: latencySummarySchema },
} as const;
