import { z } from 'zod';

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
});
export type Health = z.infer<typeof healthSchema>;
