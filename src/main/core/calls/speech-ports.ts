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
  /** Connects; rejects when the service is unreachable or refuses (the call then stays in gather mode). */
  /** `tag` labels the session at the vendor (the call), so its usage and logs can be matched to the call. */
  open(options: { model: string; keyterms: string[]; tag?: string; events: TranscriberEvents }): Promise<Transcriber>;
}

/** Text-to-speech: one sentence in, raw μ-law 8 kHz audio out as it is made. */
export interface TextToSpeech {
  synthesize(text: string, options: { voice: string; signal: AbortSignal }): AsyncIterable<Uint8Array>;
}
