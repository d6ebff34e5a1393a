import { z } from 'zod';
import { plainLine, plainText } from './plain-text-schema.js';
import { localDate, language } from './tenant.js';

export const BOOKING_STATUSES = ['held', 'pending_review', 'confirmed', 'arrived', 'cancelled', 'completed', 'no_show', 'expired'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
/** Bookings that hold their time: an arrived patient is still being seen. */
export const ACTIVE_BOOKING_STATUSES = ['held', 'pending_review', 'confirmed', 'arrived'] as const satisfies readonly BookingStatus[];
/** What the front desk records about a visit in one click. */
export const VISIT_OUTCOMES = ['arrived', 'completed', 'no_show'] as const satisfies readonly BookingStatus[];
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

/** An instant as ISO-8601; without an offset it is wall-clock in the practice's zone. */
export const instantInput = z.string({ error: 'must be a date and time like 2026-11-24T09:00' }).min(16, { error: 'must be a date and time like 2026-11-24T09:00' });

export const slotSchema = z.object({
  providerId: z.string(),
  providerName: z.string(),
  /** ISO with the practice's offset: 2026-11-24T09:00:00-05:00 */
  start: z.string(),
  end: z.string(),
});
export type SlotDto = z.infer<typeof slotSchema>;

export const customerSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  notes: z.string(),
  createdAt: z.number(),
  /** The language they spoke on their last call; absent when not known (use the practice's default). */
  language: language.optional(),
});
export type CustomerDto = z.infer<typeof customerSchema>;

export const bookingHistorySchema = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const bookingSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  /** The practice's name, for lists that span practices. */
  tenantName: z.string(),
  /** Made during a rehearsal: a test, never texted, removed when the rehearsal ends. */
  rehearsal: z.boolean(),
  status: z.enum(BOOKING_STATUSES),
  serviceId: z.string(),
  serviceName: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  start: z.string(),
  end: z.string(),
  customer: customerSchema.nullable(),
  source: z.enum(['phone', 'staff']),
  holdExpiresAt: z.string().nullable(),
  reviewReason: z.string().nullable(),
  notes: z.string(),
  callId: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type BookingDto = z.infer<typeof bookingSchema>;

export const customerInput = z
  .object({
    phone: z.string().min(3, { error: 'must be a phone number' }).optional(),
    name: plainLine(z.string().trim().min(1).max(120)).optional(),
  })
  .strict();

const tenantId = z.string().min(1);

export const schedulingCommands = {
  'availability/list-slots': {
    input: z.object({ tenantId, serviceId: z.string(), providerId: z.string().nullish(), from: localDate, to: localDate }).strict(),
    output: z.object({ slots: z.array(slotSchema) }),
  },
  'availability/suggest-slots': {
    input: z
      .object({
        tenantId,
        serviceId: z.string(),
        providerId: z.string().nullish(),
        wish: z
          .object({
            date: localDate.nullish(),
            time: z.string().regex(/^\d{2}:\d{2}$/).nullish(),
            partOfDay: z.enum(['morning', 'afternoon', 'evening']).nullish(),
            after: z.string().regex(/^\d{2}:\d{2}$/).nullish(),
            before: z.string().regex(/^\d{2}:\d{2}$/).nullish(),
            earliest: z.boolean().optional(),
            fromDate: localDate.nullish(),
            toDate: localDate.nullish(),
          })
          .strict()
          .default({}),
        searchDays: z.int().min(1).max(120).default(14),
      })
      .strict(),
    output: z.object({ slots: z.array(slotSchema) }),
  },
  'bookings/list': {
    input: z
      .object({ tenantId, from: localDate.optional(), to: localDate.optional(), statuses: z.array(z.enum(BOOKING_STATUSES)).optional(), providerId: z.string().optional() })
      .strict(),
    output: z.array(bookingSchema),
  },
  'bookings/get': {
    input: z.object({ tenantId, bookingId: z.string() }).strict(),
    output: bookingSchema.extend({ history: z.array(bookingHistorySchema) }),
  },
  'bookings/create': {
    input: z
      .object({
        tenantId,
        serviceId: z.string(),
        providerId: z.string(),
        start: instantInput,
        customer: customerInput,
        notes: plainText(z.string().max(2000)).optional(),
        idempotencyKey: z.string().min(1).max(200).optional(),
      })
      .strict(),
    output: bookingSchema,
  },
  'bookings/cancel': {
    input: z.object({ tenantId, bookingId: z.string(), reason: plainText(z.string().max(500)).optional() }).strict(),
    output: bookingSchema,
  },
  'bookings/reschedule': {
    input: z.object({ tenantId, bookingId: z.string(), start: instantInput, providerId: z.string().optional() }).strict(),
    output: bookingSchema,
  },
  'bookings/record-outcome': {
    input: z.object({ tenantId, bookingId: z.string(), outcome: z.enum(VISIT_OUTCOMES) }).strict(),
    output: bookingSchema,
  },
  /**
   * Takes back a mistaken arrived / completed / no-show click (`outcome` is the click being undone):
   * the visit returns to what it was before, recorded under the person's name.
   */
  'bookings/undo-outcome': {
    input: z.object({ tenantId, bookingId: z.string(), outcome: z.enum(VISIT_OUTCOMES) }).strict(),
    output: bookingSchema,
  },
  /** Removes every booking rehearsals made in this practice (they are tests), in one click. */
  'bookings/remove-rehearsal': { input: z.object({ tenantId }).strict(), output: z.object({ removed: z.number() }) },
  'customers/search': {
    input: z.object({ tenantId, query: z.string().max(100), limit: z.int().min(1).max(100).default(20) }).strict(),
    output: z.array(customerSchema),
  },
  'customers/get': {
    input: z.object({ tenantId, customerId: z.string() }).strict(),
    output: customerSchema.extend({ upcoming: z.array(bookingSchema), past: z.array(bookingSchema) }),
  },
  'customers/update': {
    input: z.object({ tenantId, customerId: z.string(), name: plainLine(z.string().trim().min(1).max(120)).optional(), notes: plainText(z.string().max(4000)).optional() }).strict(),
    output: customerSchema,
  },
} as const;


