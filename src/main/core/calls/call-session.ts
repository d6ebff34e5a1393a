import type { Logger } from '../kernel/index.js';
import type { Utterance } from '../conversation/index.js';
import type { CallFlow } from './call-flow.js';
import { contentWords, DEFAULT_BARGE_IN, isInterruption, type BargeInPolicy, type HeardWord } from './turn-taking.js';
import type { VoiceOutput } from './voice-output.js';

/** A voice output that plays audio itself, so it knows whether the receptionist is still talking. */
export interface LiveVoiceOutput extends VoiceOutput {
  /** Audio queued or playing that the caller has not heard to the end yet. */
  isSpeaking(): boolean;
  /** Resolves when everything queued so far has played (or was stopped). */
  idle(): Promise<void>;
  /** Resolves with the time (session `now`) the next audio frame goes out. */
  nextAudio(): Promise<number>;
  /** The sentence spoken last, to tell an answer to a question from a backchannel. */
  lastSentence(): string | null;
}

/** One turn's timing, from the caller's last word to the first sound of the answer (session `now`, ms). */
export interface TurnLatency {
  turn: number;
  speechEndedAt: number | null;
  finalAt: number;
  firstSentenceAt: number | null;
  firstAudioAt: number | null;
}

export interface CallSessionDeps {
  flow: CallFlow;
  output: LiveVoiceOutput;
  callSid: string;
  logger: Logger;
  /** Monotonic milliseconds, for latency. */
  now: () => number;
  bargeIn?: BargeInPolicy;
  /** A filler when nothing is ready this long into a turn (about 700 ms). */
  fillerAfterMs?: number;
  /** Each answered turn's latency. */
  onLatency?: (latency: TurnLatency) => void;
}

export interface FinalUtterance {
  text: string;
  confidence: number;
  words: HeardWord[];
  /** When the caller stopped speaking (session `now`), if the recognizer said. */
  speechEndedAt: number | null;
}

/**
 * A live call as a stream of events, transport-neutral: the caller starts speaking, words arrive
 * (interim, then final), keys are pressed, staff step in, the caller hangs up. Turns run one at a
 * time through the call flow; the caller cutting in stops the receptionist at once and abandons
 * the turn in progress, while backchannels ("mm-hmm", "okay") and noise do not.
 */
export class CallSession {
  private turnInProgress: AbortController | null = null;
  private queue: Promise<void> = Promise.resolve();
  private deferred: FinalUtterance | null = null;
  private ended = false;
  private turnCount = 0;
  private readonly bargeIn: BargeInPolicy;

  constructor(private readonly deps: CallSessionDeps) {
    this.bargeIn = deps.bargeIn ?? DEFAULT_BARGE_IN;
  }

  /** The media connected: greet the caller (or, when the call already began, carry on). */
  start(): Promise<void> {
    return this.enqueue(() => this.runTurn({ kind: 'start' }, null));
  }

  /** Interim words while the caller speaks: stop talking if this is a real interruption. */
  interim(words: readonly HeardWord[]): void {
    if (this.ended || !this.busy()) return;
    if (isInterruption(words, this.bargeIn)) this.interrupt('barge-in');
  }

  /** The caller finished a turn. */
  final(utterance: FinalUtterance): Promise<void> {
    if (this.ended || !utterance.text.trim()) return Promise.resolve();
    if (this.deps.output.isSpeaking() && !isInterruption(utterance.words, this.bargeIn)) {
      // Said over the receptionist without interrupting: an answer to the question still being
      // asked ("yes", "Tuesday") is kept for when it ends; a backchannel to a statement is just that.
      const asked = this.deps.output.lastSentence()?.trim().endsWith('?') ?? false;
      if (!asked && contentWords(utterance.words).length === 0) {
        this.deps.logger.debug({ callSid: this.deps.callSid }, 'backchannel while the receptionist speaks');
        return Promise.resolve();
      }
      this.deferred = utterance;
      void this.deps.output.idle().then(() => this.takeDeferred());
      return Promise.resolve();
    }
    this.interrupt('barge-in');
    return this.enqueue(() => this.runTurn({ kind: 'speech', text: utterance.text.trim(), confidence: utterance.confidence }, utterance));
  }

  dtmf(digits: string): Promise<void> {
    if (this.ended) return Promise.resolve();
    this.interrupt('keys');
    return this.enqueue(() => this.runTurn({ kind: 'dtmf', digits }, null));
  }

  /** The caller said nothing for a while after the receptionist finished. */
  silence(): Promise<void> {
    if (this.ended || this.busy()) return Promise.resolve();
    return this.enqueue(() => this.runTurn({ kind: 'none' }, null));
  }

  /** Staff took the call: whatever the receptionist was doing stops. */
  takenOver(): void {
    this.interrupt('takeover');
  }

  /** Staff typed lines (or took over): speak what staff queued, then listen for staff. */
  staffSpeaks(): Promise<void> {
    return this.enqueue(() => this.deps.flow.staffTurn({ callSid: this.deps.callSid, speech: '', confidence: null }, this.deps.output));
  }

  /** Staff handed the call back: the receptionist repeats where it was. */
  handedBack(): Promise<void> {
    return this.enqueue(() => this.deps.flow.resume(this.deps.callSid, this.deps.output));
  }

  /** The caller hung up or the media ended: nothing more is done for this call. */
  hangUp(): void {
    if (this.ended) return;
    this.interrupt('hang-up');
    this.ended = true;
  }

  /** Resolves when the turns queued so far have run. */
  settled(): Promise<void> {
    return this.queue;
  }

  private busy(): boolean {
    return this.turnInProgress !== null || this.deps.output.isSpeaking();
  }

  private interrupt(reason: string): void {
    const speaking = this.deps.output.isSpeaking();
    if (speaking) this.deps.output.stopSpeaking();
    if (this.turnInProgress) this.turnInProgress.abort(new Error(reason));
    if (speaking || this.turnInProgress) this.deps.logger.debug({ callSid: this.deps.callSid, reason }, 'receptionist interrupted');
  }

  private takeDeferred(): void {
    const utterance = this.deferred;
    this.deferred = null;
    if (!utterance || this.ended || this.busy()) return;
    void this.enqueue(() => this.runTurn({ kind: 'speech', text: utterance.text.trim(), confidence: utterance.confidence }, utterance));
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work).catch((error: unknown) => this.deps.logger.error({ callSid: this.deps.callSid, err: error }, 'call session turn failed'));
    this.queue = next;
    return next;
  }

  private async runTurn(utterance: Utterance, final: FinalUtterance | null): Promise<void> {
    if (this.ended) return;
    this.deferred = null;
    const controller = new AbortController();
    this.turnInProgress = controller;
    const finalAt = this.deps.now();
    let firstSentenceAt: number | null = null;
    const firstAudio = this.deps.output.nextAudio();
    const turn = ++this.turnCount;
    try {
      await this.deps.flow.respond(this.deps.callSid, utterance, this.deps.output, {
        signal: controller.signal,
        ...(this.deps.fillerAfterMs === undefined ? {} : { fillerAfterMs: this.deps.fillerAfterMs }),
        onFirstSentence: () => (firstSentenceAt = this.deps.now()),
      });
    } finally {
      if (this.turnInProgress === controller) this.turnInProgress = null;
    }
    if (controller.signal.aborted || !this.deps.onLatency) return;
    const onLatency = this.deps.onLatency;
    void firstAudio.then((firstAudioAt) => {
      onLatency({ turn, speechEndedAt: final?.speechEndedAt ?? null, finalAt, firstSentenceAt, firstAudioAt });
    });
  }
}
