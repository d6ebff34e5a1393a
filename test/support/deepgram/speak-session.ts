import type { WebSocket } from 'ws';

/** The audio for one flushed piece of text, still being sent when a Clear may arrive. */
interface Job {
  chunks: Buffer[];
  sequenceId: number;
}

/** A chunk of made-up speech per message, as Deepgram streams a sentence in pieces. */
const CHUNK_BYTES = 1_600;

/**
 * One text-to-speech socket, as Deepgram's speak v1 answers it: `Speak` messages add text,
 * `Flush` turns the text so far into raw audio (binary messages, a few at a time, so a `Clear` can
 * land mid-sentence) followed by `Flushed`, `Clear` drops the text and every audio chunk not sent
 * yet (but the one already on its way) and answers `Cleared`, `Close` sends what is left and
 * closes. A `Metadata` message opens the session; anything it cannot read gets a `Warning`.
 */
export class SpeakSession {
  readonly control: { type: string; text?: string }[] = [];
  /** Bytes of audio sent, and how many audio messages. */
  audioBytes = 0;
  audioMessages = 0;
  closedWith: number | null = null;
  private buffered = '';
  private sequenceId = 0;
  private readonly jobs: Job[] = [];
  private sending = false;
  private closing = false;

  constructor(
    readonly socket: WebSocket,
    readonly query: URLSearchParams,
    private readonly audioFor: (text: string) => Buffer,
    private readonly onSpeak: (text: string) => void,
    /** 0: audio as fast as the loop turns (Deepgram is faster than real time); else a chunk every this many ms. */
    private readonly chunkEveryMs = 0,
  ) {
    this.send({ type: 'Metadata', request_id: 'fake-speak-request', model_name: query.get('model') ?? '', model_version: 'fake', model_uuid: 'fake-model' });
    socket.on('message', (data, isBinary) => this.onMessage(data as Buffer, isBinary));
    socket.on('close', (code) => {
      this.closedWith = code;
      this.jobs.length = 0;
    });
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    if (isBinary) return this.warn('binary messages are not accepted on a speak socket');
    let message: { type?: string; text?: unknown };
    try {
      message = JSON.parse(String(data)) as typeof message;
    } catch {
      return this.warn('message is not JSON');
    }
    this.control.push({ type: String(message.type), ...(typeof message.text === 'string' ? { text: message.text } : {}) });
    switch (message.type) {
      case 'Speak':
        if (typeof message.text !== 'string') return this.warn('Speak needs a text');
        this.buffered += message.text;
        this.onSpeak(message.text);
        return;
      case 'Flush': {
        const text = this.buffered;
        this.buffered = '';
        const audio = text ? this.audioFor(text) : Buffer.alloc(0);
        const chunks: Buffer[] = [];
        for (let at = 0; at < audio.length; at += CHUNK_BYTES) chunks.push(audio.subarray(at, at + CHUNK_BYTES));
        this.jobs.push({ chunks, sequenceId: this.sequenceId++ });
        return this.pump();
      }
      case 'Clear': {
        this.buffered = '';
        // A chunk of the sentence being made was already on its way: it arrives before Cleared.
        const inFlight = this.jobs[0]?.chunks.shift();
        this.jobs.length = 0;
        if (inFlight) this.sendAudio(inFlight);
        return this.send({ type: 'Cleared', sequence_id: this.sequenceId });
      }
      case 'Close':
        this.closing = true;
        return this.pump();
      default:
        return this.warn(`unknown message type ${String(message.type)}`);
    }
  }

  /** Sends the jobs' audio a chunk per turn of the event loop, each job ending with Flushed. */
  private pump(): void {
    if (this.sending) return;
    const job = this.jobs[0];
    if (!job) {
      if (this.closing && this.socket.readyState === this.socket.OPEN) this.socket.close(1000);
      return;
    }
    this.sending = true;
    const later = (fn: () => void) => (this.chunkEveryMs > 0 ? setTimeout(fn, this.chunkEveryMs) : setImmediate(fn));
    later(() => {
      this.sending = false;
      if (this.jobs[0] !== job) return this.pump();
      const chunk = job.chunks.shift();
      if (chunk) {
        this.sendAudio(chunk);
      } else {
        this.jobs.shift();
        this.send({ type: 'Flushed', sequence_id: job.sequenceId });
      }
      this.pump();
    });
  }

  private sendAudio(chunk: Buffer): void {
    this.audioBytes += chunk.length;
    this.audioMessages++;
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(chunk, { binary: true });
  }

  private warn(description: string): void {
    this.send({ type: 'Warning', description, code: 'BAD_MESSAGE' });
  }

  private send(message: Record<string, unknown>): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(message));
  }
}
