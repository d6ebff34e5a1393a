import { z } from 'zod';
import { tunnelStatusSchema } from './setup.js';
import { llmHealthSchema } from './llm.js';

export const tenantSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  timezone: z.string(),
  phoneNumbers: z.array(z.string()),
  providerCount: z.number(),
  serviceCount: z.number(),
  updatedAt: z.number(),
});
export type TenantSummary = z.infer<typeof tenantSummarySchema>;

export const healthSchema = z.object({
  version: z.string(),
  startedAt: z.number(),
  now: z.number(),
  webhooks: z.object({
    listening: z.boolean(),
    localUrl: z.string().nullable(),
    publicUrl: z.string().nullable(),
    signaturesVerified: z.boolean(),
  }),
  storage: z.object({
    ok: z.boolean(),
    path: z.string(),
    schemaVersion: z.number(),
    error: z.string().optional(),
  }),
  tenants: z.number(),
  activeCalls: z.number(),
  // The three below are always sent by this appliance; optional so older snapshots still parse.
  /** How Twilio reaches the appliance: the tunnel, the last signed webhook, each number's read-back. */
  reachability: z.object({
    tunnel: tunnelStatusSchema,
    lastWebhookAt: z.number().nullable(),
    numbers: z.array(
      z.object({ tenantId: z.string(), phoneNumber: z.string(), verified: z.boolean(), verifiedAt: z.number().nullable(), problem: z.string().nullable() }),
    ),
  }).optional(),
  /** Vendor keys: whether one is set, never its value. (Reachability checks arrive with their clients.) */
  vendors: z.object({
    deepgram: z.enum(['configured', 'not-configured']),
    openai: z.enum(['configured', 'not-configured']),
  }).optional(),
  /** How stored secrets are protected: key-file, environment-key, os-keychain, or basic-text (weak). */
  secretsProtection: z.enum(['key-file', 'environment-key', 'os-keychain', 'basic-text']).optional(),
  /**
   * Real-time voice (Deepgram). not-configured: no key, every call uses gather mode; available:
   * practices in stream mode get it; unavailable: Deepgram failed recently, new calls use gather
   * mode until it answers again (`retryAt`).
   */
  voice: z
    .object({
      deepgram: z.enum(['not-configured', 'available', 'unavailable']),
      retryAt: z.number().nullable(),
      lastError: z.string().nullable(),
      streamCalls: z.number(),
    })
    .optional(),
  /** The LLM receptionist's endpoint and circuit breaker. */
  llm: llmHealthSchema.optional(),
});
export type Health = z.infer<typeof healthSchema>;
