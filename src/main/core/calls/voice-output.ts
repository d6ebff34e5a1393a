import type { Language, TenantConfig } from '../../../shared/contract/index.js';

/** What the caller heard of one sentence: all of it, or the part that played before they cut in. */
export interface Heard {
  text: string;
  interrupted: boolean;
}

/** How a turn ends once its sentences are said. */
export type TurnEnd =
  | { next: 'listen'; hints: string[]; listener: 'receptionist' | 'staff' }
  | { next: 'transfer'; to: string }
  | { next: 'hangup' }
  /**
   * The caller's language is one this output cannot speak (stream mode's Aura voices are English
   * only): the call goes on in gather mode, where Twilio speaks it, and the turn's sentences
   * (already in the transcript, not yet said) are said there.
   */
  | { next: 'gather' };

/** The call a turn ends on, and the language its caller is spoken to in. */
export interface TurnCall {
  tenant: TenantConfig;
  callId: string;
  language?: Language;
}

/**
 * Where a call's words go: the port a call session speaks through, knowing nothing of the wire.
 * Gather mode collects the sentences into TwiML; stream mode turns each into speech on the media
 * socket as soon as it is ready and reports, from Twilio's marks, how much of it was played.
 */
export interface VoiceOutput {
  /** Queues a sentence after those already queued; resolves with what the caller heard of it. */
  speak(text: string): Promise<Heard>;
  /**
   * The languages this output can speak; absent = any (gather mode: Twilio has a voice for each).
   * A turn in another language is not spoken here: it ends with `{ next: 'gather' }`.
   */
  readonly languages?: readonly Language[];
  /** Stops speaking now: what has not played is dropped, and its `speak` resolves as interrupted. */
  stopSpeaking(): void;
  /** What follows the sentences: listen for the caller (or for staff), put the call through, or hang up. */
  end(next: TurnEnd, call: TurnCall): void;
  /** Refuses the call (a number no practice owns, a rate limit) with one sentence, then hangs up. */
  refuse(text: string): void;
}
