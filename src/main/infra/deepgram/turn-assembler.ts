import type { HeardWord, RecognizedTurn } from '../../core/calls/index.js';

/** Deepgram's live `Results` message, the fields a turn needs. */
export interface LiveResult {
  is_final?: boolean | undefined;
  speech_final?: boolean | undefined;
  start: number;
  duration: number;
  channel: { alternatives: { transcript: string; confidence: number; words: { word: string; start: number; end: number; punctuated_word?: string | undefined }[] }[] };
}

export interface AssemblerTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** While the caller gives digits (a phone number, a date) a pause is not the end of the turn yet. */
export const DIGIT_GRACE_MS = 1_500;

const NUMBER_WORD = /^(\d+[.,]?|zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)$/i;

/**
 * Turns Deepgram's stream of results into caller turns. A turn is the `is_final` segments joined
 * until `speech_final` (endpointing) or `UtteranceEnd` (the backstop): an `is_final` segment alone
 * is only a piece of the sentence, and ending the turn there cuts callers off mid-sentence. When
 * the turn so far ends in digits, a short grace keeps it open for the rest of the number.
 */
export class TurnAssembler {
  private finals: { text: string; confidence: number; words: HeardWord[] }[] = [];
  private grace: unknown = null;

  constructor(
    private readonly emit: { interim(words: HeardWord[]): void; final(turn: RecognizedTurn): void },
    private readonly timers: AssemblerTimers,
  ) {}

  result(message: LiveResult): void {
    const alt = message.channel.alternatives[0];
    if (!alt) return;
    const words = alt.words.map((w) => ({ word: w.punctuated_word ?? w.word, start: w.start, end: w.end }));
    if (alt.transcript.trim()) this.cancelGrace();
    if (!message.is_final) {
      if (alt.transcript.trim()) this.emit.interim([...this.finals.flatMap((f) => f.words), ...words]);
      return;
    }
    if (alt.transcript.trim()) {
      this.finals.push({ text: alt.transcript.trim(), confidence: alt.confidence, words });
      this.emit.interim(this.finals.flatMap((f) => f.words));
    }
    if (message.speech_final) this.endOfSpeech();
  }

  /** Deepgram's UtteranceEnd: no word for utterance_end_ms; whatever finals there are make the turn. */
  utteranceEnd(): void {
    this.cancelGrace();
    this.flush();
  }

  private endOfSpeech(): void {
    const last = this.finals.at(-1)?.words.at(-1);
    if (last && NUMBER_WORD.test(last.word.replace(/[.,]$/, ''))) {
      this.grace = this.timers.set(() => {
        this.grace = null;
        this.flush();
      }, DIGIT_GRACE_MS);
      return;
    }
    this.flush();
  }

  private cancelGrace(): void {
    if (this.grace !== null) this.timers.clear(this.grace);
    this.grace = null;
  }

  private flush(): void {
    if (this.finals.length === 0) return;
    const finals = this.finals;
    this.finals = [];
    const words = finals.flatMap((f) => f.words);
    const confidence = finals.reduce((sum, f) => sum + f.confidence, 0) / finals.length;
    this.emit.final({ text: finals.map((f) => f.text).join(' '), confidence, words, speechEndedAtAudioSec: words.at(-1)?.end ?? null });
  }
}
