import { z } from 'zod';
import { bookingSchema, customerSchema } from './scheduling.js';
import { e164, localDate } from './tenant.js';

const tenantId = z.string().min(1);
const staffName = z.string().trim().min(1, { error: 'enter your name' }).max(80);
const phone = z.string().trim().min(3, { error: 'must be a phone number' });

/** Twilio's delivery states of an outgoing text, as its status callbacks report them. */
export const DELIVERY_STATUSES = ['accepted', 'scheduled', 'queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'read', 'canceled'] as const;

export const textMessageSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  phone: z.string(),
  direction: z.enum(['in', 'out']),
  body: z.string(),
  at: z.string(),
  /** in: received; out: the outbox's state (pending → sent → failed). */
  status: z.enum(['received', 'pending', 'sent', 'failed']),
  /** What Twilio last reported for an outgoing text (queued, delivered, undelivered, failed…). */
  deliveryStatus: z.string().nullable(),
  lastError: z.string().nullable(),
  /** Why it was sent: confirmation, reminder, staff-reply… */
  purpose: z.string(),
  bookingId: z.string().nullable(),
  read: z.boolean(),
});
export type TextMessageDto = z.infer<typeof textMessageSchema>;

export const textThreadSummarySchema = z.object({
  phone: z.string(),
  customer: customerSchema.nullable(),
  lastBody: z.string(),
  lastAt: z.string(),
  lastDirection: z.enum(['in', 'out']),
  unread: z.number(),
  optedOut: z.boolean(),
});
export type TextThreadSummaryDto = z.infer<typeof textThreadSummarySchema>;

export const textThreadSchema = z.object({
  phone: z.string(),
  customer: customerSchema.nullable(),
  optedOut: z.boolean(),
  messages: z.array(textMessageSchema),
  /** The customer's appointments, newest first, so staff can open the one a text is about. */
  bookings: z.array(bookingSchema),
});
export type TextThreadDto = z.infer<typeof textThreadSchema>;

export const waitlistEntrySchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  phone: z.string(),
  name: z.string().nullable(),
  serviceId: z.string(),
  serviceName: z.string(),
  providerId: z.string().nullable(),
  fromDate: z.string(),
  toDate: z.string(),
  /** An existing booking the patient would move into an earlier opening; null for a new booking. */
  bookingId: z.string().nullable(),
  status: z.enum(['waiting', 'offered', 'booked', 'removed']),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type WaitlistEntryDto = z.infer<typeof waitlistEntrySchema>;

export const textsCommands = {
  'texts/list-threads': { input: z.object({ tenantId }).strict(), output: z.array(textThreadSummarySchema) },
  'texts/get-thread': { input: z.object({ tenantId, phone }).strict(), output: textThreadSchema },
  /** Sends a staff member's text through the outbox (retried, deduplicated, delivery tracked). */
  'texts/reply': {
    input: z.object({ tenantId, phone, body: z.string().trim().min(1, { error: 'write a message' }).max(640, { error: 'must be at most 640 characters' }), staffName }).strict(),
    output: textMessageSchema,
  },
  'texts/mark-read': { input: z.object({ tenantId, phone }).strict(), output: z.object({ unread: z.number() }) },
  'texts/unread-count': { input: z.object({ tenantId }).strict(), output: z.object({ unread: z.number() }) },
  /** What was texted about one booking and whether it was delivered. */
  'texts/list-for-booking': { input: z.object({ tenantId, bookingId: z.string() }).strict(), output: z.array(textMessageSchema) },

  'waitlist/list': { input: z.object({ tenantId }).strict(), output: z.array(waitlistEntrySchema) },
  'waitlist/add': {
    input: z
      .object({
        tenantId,
        phone: e164,
        name: z.string().trim().min(1).max(120).optional(),
        serviceId: z.string(),
        providerId: z.string().optional(),
        fromDate: localDate,
        toDate: localDate,
        bookingId: z.string().optional(),
        staffName,
      })
      .strict(),
    output: waitlistEntrySchema,
  },
  'waitlist/remove': { input: z.object({ tenantId, entryId: z.string(), staffName }).strict(), output: waitlistEntrySchema },
} as const;

export const textsEvents = {
  /** A text came in or went out (or its delivery changed) in a practice; `unread` is its unread total. */
  'texts/changed': z.object({ tenantId: z.string(), phone: z.string(), unread: z.number() }),
  'waitlist/changed': z.object({ tenantId: z.string() }),
} as const;
