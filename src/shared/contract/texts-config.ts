import { z } from 'zod';
import { plainText } from './plain-text-schema.js';
import { TEXT_LANGUAGES, TEXT_PLACEHOLDERS, TEXT_TEMPLATE_IDS, unknownPlaceholders, type TextLanguage, type TextTemplateId } from '../lib/text-templates.js';

const HOURS_ERROR = 'must be a whole number of hours from 1 to 168';
const clock = z.string({ error: 'must be a time "HH:MM"' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time "HH:MM" between 00:00 and 23:59' });

/** One text's wording: at most a long SMS, no control characters, placeholders only from the documented list. */
const templateText = plainText(
  z
    .string({ error: 'must be text' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(640, { error: 'must be at most 640 characters (4 text segments)' }),
).superRefine((text, ctx) => {
  for (const name of unknownPlaceholders(text)) {
    ctx.addIssue({ code: 'custom', message: `uses unknown placeholder {${name}}; use ${TEXT_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}` });
  }
});

const templateSet = z.partialRecord(z.enum(TEXT_TEMPLATE_IDS, { error: `must be one of ${TEXT_TEMPLATE_IDS.join(', ')}` }), templateText);
export const reminderHours = z.int({ error: HOURS_ERROR }).min(1, { error: HOURS_ERROR }).max(168, { error: HOURS_ERROR });

/**
 * The practice's texting: what goes out automatically, when, and in its own words. Every switch
 * is per practice; `enabled: false` silences all automatic texts (staff replies still go out).
 */
export const textsConfigSchema = z.strictObject({
  enabled: z.boolean().default(true),
  confirmations: z.boolean().default(true),
  reminders: z.strictObject({ enabled: z.boolean().default(true), hoursBefore: reminderHours.default(24) }).default({ enabled: true, hoursBefore: 24 }),
  /** No automatic texts between these wall-clock times in the practice's zone (from > to wraps midnight). */
  quietHours: z
    .strictObject({ from: clock, to: clock })
    .refine((q) => q.from !== q.to, { error: 'must not start and end at the same time' })
    .default({ from: '21:00', to: '08:00' }),
  missedCallTextBack: z.boolean().default(true),
  waitlist: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** How many waitlisted patients one opening is offered to at once; the first "yes" gets it. */
      offerAtOnce: z.int({ error: 'must be a whole number from 1 to 10' }).min(1).max(10).default(2),
    })
    .default({ enabled: true, offerAtOnce: 2 }),
  /** Overrides of the built-in wording, per language ("en", "es"); missing ones use the built-in text. */
  templates: z.partialRecord(z.enum(TEXT_LANGUAGES, { error: `must be one of ${TEXT_LANGUAGES.join(', ')}` }), templateSet).default({}),
});
export type TextsConfig = z.output<typeof textsConfigSchema>;
export type TextTemplateOverrides = Partial<Record<TextLanguage, Partial<Record<TextTemplateId, string>>>>;

export const DEFAULT_TEXTS_CONFIG: TextsConfig = textsConfigSchema.parse({});
