import type { Language } from '../../../../shared/contract/index.js';
import type { AppointmentSummary, OfferedSlot } from '../actions/types.js';
import { emptyWish, type Wish } from './wish.js';

/** What the caller is doing with us right now. `idle`: between requests. */
export type Flow = 'idle' | 'book' | 'reschedule' | 'cancel' | 'check' | 'message';

/**
 * The question we just asked, so the next utterance is read in its light (and a silence can
 * re-ask it). Each kind has exactly one handler in the dialog.
 */
export type PendingKind =
  | 'intent'
  | 'anything_else'
  | 'service'
  | 'when'
  | 'pick_slot'
  | 'confirm_slot'
  | 'name'
  | 'confirm_name'
  | 'lookup'
  | 'pick_appointment'
  | 'confirm_cancel'
  | 'confirm_appointment'
  | 'confirm_reschedule'
  | 'message_reason'
  | 'callback_confirm'
  | 'callback_number'
  | 'confirm_callback'
  | 'offer_help'
  | 'offer_message'
  | 'offer_waitlist';

export interface Pending {
  kind: PendingKind;
  /** The catalog id of the question, so a repeat can be noticed whatever its parameters. */
  promptId: string;
  /** The question as first asked. */
  question: string;
  /** A rephrasing for when the caller was silent or not understood. */
  reprompt: string;
  /** Failed answers to this very question (names and numbers give up after two). */
  attempts: number;
  /** A critical answer heard with low confidence was already re-asked once. */
  rechecked: boolean;
  /** The value waiting for "did you say …?" (a name or an E.164 number). */
  candidate: string | null;
  /** For offer_help: what "one" and "two" mean, in the order the options were spoken. */
  choices: ('message' | 'person')[];
  /** For a sub-dialog (name, its confirmation): which step takes its result when it is done. */
  resume?: Resume;
}

/** Where a sub-dialog's result goes: the read-back of a held booking, the booking search, the message, or nowhere. */
export type Resume = 'read_back' | 'booking' | 'message' | 'idle';

export interface RulesState {
  v: 1;
  /** The language the caller is spoken to in. */
  language: Language;
  flow: Flow;
  pending: Pending | null;
  /** The caller's wish for a booking or a new time, built up over turns. */
  wish: Wish;
  /** The options last read out, so "the second one" or "the 2:30" can be resolved. */
  offered: OfferedSlot[];
  /** The slot held while the caller decides. A newer hold simply supersedes it (holds expire). */
  hold: { holdId: string; slot: OfferedSlot } | null;
  /** A hold the caller moved away from: the next search or hold releases it so it cannot block nearby times. */
  staleHoldId: string | null;
  /** The day the caller said their appointment is on ("my Thursday appointment"), to check against what is found. */
  appointmentDate: string | null;
  /** Appointments found for cancel / reschedule / check. */
  appointments: AppointmentSummary[];
  /** The appointment being cancelled, moved or read back. */
  target: AppointmentSummary | null;
  /** How many name / number look-ups were tried after caller ID found nothing. */
  lookups: number;
  /** The full day the caller may join the waitlist for ("YYYY-MM-DD"), while they decide. */
  waitlistDate: string | null;
  /** A name the caller told us (wins over the caller-ID name: they may book for someone else). */
  name: string | null;
  /** The caller could not give a name after two tries: carry on without one. */
  nameSkipped: boolean;
  message: { reason: string | null; urgent: boolean; callback: string | null; callbackSettled: boolean };
  /** The last question asked and how many turns in a row it was asked: a third time changes strategy. */
  repeat: { promptId: string; times: number };
  /** Booking turns in a row that reached no hold, booking or answer: going round in circles. */
  stalled: number;
  counters: {
    /** Silences in a row. */
    noInput: number;
    /** Utterances in a row we could not use. */
    misunderstood: number;
    /** Re-asks and misunderstandings in the current flow: a review signal. */
    clarifications: number;
  };
  /** Some utterance in the current booking flow was heard below the tenant's confidence floor. */
  lowConfidence: boolean;
  /** The caller described an emergency during this call. */
  emergency: boolean;
  /** For the live board: "book a teeth cleaning". */
  summary: string | null;
  /** The service last named in this call ("how much is a cleaning?"): what "can I book one?" means. */
  mentionedServiceId: string | null;
}

export function initialRulesState(language: Language = 'en'): RulesState {
  return {
    v: 1,
    language,
    flow: 'idle',
    pending: null,
    wish: emptyWish(),
    offered: [],
    hold: null,
    staleHoldId: null,
    appointmentDate: null,
    appointments: [],
    target: null,
    lookups: 0,
    waitlistDate: null,
    name: null,
    nameSkipped: false,
    message: { reason: null, urgent: false, callback: null, callbackSettled: false },
    repeat: { promptId: '', times: 0 },
    stalled: 0,
    counters: { noInput: 0, misunderstood: 0, clarifications: 0 },
    lowConfidence: false,
    emergency: false,
    summary: null,
    mentionedServiceId: null,
  };
}

/** State comes back from storage between webhooks; anything unrecognizable starts over rather than crashing. */
export function isRulesState(value: unknown): value is RulesState {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<RulesState>;
  return s.v === 1 && typeof s.flow === 'string' && typeof s.wish === 'object' && typeof s.counters === 'object' && typeof s.message === 'object';
}

export function newPending(kind: PendingKind, question: string, reprompt: string, promptId: string = kind): Pending {
  return { kind, promptId, question, reprompt, attempts: 0, rechecked: false, candidate: null, choices: [] };
}

/** A state stored by an earlier version lacks the newer fields: fill them in rather than start over. */
export function upgradeState(state: RulesState, language: Language): RulesState {
  state.language ??= language;
  state.appointmentDate ??= null;
  state.staleHoldId ??= null;
  state.repeat ??= { promptId: '', times: 0 };
  state.stalled ??= 0;
  state.waitlistDate ??= null;
  state.mentionedServiceId ??= null;
  if (state.pending) state.pending.promptId ??= state.pending.kind;
  return state;
}

