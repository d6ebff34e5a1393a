import { z } from 'zod';
import { localDate } from './tenant.js';

export const CALENDAR_KINDS = ['google', 'outlook', 'caldav', 'ics'] as const;

const tenantId = z.string().min(1);
const connectionRef = z.object({ tenantId, connectionId: z.string().min(1) }).strict();

export const calendarConnectionSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  kind: z.enum(CALENDAR_KINDS),
  label: z.string(),
  /** Where it points; a feed's private query string is left out. */
  address: z.string(),
  username: z.string().nullable(),
  countsAsBusy: z.boolean(),
  receivesBookings: z.boolean(),
  /** ok · error (retrying) · reconnect (the owner must sign in again). */
  status: z.enum(['ok', 'error', 'reconnect']),
  lastSyncAt: z.string().nullable(),
  /** In plain words, for the owner. */
  lastError: z.string().nullable(),
});
export type CalendarConnectionDto = z.infer<typeof calendarConnectionSchema>;

export const calendarSyncOutcomeSchema = z.object({
  connectionId: z.string(),
  ok: z.boolean(),
  full: z.boolean(),
  changed: z.number(),
  conflicts: z.number(),
  error: z.string().nullable(),
});

export const busyBlockSchema = z.object({
  providerId: z.string(),
  connectionId: z.string(),
  calendar: z.string(),
  /** ISO with the practice's offset. */
  start: z.string(),
  end: z.string(),
});
export type BusyBlockDto = z.infer<typeof busyBlockSchema>;

/** A booking's change on its way to a calendar (the calendar outbox), for the console: words and local times, no ids shown. */
export const calendarDeliverySchema = z.object({
  /** The outbox position, for keys only. */
  seq: z.number(),
  bookingId: z.string(),
  /** "Teeth cleaning – Ann Lee". */
  what: z.string(),
  /** The appointment's start, ISO with the practice's offset (null when the booking is gone). */
  appointmentAt: z.string().nullable(),
  /** The calendar's label ("Maria's Outlook"). */
  calendar: z.string(),
  /** write: add or move the event; remove: take it out. */
  change: z.enum(['write', 'remove']),
  /** pending: waiting or retrying; failed: given up (the calendar refused it). */
  status: z.enum(['pending', 'failed']),
  attempts: z.number(),
  /** In plain words. */
  lastError: z.string().nullable(),
  /** When the next try is, ISO with the practice's offset (pending only). */
  nextAttemptAt: z.string().nullable(),
  queuedAt: z.string(),
});
export type CalendarDeliveryDto = z.infer<typeof calendarDeliverySchema>;

const httpUrl = z.string().trim().url({ error: 'must be a web address like https://calendar.example.com/…' });

export const calendarCommands = {
  'calendars/list': { input: z.object({ tenantId }).strict(), output: z.array(calendarConnectionSchema) },
  /** CalDAV (with a password) or an ICS feed; Google and Outlook connect through the sign-in flow. */
  'calendars/connect': {
    input: z.discriminatedUnion('kind', [
      z.object({ tenantId, providerId: z.string().min(1), kind: z.literal('caldav'), address: httpUrl, username: z.string().min(1), password: z.string().min(1), label: z.string().max(80).optional(), countsAsBusy: z.boolean().optional() }).strict(),
      z.object({ tenantId, providerId: z.string().min(1), kind: z.literal('ics'), address: httpUrl, label: z.string().max(80).optional(), countsAsBusy: z.boolean().optional() }).strict(),
    ]),
    output: calendarConnectionSchema,
  },
  /**
   * Google or Outlook: a loopback sign-in with PKCE; open the returned link (the account's
   * calendars appear when it is finished; signing in again to a connected account reconnects it).
   */
  'calendars/start-sign-in': {
    input: z.object({ tenantId, providerId: z.string().min(1), kind: z.enum(['google', 'outlook']), label: z.string().max(80).optional() }).strict(),
    /** openedInBrowser: the desktop app opened the link in the system browser already (the console still shows it). */
    output: z.object({ url: z.string(), openedInBrowser: z.boolean() }),
  },
  'calendars/update': {
    input: connectionRef.extend({ countsAsBusy: z.boolean().optional(), receivesBookings: z.boolean().optional(), label: z.string().max(80).optional() }).strict(),
    output: calendarConnectionSchema,
  },
  'calendars/disconnect': { input: connectionRef, output: z.object({ disconnected: z.literal(true) }) },
  'calendars/sync': { input: z.object({ tenantId }).strict(), output: z.array(calendarSyncOutcomeSchema) },
  /** Bookings not yet in their calendars (pending or failed calendar outbox items), oldest first. */
  'calendars/list-deliveries': { input: z.object({ tenantId }).strict(), output: z.array(calendarDeliverySchema) },
  /** Outside busy time for the schedule, per provider. */
  'calendars/busy-blocks': {
    input: z.object({ tenantId, from: localDate, to: localDate, providerId: z.string().optional() }).strict(),
    output: z.array(busyBlockSchema),
  },
} as const;

export const calendarEvents = {
  'calendars/changed': z.object({ tenantId: z.string() }),
  /** Raised once when a calendar's sign-in expires or is revoked (not once per sync). */
  'calendars/reconnect-needed': z.object({ tenantId: z.string(), connectionId: z.string(), providerId: z.string(), label: z.string(), message: z.string() }),
} as const;
