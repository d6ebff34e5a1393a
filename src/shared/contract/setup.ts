import { z } from 'zod';
import { e164 } from './tenant.js';

/**
 * Phone set-up, reachability and secrets (the first-run wizard and `frontdesk secrets|phone`).
 * Secret values only ever travel INTO the appliance: no schema here carries one back out.
 */
const tenantId = z.string().min(1);
const secretName = z.string().regex(/^[A-Za-z][A-Za-z0-9_.:-]{0,127}$/, { error: 'use letters, digits and _ . : - (for example TWILIO_AUTH_TOKEN)' });
const secretValue = z.string().min(1, { error: 'enter a value' }).max(4096);

export const secretEntrySchema = z.object({
  name: z.string(),
  /** Always true in a listing: only names that hold a value are listed. */
  set: z.boolean(),
  /** The value comes from an environment variable, which wins over a stored one. */
  fromEnvironment: z.boolean(),
});
export type SecretEntry = z.infer<typeof secretEntrySchema>;

export const tunnelStatusSchema = z.object({
  mode: z.enum(['none', 'ngrok', 'url']),
  state: z.enum(['off', 'starting', 'up', 'down']),
  url: z.string().nullable(),
  problem: z.string().nullable(),
  selfTest: z.enum(['passed', 'failed', 'pending']).nullable(),
  since: z.number(),
});
export type TunnelStatusDto = z.infer<typeof tunnelStatusSchema>;

export const phoneNumberSchema = z.object({
  sid: z.string(),
  phoneNumber: z.string(),
  friendlyName: z.string(),
  attachedTo: z.string().nullable(),
  /** A TwiML app or SIP trunk overrides the webhooks on this number. */
  warning: z.string().nullable(),
});
export type PhoneNumberDto = z.infer<typeof phoneNumberSchema>;

export const phoneAttachmentSchema = z.object({
  tenantId: z.string(),
  phoneNumber: z.string(),
  numberSid: z.string(),
  /** The public base URL the number's webhooks were last set to. */
  pointedAt: z.string().nullable(),
  /** When Twilio last read back exactly what Frontdesk set; null = not verified (see problem). */
  verifiedAt: z.number().nullable(),
  problem: z.string().nullable(),
});
export type PhoneAttachmentDto = z.infer<typeof phoneAttachmentSchema>;

export const setupStatusSchema = z.object({
  twilio: z.object({
    accountSid: z.string().nullable(),
    authTokenSet: z.boolean(),
    /** Set by TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN: the wizard shows them but cannot change them. */
    pinnedByEnvironment: z.boolean(),
  }),
  tunnel: z.object({
    /** What the settings ask for. */
    mode: z.enum(['none', 'ngrok', 'url']),
    ownUrl: z.string().nullable(),
    ngrokDomain: z.string().nullable(),
    ngrokAuthtokenSet: z.boolean(),
    /** FRONTDESK_PUBLIC_URL / FRONTDESK_TUNNEL decide; the wizard cannot change it. */
    pinnedByEnvironment: z.boolean(),
    status: tunnelStatusSchema,
  }),
  attachments: z.array(phoneAttachmentSchema),
  lastWebhookAt: z.number().nullable(),
  secrets: z.array(secretEntrySchema),
  /** When the wizard was finished; null while it has not been. */
  completedAt: z.number().nullable(),
});
export type SetupStatus = z.infer<typeof setupStatusSchema>;

const tunnelConfigSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('none') }).strict(),
  z
    .object({
      mode: z.literal('ngrok'),
      /** Write-only; omitted = keep the stored one. */
      authtoken: secretValue.optional(),
      domain: z
        .string()
        .trim()
        .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i, { error: 'must be a host name such as my-office.ngrok.app' })
        .nullable()
        .optional(),
    })
    .strict(),
  z.object({ mode: z.literal('url'), url: z.url({ protocol: /^https?$/, error: 'must be an https URL such as https://frontdesk.example.com' }) }).strict(),
]);

export const setupCommands = {
  'setup/get-status': { input: z.object({}).strict(), output: setupStatusSchema },
  /** Checks the SID and token with Twilio (by listing the numbers) before storing them. */
  'setup/save-twilio': {
    input: z.object({ accountSid: z.string().trim().regex(/^AC[0-9a-fA-F]{32}$/, { error: 'starts with AC followed by 32 letters and digits' }), authToken: secretValue.optional() }).strict(),
    output: z.array(phoneNumberSchema),
  },
  'setup/complete': { input: z.object({}).strict(), output: setupStatusSchema },
  'secrets/list': { input: z.object({}).strict(), output: z.array(secretEntrySchema) },
  'secrets/set': { input: z.object({ name: secretName, value: secretValue }).strict(), output: secretEntrySchema },
  'secrets/delete': { input: z.object({ name: secretName }).strict(), output: secretEntrySchema },
  'phone/list-numbers': { input: z.object({}).strict(), output: z.array(phoneNumberSchema) },
  'phone/attach-number': { input: z.object({ tenantId, phoneNumber: e164 }).strict(), output: phoneAttachmentSchema },
  'phone/detach-number': { input: z.object({ tenantId }).strict(), output: phoneAttachmentSchema },
  'tunnel/configure': { input: tunnelConfigSchema, output: tunnelStatusSchema },
  'tunnel/self-test': { input: z.object({}).strict(), output: tunnelStatusSchema },
} as const;

export const setupEvents = {
  /** Something in set-up changed (tunnel, number, secrets): re-read `setup/get-status`. */
  'setup/changed': z.object({}),
} as const;
