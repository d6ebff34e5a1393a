import type { Language } from '../../../shared/contract/index.js';
import type { CallVoice, Heard, LiveVoiceOutput, TurnEnd } from '../../core/calls/index.js';
import type { Logger } from '../../core/kernel/index.js';

/** 20 ms of μ-law 8 kHz: the frame size Twilio itself sends. */
export const FRAME_BYTES = 160;
export const FRAME_MS = 20;
/** μ-law silence, to pad a sentence's last frame. */
const MULAW_SILENCE = 0xff;
/** A mark this often inside a sentence, so an interruption knows how far the caller got. */
const FRAMES_PER_MARK = 25;
/**
 * How far ahead of real time audio is sent. Twilio plays what it has buffered; little buffered
 * means `clear` silences the receptionist at once, and a lead of a few frames rides out timer jitter.
 */
export const DEFAULT_LEAD_MS = 120;

interface Sentence {
  seq: number;
  text: string;
  frames: Buffer[];
  partial: Buffer;
  synthDone: boolean;
  sentFrames: number;
  playedFrames: number;
  /** The mark after its last frame went out. */
  endMarked: boolean;
  settle: (heard: Heard) => void;
  settled: boolean;
  abort: AbortController;
  requestedAt: number;
  firstChunkAt: number | null;
}

export interface StreamOutputDeps {
  /** Sends one Media Streams message (media, mark, clear) to Twilio. */
  send: (message: Record<string, unknown>) => void;
  streamSid: string;
  /** The call's voice (Deepgram's speak socket, or one request per sentence). */
  voice: CallVoice;
  /**
   * Where a sentence goes when `voice` fails before any of its audio went out (the speak socket
   * dropped): one request per sentence, so the caller still hears it. Absent: the failure ends the stream.
   */
  fallbackVoice?: CallVoice;
  /** The one language this stream speaks (its voice's and recognizer's). */
  language: Language;
  now: () => number;
  logger: Logger;
  /** Text-to-speech failed: the call must go on without it. */
  onFailure: (error: unknown) => void;
  /** The turn ends in a transfer or hang-up (or hands the call to gather mode), once what was said has played. */
  onEnd: (next: Exclude<TurnEnd, { next: 'listen' }>) => void;
  leadMs?: number;
}

/**
 * The receptionist's voice on a Media Streams socket: each sentence is synthesized as soon as it
 * is spoken (the next while the current plays), cut into 20 ms frames and paced a little ahead of
 * real time. Marks after the frames tell what played; `stopSpeaking` sends `clear`, and marks
 * Twilio echoes after it are not counted, so the record holds what the caller actually heard.
 */
export class StreamOutput implements LiveVoiceOutput {
  readonly languages: readonly Language[];
  private voice: CallVoice;
  private readonly queue: Sentence[] = [];
  private readonly clearedMarks = new Set<string>();
  private readonly outstandingMarks = new Set<string>();
  private seq = 0;
  private bufferedUntil = 0;
  private timer: NodeJS.Timeout | null = null;
  private idleWaiters: (() => void)[] = [];
  private audioWaiters: ((at: number) => void)[] = [];
  private closed = false;
  private last: string | null = null;
  /**
   * The longest the caller's audio ran dry in the middle of an answer (ms): a frame was due at
   * Twilio before we sent it. Zero means the answer played without a gap.
   */
  maxUnderrunMs = 0;
  /** How long text-to-speech took to its first audio for the sentence that began the last answer. */
  lastAnswerVendorWaitMs: number | null = null;
  private midAnswer = false;
  /** How many times `clear` went to Twilio, and when the last one did (`now`): barge-in timing. */
  clearsSent = 0;
  lastClearAt: number | null = null;

  constructor(private readonly deps: StreamOutputDeps) {
    this.languages = [deps.language];
    this.voice = deps.voice;
  }

  speak(text: string): Promise<Heard> {
    if (this.closed) return Promise.resolve({ text: '', interrupted: true });
    this.last = text;
    return new Promise<Heard>((resolve) => {
      const sentence: Sentence = {
        seq: ++this.seq,
        text,
        frames: [],
        partial: Buffer.alloc(0),
        synthDone: false,
        sentFrames: 0,
        playedFrames: 0,
        endMarked: false,
        settled: false,
        abort: new AbortController(),
        requestedAt: this.deps.now(),
        firstChunkAt: null,
        settle: (heard) => {
          if (sentence.settled) return;
          sentence.settled = true;
          resolve(heard);
        },
      };
      this.queue.push(sentence);
      void this.synthesize(sentence);
    });
  }

  isSpeaking(): boolean {
    return this.queue.length > 0;
  }

  /** The sentence playing now (the caller is reacting to it), else the last one spoken. */
  lastSentence(): string | null {
    return this.queue[0]?.text ?? this.last;
  }

  idle(): Promise<void> {
    if (this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  nextAudio(): Promise<number> {
    return new Promise((resolve) => this.audioWaiters.push(resolve));
  }

  stopSpeaking(): void {
    if (this.queue.length === 0) return;
    this.deps.send({ event: 'clear', streamSid: this.deps.streamSid });
    this.clearsSent += 1;
    this.lastClearAt = this.deps.now();
    // Twilio echoes every outstanding mark on clear: those mean "discarded", not "played".
    for (const name of this.outstandingMarks) this.clearedMarks.add(name);
    this.outstandingMarks.clear();
    for (const sentence of this.queue.splice(0)) {
      sentence.abort.abort();
      sentence.settle({ text: heardPart(sentence), interrupted: true });
    }
    this.bufferedUntil = 0;
    this.wakeIdle();
  }

  /** Twilio echoed a mark: the audio before it has played. */
  markPlayed(name: string): void {
    if (this.clearedMarks.delete(name)) return;
    this.outstandingMarks.delete(name);
    const [seqText, position] = name.split('.');
    const sentence = this.queue.find((s) => s.seq === Number(seqText));
    if (!sentence) return;
    if (position === 'end') {
      sentence.playedFrames = sentence.sentFrames;
      sentence.settle({ text: sentence.text, interrupted: false });
      this.queue.splice(this.queue.indexOf(sentence), 1);
      this.wakeIdle();
      return;
    }
    sentence.playedFrames = Math.max(sentence.playedFrames, Number(position));
  }

  end(next: TurnEnd): void {
    if (next.next === 'listen') return;
    void this.idle().then(() => this.deps.onEnd(next));
  }

  refuse(text: string): void {
    void this.speak(text);
    this.end({ next: 'hangup' });
  }

  /** The socket is gone: nothing more is sent, and what did not play was not heard. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const sentence of this.queue.splice(0)) {
      sentence.abort.abort();
      sentence.settle({ text: heardPart(sentence), interrupted: sentence.sentFrames > 0 });
    }
    this.wakeIdle();
    this.deps.voice.close();
    this.deps.fallbackVoice?.close();
  }

  private async synthesize(sentence: Sentence): Promise<void> {
    const voice = this.voice;
    try {
      for await (const chunk of voice.synthesize(sentence.text, sentence.abort.signal)) {
        if (sentence.abort.signal.aborted) return;
        sentence.firstChunkAt ??= this.deps.now();
        let bytes = sentence.partial.length > 0 ? Buffer.concat([sentence.partial, chunk]) : Buffer.from(chunk);
        while (bytes.length >= FRAME_BYTES) {
          sentence.frames.push(bytes.subarray(0, FRAME_BYTES));
          bytes = bytes.subarray(FRAME_BYTES);
        }
        sentence.partial = bytes;
        this.pump();
      }
      if (sentence.partial.length > 0) {
        const last = Buffer.alloc(FRAME_BYTES, MULAW_SILENCE);
        sentence.partial.copy(last);
        sentence.frames.push(last);
        sentence.partial = Buffer.alloc(0);
      }
      sentence.synthDone = true;
      this.pump();
    } catch (error) {
      if (sentence.abort.signal.aborted || this.closed) return;
      const fallback = this.deps.fallbackVoice;
      if (fallback && voice !== fallback && sentence.sentFrames === 0) {
        // Nothing of it was heard yet: the whole sentence (and every one after it) goes by request.
        if (this.voice !== fallback) this.deps.logger.warn({ err: error }, 'the speak socket failed; the call goes on speaking one request per sentence');
        this.voice = fallback;
        sentence.frames = [];
        sentence.partial = Buffer.alloc(0);
        sentence.firstChunkAt = null;
        return this.synthesize(sentence);
      }
      this.deps.logger.warn({ err: error }, 'text-to-speech failed');
      this.deps.onFailure(error);
    }
  }

  /** Sends what is due: frames until the lead is full, a mark after each sentence. */
  private pump(): void {
    if (this.closed || this.timer) return;
    const lead = this.deps.leadMs ?? DEFAULT_LEAD_MS;
    const now = this.deps.now();
    if (this.bufferedUntil < now) {
      const dueFrame = this.queue.some((s) => s.sentFrames < s.frames.length);
      if (this.midAnswer && dueFrame) this.maxUnderrunMs = Math.max(this.maxUnderrunMs, now - this.bufferedUntil);
      this.bufferedUntil = now;
    }
    let waitingForSpeech = false;
    while (this.bufferedUntil < now + lead) {
      const sentence = this.queue.find((s) => !s.endMarked);
      if (!sentence) break;
      if (sentence.sentFrames < sentence.frames.length) {
        this.sendFrame(sentence, now);
        continue;
      }
      if (sentence.synthDone) {
        this.sendMark(`${sentence.seq}.end`);
        sentence.endMarked = true;
        continue;
      }
      waitingForSpeech = true;
      break;
    }
    // Waiting on synthesis: the next chunk pumps again. Otherwise come back when the lead has room.
    if (!waitingForSpeech && this.queue.some((s) => !s.endMarked)) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.pump();
      }, FRAME_MS);
    }
  }

  private sendFrame(sentence: Sentence, now: number): void {
    const frame = sentence.frames[sentence.sentFrames]!;
    sentence.sentFrames += 1;
    this.deps.send({ event: 'media', streamSid: this.deps.streamSid, media: { payload: frame.toString('base64') } });
    this.bufferedUntil += FRAME_MS;
    if (!this.midAnswer) {
      this.midAnswer = true;
      this.lastAnswerVendorWaitMs = sentence.firstChunkAt === null ? null : sentence.firstChunkAt - sentence.requestedAt;
    }
    if (this.audioWaiters.length > 0) for (const waiter of this.audioWaiters.splice(0)) waiter(now);
    if (sentence.sentFrames % FRAMES_PER_MARK === 0) this.sendMark(`${sentence.seq}.${sentence.sentFrames}`);
  }

  private sendMark(name: string): void {
    this.outstandingMarks.add(name);
    this.deps.send({ event: 'mark', streamSid: this.deps.streamSid, mark: { name } });
  }

  private wakeIdle(): void {
    if (this.queue.length > 0) return;
    this.midAnswer = false;
    for (const waiter of this.idleWaiters.splice(0)) waiter();
  }
}

/** The words of a sentence the caller heard before it stopped, in proportion to the frames that played. */
function heardPart(sentence: Sentence): string {
  if (sentence.playedFrames <= 0) return '';
  const total = sentence.synthDone ? sentence.frames.length : Math.max(sentence.frames.length, sentence.playedFrames);
  const words = sentence.text.split(/\s+/).filter(Boolean);
  const count = Math.floor((words.length * sentence.playedFrames) / Math.max(1, total));
  return words.slice(0, count).join(' ');
}
