import type { Language } from '../../../shared/contract/index.js';
import type { HeardWord } from './turn-taking.js';

/** A caller's finished turn as the recognizer assembled it. */
export interface RecognizedTurn {
  text: string;
  confidence: number;
  words: HeardWord[];
  /** Where in the caller's audio (seconds from the start of the stream) their last word ended. */
  speechEndedAtAudioSec: number | null;
}

export interface TranscriberEvents {
  /** The recognizer's voice activity detector heard speech begin. */
  speechStarted(): void;
  /** Words so far of the turn in progress (finals of this turn plus the latest interim). */
  interim(words: HeardWord[]): void;
  /** The caller finished a turn. */
  final(turn: RecognizedTurn): void;
  /** The recognizer failed or closed: the call must go on without it. */
  failed(error: unknown): void;
}

/** Live speech-to-text for one call: caller audio in (μ-law 8 kHz), turns out. */
export interface Transcriber {
  sendAudio(mulaw: Uint8Array): void;
  /** Keeps the connection open while no caller audio flows. */
  keepAlive(): void;
  close(): void;
}

export interface SpeechToText {
  /**
   * Connects; rejects when the service is unreachable or refuses (the call then stays in gather mode).
   * `tag` labels the session at the vendor (the call), so its usage and logs can be matched to the call;
   * `language` is the caller's ('en', 'es').
   */
  open(options: { model: string; language: Language; keyterms: string[]; tag?: string; events: TranscriberEvents }): Promise<Transcriber>;
}

/** One call's voice: sentences in, each one's raw μ-law 8 kHz audio out as it is made, in the order spoken. */
export interface CallVoice {
  /** Aborting `signal` drops the sentence (and, on a live connection, everything still being made). */
  synthesize(text: string, signal: AbortSignal): AsyncIterable<Uint8Array>;
  close(): void;
}

export interface TextToSpeech {
  /**
   * The call's voice on one live connection (Deepgram's speak socket): sentences go as they are
   * ready, a barge-in clears what is still being made. Rejects when it cannot connect; `failed`
   * reports a connection lost mid-call.
   */
  connect(options: { voice: string; tag?: string; failed(error: unknown): void }): Promise<CallVoice>;
  /** The same voice by one request per sentence: the way when the connection cannot be made. */
  perSentence(voice: string): CallVoice;
}
