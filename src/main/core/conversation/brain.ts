import type { Language, TenantConfig } from '../../../shared/contract/index.js';
import type { ActionRouter } from './actions/types.js';

/** What the caller did this turn. `none`: silence (no input); `start`: the call just connected. */
export type Utterance =
  | { kind: 'start' }
  | { kind: 'none' }
  | { kind: 'speech'; text: string; confidence: number }
  | { kind: 'dtmf'; digits: string };

export interface CallerInfo {
  phone: string | null;
  /** A returning customer recognized by caller ID. */
  customer: { id: string; name: string | null } | null;
}

export interface TurnInput<S> {
  state: S;
  utterance: Utterance;
  tenant: TenantConfig;
  caller: CallerInfo;
  callId: string;
  turn: number;
  now: number;
  actions: ActionRouter;
  /**
   * Aborted when the turn is abandoned (a deadline, the caller cutting in, a hang-up, staff taking
   * over). The call flow also hands the brain an action router bound to it, so an abandoned turn
   * can act no more whatever the brain does; a brain that waits on something should stop too.
   */
  signal?: AbortSignal;
  /** The conversation as the caller heard it (interrupted lines cut where they were cut). */
  heard?: readonly HeardLine[];
  /** Receives each sentence as soon as it is ready (for brains without `stream`); `say` still lists them all. */
  onSentence?: (sentence: string) => void;
}

export interface HeardLine {
  speaker: 'caller' | 'receptionist' | 'staff';
  text: string;
  /** The caller cut this line off: `text` is the part that played. */
  interrupted: boolean;
}

/**
 * One turn as it happens: sentences as soon as the brain has them (so the first can play while it
 * still works), then the whole result. `result.say` lists every sentence the turn yielded.
 */
export interface BrainTurn<S> {
  sentences: AsyncIterable<string>;
  result: Promise<TurnResult<S>>;
}

export type CallOutcome = 'booked' | 'rescheduled' | 'cancelled' | 'answered' | 'message' | 'transferred' | 'abandoned';

export interface TurnResult<S> {
  state: S;
  /** Sentences for the caller, in order. Never empty unless `next` is 'hangup' after a goodbye already said. */
  say: string[];
  /** listen: wait for the caller; transfer: put the call through to `transferTo`; hangup: end the call. */
  next: 'listen' | 'transfer' | 'hangup';
  transferTo?: string | null;
  /** Set when the call reached an outcome this turn (the last one set wins). */
  outcome?: CallOutcome;
  /** What the caller wants, for the live board ("book a cleaning"). */
  summary?: string;
  /** The caller's name once they said it, for the live board and the call record. */
  callerName?: string;
  /** Words the speech recognizer should expect next (service and provider names…). */
  hints?: string[];
  /** The language the caller is being spoken to in (default: the practice's first language). */
  language?: Language;
  /**
   * A message the caller has started to leave and not finished: if the call ends before the
   * next turn, the call saves it as it is, so a message is never lost to a hang-up.
   */
  unsavedMessage?: UnsavedMessage;
}

export interface UnsavedMessage {
  reason: string;
  callerName: string | null;
  callbackNumber: string | null;
  urgent: boolean;
}

/**
 * A brain turns one utterance into words and actions. The rules brain and the LLM brain both
 * implement it, call the same actions, and never know whether the call is in gather or stream mode.
 * State is plain JSON: it is stored with the call between webhooks.
 */
export interface Brain<S = unknown> {
  readonly name: string;
  initialState(): S;
  /** The whole turn at once (the rules brain). */
  turn(input: TurnInput<S>): Promise<TurnResult<S>>;
  /** The turn sentence by sentence (the LLM brain, as the model writes). Without it, `turn` is streamed whole. */
  stream?(input: TurnInput<S>): BrainTurn<S>;
}
