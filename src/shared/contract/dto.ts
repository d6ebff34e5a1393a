import { z } from 'zod';
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
  /** The LLM receptionist's endpoint and circuit breaker. */
  llm: llmHealthSchema.optional(),
});
export type Health = z.infer<typeof healthSchema>;
