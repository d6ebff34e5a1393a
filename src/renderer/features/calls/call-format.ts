import type { CallSummaryDto } from '../../../shared/contract/calls.js';
import { formatPhoneNumber } from '../overview/format.js';

export type CallOutcome = NonNullable<CallSummaryDto['outcome']>;

const OUTCOME_LABELS: Record<CallOutcome, string> = {
  booked: 'Booked',
  rescheduled: 'Rescheduled',
  cancelled: 'Cancelled',
  answered: 'Question answered',
  message: 'Message taken',
  transferred: 'Transferred',
  abandoned: 'Caller hung up',
};

export function outcomeLabel(outcome: CallOutcome | null): string {
  return outcome ? OUTCOME_LABELS[outcome] : 'No outcome';
}

export type OutcomeFacts = Pick<CallSummaryDto, 'outcome'> & Partial<Pick<CallSummaryDto, 'bookingStatus' | 'rehearsal' | 'emergency'>>;

/**
 * What the call came to, as it stands now: a booking made on the call and later rejected or
 * cancelled no longer reads "Booked"; one waiting for a person says so; a rehearsal's booking is
 * a test; an emergency says so first.
 */
export function callOutcomeLabel(call: OutcomeFacts): string {
  const base = bookingAware(call);
  return call.emergency ? `Emergency · ${base}` : base;
}

function bookingAware(call: OutcomeFacts): string {
  if (call.outcome !== 'booked') return outcomeLabel(call.outcome);
  switch (call.bookingStatus) {
    case 'pending_review':
      return 'Booked, waiting for review';
    case 'cancelled':
      return 'Booking cancelled';
    case 'expired':
      return 'Booking not completed';
    case undefined:
    case null:
      return call.rehearsal ? 'Test booking, removed' : 'Booked';
    default:
      return call.rehearsal ? 'Test booking' : 'Booked';
  }
}

export function outcomeToneOf(call: OutcomeFacts): 'ok' | 'warn' | 'bad' | 'neutral' | 'info' {
  if (call.emergency) return 'bad';
  if (call.outcome === 'booked' && (call.bookingStatus === 'cancelled' || call.bookingStatus === 'expired')) return 'neutral';
  if (call.outcome === 'booked' && call.bookingStatus === 'pending_review') return 'warn';
  switch (call.outcome) {
    case 'booked':
    case 'rescheduled':
      return 'ok';
    case 'message':
    case 'transferred':
      return 'info';
    case 'abandoned':
      return 'warn';
    default:
      return 'neutral';
  }
}

/**
 * The appliance gives rehearsal calls (typed on the Rehearsal screen) CallSids starting with "RH";
 * real Twilio CallSids start with "CA".
 */
export function isRehearsal(call: Pick<CallSummaryDto, 'callSid'>): boolean {
  return call.callSid.startsWith('RH');
}

/** Who called, as a person would say it: their name when known, else their number. */
export function callerLabel(call: Pick<CallSummaryDto, 'callerName' | 'from'> & Partial<Pick<CallSummaryDto, 'callSid'>>): string {
  // A rehearsal stays recognizable as one even after the "caller" gives a name.
  if (call.callSid && isRehearsal({ callSid: call.callSid })) return call.callerName ? `Rehearsal call · ${call.callerName}` : 'Rehearsal call';
  if (call.callerName) return call.callerName;
  if (call.from) return formatPhoneNumber(call.from);
  return 'Unknown caller';
}

/** The call's number for the second line, or null when the first line already shows it. */
export function callerNumber(call: Pick<CallSummaryDto, 'callerName' | 'from'>): string | null {
  return call.callerName && call.from ? formatPhoneNumber(call.from) : null;
}

export interface CallStateView {
  /** A StatusPill tone (kept as its union here so this module stays free of components). */
  tone: 'ok' | 'warn' | 'bad' | 'neutral' | 'info';
  label: string;
}

/** The board's one-word answer to "who has this call right now?". */
export function callState(call: Pick<CallSummaryDto, 'active' | 'mode' | 'outcome'> & OutcomeFacts): CallStateView {
  if (!call.active) return { tone: call.emergency ? 'bad' : 'neutral', label: `Ended · ${callOutcomeLabel(call)}` };
  if (call.emergency) return { tone: 'bad', label: call.outcome === 'transferred' ? 'Emergency · transferred to the desk' : 'Emergency' };
  if (call.outcome === 'transferred') return { tone: 'info', label: 'Transferred to the desk' };
  if (call.mode === 'staff') return { tone: 'warn', label: 'Staff has it' };
  return { tone: 'ok', label: 'Receptionist' };
}

/** "0:07", "12:45", "1:02:03". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** "2 minutes 5 seconds", for screen readers and tooltips. */
export function spokenDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const parts: string[] = [];
  if (minutes > 0) parts.push(`${minutes} minute${minutes === 1 ? '' : 's'}`);
  if (seconds > 0 || minutes === 0) parts.push(`${seconds} second${seconds === 1 ? '' : 's'}`);
  return parts.join(' ');
}

/** Epoch ms of an ISO instant with an offset; NaN when unreadable. */
export function instantOf(iso: string): number {
  return Date.parse(iso);
}

/**
 * The appliance sends instants with the practice's own offset (`…T09:05:00-05:00`). Reading the
 * wall-clock fields as UTC and formatting in UTC shows the practice's local time without needing
 * its zone, which is what the front desk expects whatever the PC's own zone is.
 */
function wallClock(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(iso);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? '0'));
}

/** "9:05 AM" in the practice's local time. */
export function formatLocalTime(iso: string, locale?: string): string {
  const at = wallClock(iso);
  if (at === null) return iso;
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(at);
}

/** "Mon, Nov 23, 9:05 AM" in the practice's local time. */
export function formatLocalDateTime(iso: string, locale?: string): string {
  const at = wallClock(iso);
  if (at === null) return iso;
  return new Intl.DateTimeFormat(locale, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(at);
}

/** How long the call lasted (ended) or has lasted so far (live), given the appliance's clock. */
export function callDurationMs(call: Pick<CallSummaryDto, 'startedAt' | 'endedAt'>, applianceNow: number): number {
  const start = instantOf(call.startedAt);
  const end = call.endedAt ? instantOf(call.endedAt) : applianceNow;
  return Number.isFinite(start) && Number.isFinite(end) ? Math.max(0, end - start) : 0;
}

/** "under 1 ms", "12 ms", "1.4 s": how long an action took. */
export function formatActionTime(ms: number): string {
  if (ms < 1) return 'under 1 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** "92%" for a 0..1 confidence. */
export function formatConfidence(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

const ACTION_LABELS: Record<string, string> = {
  check_availability: 'Checked availability',
  hold_slot: 'Held a time',
  book_appointment: 'Booked an appointment',
  find_appointments: 'Looked up appointments',
  cancel_appointment: 'Cancelled an appointment',
  reschedule_appointment: 'Moved an appointment',
  answer_question: 'Answered a question',
  take_message: 'Took a message',
  transfer_to_staff: 'Transferred to staff',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action.replace(/_/g, ' ');
}

/** `serviceId: exam · start: 2026-11-24T10:00` — the arguments an action ran with, short. */
export function summarizeArgs(args: unknown, maxLength = 140): string {
  if (args === null || args === undefined) return '';
  if (typeof args !== 'object') return truncate(String(args), maxLength);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(args as Record<string, unknown>)) {
    if (value === null || value === undefined || value === '') continue;
    parts.push(`${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  }
  return truncate(parts.join(' · '), maxLength);
}

function truncate(text: string, maxLength: number): string {
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/**
 * A number typed at the desk, as E.164: "(555) 555-0100" → "+15555550100" (North American numbers
 * may omit +1). Null when it cannot be a phone number.
 */
export function normalizePhoneInput(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  const digits = trimmed.replace(/[\s().-]/g, '');
  if (/^\+[1-9]\d{6,14}$/.test(digits)) return digits;
  if (/^\d{10}$/.test(digits)) return `+1${digits}`;
  if (/^1\d{10}$/.test(digits)) return `+${digits}`;
  return null;
}
