import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { plainLine, plainText } from './plain-text-schema.js';
import { DEFAULT_TEXTS_CONFIG, reminderHours, textsConfigSchema } from './texts-config.js';

/**
 * The tenant file: one practice's whole configuration. The same schema validates the JSON file
 * the `frontdesk tenant import` command reads, the console's settings form, and what the
 * appliance stores, so an error always reads the same (`services[2].durationMinutes: …`).
 * All wall-clock values (hours, dates, timeOff) are local to `timezone`.
 */

const POSITIVE_INT = 'must be a positive integer';
const NON_NEGATIVE_INT = 'must be a whole number of minutes, 0 or more';

/** An appointment is booked within one day's hours; anything longer is a typo (a billion minutes). */
export const MAX_SERVICE_MINUTES = 24 * 60;

const positiveInt = z.int({ error: POSITIVE_INT }).positive({ error: POSITIVE_INT });
const nonNegativeInt = z.int({ error: NON_NEGATIVE_INT }).min(0, { error: NON_NEGATIVE_INT });

const slug = z
  .string({ error: 'must be a text id' })
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { error: 'must be lowercase letters, digits and dashes (e.g. "dr-lee")' });

const nonEmptyLine = plainLine(z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' }));
/** Spoken text that may be written over several lines (a greeting, an FAQ answer). */
const nonEmptyText = plainText(z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' }));

export const e164 = z
  .string({ error: 'must be a phone number' })
  .regex(/^\+[1-9]\d{6,14}$/, { error: 'must be a phone number with its country code, like +1 555 555 0123' });

/** "HH:MM" on a 24-hour clock; "24:00" closes a day at midnight. */
export const clockTime = z
  .string({ error: 'must be a time "HH:MM"' })
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { error: 'must be a time "HH:MM" between 00:00 and 24:00' });

export const localDate = z
  .string({ error: 'must be a date "YYYY-MM-DD"' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date "YYYY-MM-DD"' })
  .refine((value) => DateTime.fromISO(value).isValid, { error: 'is not a real calendar date' });

export const localDateTime = z
  .string({ error: 'must be a local date and time "YYYY-MM-DDTHH:MM"' })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'must be a local date and time "YYYY-MM-DDTHH:MM"' })
  .refine((value) => DateTime.fromISO(value).isValid, { error: 'is not a real date and time' });

export const openInterval = z
  .tuple([clockTime, clockTime], { error: 'must be a pair of times ["HH:MM", "HH:MM"]' })
  .refine(([from, to]) => from < to, { error: 'must end after it starts' });

/** The open intervals of one day, in order and not overlapping. */
export const dayHours = z.array(openInterval, { error: 'must be a list of ["HH:MM", "HH:MM"] pairs' }).superRefine((intervals, ctx) => {
  for (let i = 1; i < intervals.length; i++) {
    const previous = intervals[i - 1];
    const current = intervals[i];
    if (previous && current && current[0] < previous[1]) {
      ctx.addIssue({ code: 'custom', path: [i], message: 'must start after the previous interval ends' });
    }
  }
});

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const weekHours = z.strictObject(
  {
    mon: dayHours,
    tue: dayHours,
    wed: dayHours,
    thu: dayHours,
    fri: dayHours,
    sat: dayHours,
    sun: dayHours,
  },
  { error: 'must list every weekday (mon … sun)' },
);

const reason = plainLine(z.string().trim().max(200)).optional();

export const closure = z.union(
  [
    z.strictObject({ date: localDate, reason }),
    z
      .strictObject({ from: localDate, to: localDate, reason })
      .refine((c) => c.from <= c.to, { error: 'must not end before it starts', path: ['to'] }),
  ],
  { error: 'must be { "date": "YYYY-MM-DD" } or { "from": "YYYY-MM-DD", "to": "YYYY-MM-DD" }' },
);

export const specialHours = z.strictObject({ date: localDate, hours: dayHours, reason });

export const timeOff = z
  .strictObject({ from: localDateTime, to: localDateTime, reason })
  .refine((t) => t.from < t.to, { error: 'must end after it starts', path: ['to'] });

export const bookingPolicy = z.strictObject({
  slotStepMinutes: positiveInt,
  minNoticeMinutes: nonNegativeInt,
  maxAdvanceDays: positiveInt,
  holdMinutes: positiveInt,
});

/** Languages the receptionist can speak with callers. */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
export const language = z.enum(LANGUAGES, { error: 'must be "en" (English) or "es" (Spanish)' });

/**
 * The languages a practice offers callers, its default first: `["en", "es"]` greets in English
 * and offers Spanish ("press 2 or say español"); `["es", "en"]` greets in Spanish.
 */
export const languages = z
  .array(language)
  .min(1, { error: 'must list at least one language' })
  .refine((list) => new Set(list).size === list.length, { error: 'must not list a language twice' });

/** A name said to callers in another language: `{ "es": "Limpieza dental" }`. */
const localizedNames = z.strictObject({ en: nonEmptyLine.optional(), es: nonEmptyLine.optional() }, { error: 'must map a language ("en", "es") to a name' });

export const provider = z.strictObject({
  id: slug,
  name: nonEmptyLine,
  aliases: z.array(nonEmptyLine).default([]),
  hours: weekHours.nullable().default(null),
  timeOff: z.array(timeOff).default([]),
});

export const service = z.strictObject({
  id: slug,
  name: nonEmptyLine,
  aliases: z.array(nonEmptyLine).default([]),
  /** What callers hear the service called in another language; aliases may hold that language's words too. */
  names: localizedNames.default({}),
  durationMinutes: positiveInt.max(MAX_SERVICE_MINUTES, { error: `must be at most ${MAX_SERVICE_MINUTES} minutes (one day)` }),
  bufferBeforeMinutes: nonNegativeInt.max(MAX_SERVICE_MINUTES, { error: `must be at most ${MAX_SERVICE_MINUTES} minutes (one day)` }).default(0),
  bufferAfterMinutes: nonNegativeInt.max(MAX_SERVICE_MINUTES, { error: `must be at most ${MAX_SERVICE_MINUTES} minutes (one day)` }).default(0),
  providerIds: z.array(slug).min(1, { error: 'must name at least one provider' }),
  requiresReview: z.boolean().default(false),
  /** Hours before the visit its reminder text goes out; unset = the practice's `texts.reminders.hoursBefore`. */
  reminderHoursBefore: reminderHours.optional(),
  /**
   * What a caller who asks hears it costs, spoken as written ("$45", "from $120", "$150 with the
   * exam"). Unset: the receptionist never names a price, and says the team can give one.
   */
  price: nonEmptyLine.max(60, { error: 'must be at most 60 characters (it is spoken to callers)' }).optional(),
});

export const reviewPolicy = z.strictObject({
  all: z.boolean().default(false),
  newCustomers: z.boolean().default(false),
  minConfidence: z.number({ error: 'must be a number from 0 to 1' }).min(0).max(1).default(0.5),
  emergencyKeywords: z.array(nonEmptyLine).default([]),
});

export const faqEntry = z.strictObject({
  question: nonEmptyLine,
  answer: nonEmptyText,
  keywords: z.array(nonEmptyLine).default([]),
});

/**
 * How callers are heard and answered. gather: Twilio's own speech recognition and voice, turn by
 * turn (works with nothing but Twilio). stream: Twilio Media Streams with Deepgram speech in and
 * out and barge-in; it needs a Deepgram key and falls back to gather whenever Deepgram is down.
 */
export const voiceSettingsSchema = z.strictObject({
  mode: z.enum(['gather', 'stream'], { error: 'must be "gather" or "stream"' }).default('gather'),
  /** A Deepgram Aura-2 voice, e.g. "aura-2-thalia-en". */
  ttsVoice: z.string().regex(/^aura-[a-z0-9-]+$/, { error: 'must be a Deepgram Aura voice such as "aura-2-thalia-en"' }).default('aura-2-thalia-en'),
  /** A Deepgram speech model, e.g. "nova-3" (practice-vocabulary keyterms need Nova-3). */
  sttModel: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, { error: 'must be a Deepgram model name such as "nova-3"' }).default('nova-3'),
});
export type VoiceSettings = z.infer<typeof voiceSettingsSchema>;
/** The LLM receptionist's per-practice settings; the endpoint and key are the appliance's. */
export const llmSettings = z.strictObject({
  /** Overrides the appliance's FRONTDESK_LLM_MODEL for this practice. */
  model: z.string().trim().min(1, { error: 'must not be empty' }).max(200).optional(),
  /** Persona, things to always or never say. Added to the prompt; the guardrails in code still apply. */
  instructions: z.string().max(4000, { error: 'must be at most 4000 characters' }).default(''),
});

const timezone = z
  .string({ error: 'must be a time zone such as America/New_York' })
  .refine((zone) => IANAZone.isValidZone(zone), { error: 'must be a time zone such as America/New_York (a region and a city)' });

export const tenantConfigSchema = z
  .strictObject({
    /** Lets editors find `resources/tenant.schema.json`; ignored by the appliance. */
    $schema: z.string().optional(),
    id: slug,
    name: nonEmptyLine,
    timezone,
    country: z.string().regex(/^[A-Z]{2}$/, { error: 'must be a two-letter country code like "US"' }),
    locale: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, { error: 'must be a locale like "en-US"' }).default('en-US'),
    address: plainText(z.string().trim().max(300)).optional(),
    phoneNumbers: z.array(e164).default([]),
    transferNumber: e164.nullable().default(null),
    greeting: nonEmptyText,
    languages: languages.default(['en']),
    hours: weekHours,
    closures: z.array(closure).default([]),
    specialHours: z.array(specialHours).default([]),
    booking: bookingPolicy,
    providers: z.array(provider).min(1, { error: 'must list at least one provider' }),
    services: z.array(service).min(1, { error: 'must list at least one service' }),
    review: reviewPolicy.default({ all: false, newCustomers: false, minConfidence: 0.5, emergencyKeywords: [] }),
    faq: z.array(faqEntry).default([]),
    texts: textsConfigSchema.default(DEFAULT_TEXTS_CONFIG),
    voice: voiceSettingsSchema.default({ mode: 'gather', ttsVoice: 'aura-2-thalia-en', sttModel: 'nova-3' }),
    /** Who answers: the offline rules receptionist (default) or the LLM receptionist over the same actions. */
    brain: z.enum(['rules', 'llm'], { error: 'must be "rules" or "llm"' }).default('rules'),
    llm: llmSettings.default({ instructions: '' }),
  })
  .superRefine((tenant, ctx) => {
    const providerIds = new Set<string>();
    tenant.providers.forEach((p, i) => {
      if (providerIds.has(p.id)) ctx.addIssue({ code: 'custom', path: ['providers', i, 'id'], message: `duplicates provider id "${p.id}"` });
      providerIds.add(p.id);
    });
    const serviceIds = new Set<string>();
    tenant.services.forEach((s, i) => {
      if (serviceIds.has(s.id)) ctx.addIssue({ code: 'custom', path: ['services', i, 'id'], message: `duplicates service id "${s.id}"` });
      serviceIds.add(s.id);
      // A booking blocks its buffers too, and the database holds a provider's blocked time to one day.
      const parts = [s.durationMinutes, s.bufferBeforeMinutes, s.bufferAfterMinutes];
      if (parts.every((m) => m <= MAX_SERVICE_MINUTES) && parts.reduce((a, b) => a + b, 0) > MAX_SERVICE_MINUTES) {
        ctx.addIssue({ code: 'custom', path: ['services', i, 'durationMinutes'], message: `with its buffers must fit in one day (${MAX_SERVICE_MINUTES} minutes)` });
      }
      s.providerIds.forEach((id, j) => {
        if (!providerIds.has(id)) {
          ctx.addIssue({ code: 'custom', path: ['services', i, 'providerIds', j], message: `names unknown provider "${id}"` });
        }
      });
    });
    const dates = new Set<string>();
    tenant.specialHours.forEach((s, i) => {
      if (dates.has(s.date)) ctx.addIssue({ code: 'custom', path: ['specialHours', i, 'date'], message: `lists ${s.date} twice` });
      dates.add(s.date);
    });
  });

/** A validated tenant, defaults filled in. */
export type TenantConfig = z.output<typeof tenantConfigSchema>;
/** What a tenant file may contain (defaults optional). */
export type TenantConfigInput = z.input<typeof tenantConfigSchema>;
export type Provider = TenantConfig['providers'][number];
export type Service = TenantConfig['services'][number];
export type WeekHours = z.output<typeof weekHours>;
export type DayHours = z.output<typeof dayHours>;
export type Closure = z.output<typeof closure>;
export type BookingPolicy = z.output<typeof bookingPolicy>;
