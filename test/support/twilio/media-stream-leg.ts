import { WebSocket } from 'ws';
import { twilioSignature } from '../twilio-signer.js';
import { twilioSid } from './twilio-wire.js';

const FRAME_BYTES = 160;
const FRAME_MS = 20;
const MULAW_SILENCE = 0xff;

type Played = { kind: 'frame'; payload: Buffer } | { kind: 'mark'; name: string };

/**
 * Twilio's side of a bidirectional media stream, driving the app's real WebSocket: a signed
 * upgrade to the wss:// URL, `connected` and `start` (with the `<Parameter>`s), then the caller's
 * audio as 20 ms μ-law frames at real pace (silence between phrases, as a phone line carries), and
 * `stop` when the caller hangs up. The app's audio is played back at real pace too: a `mark`
 * is echoed when the audio sent before it has played, and `clear` drops what is buffered and
 * echoes every outstanding mark at once, as Twilio does.
 */
export class MediaStreamLeg {
  readonly streamSid = twilioSid('CA').replace(/^CA/, 'MZ');
  /** Every message the app sent, in order. */
  readonly fromApp: { event: string; [key: string]: unknown }[] = [];
  /** Marks echoed back to the app, and whether the audio before them had played (false: discarded by a clear). */
  readonly echoed: { name: string; played: boolean }[] = [];
  /** Frames of the app's audio that actually played to the caller. */
  playedFrames = 0;
  clears = 0;
  /** Marks the app sent (each is echoed once, played or discarded). */
  marksReceived = 0;
  /** When (performance.now) each message from the app arrived, in order with `fromApp`. */
  readonly arrivals: number[] = [];
  closedBy: 'app' | 'caller' | null = null;
  readonly closed: Promise<void>;
  private readonly playback: Played[] = [];
  private readonly callerAudio: { audio: Buffer; offset: number; done: () => void }[] = [];
  private sequence = 1;
  private chunk = 1;
  private startedAt = 0;
  private timer: NodeJS.Timeout | null = null;
  private listeners: (() => void)[] = [];

  private constructor(private readonly socket: WebSocket) {
    this.closed = new Promise((resolve) => {
      socket.on('close', () => {
        if (this.timer) clearInterval(this.timer);
        this.timer = null;
        this.closedBy ??= 'app';
        resolve();
        this.notify();
      });
    });
    socket.on('message', (data) => this.onMessage(String(data)));
  }

  /** Opens the stream as Twilio does; rejects with the HTTP status when the app refuses the upgrade. */
  static async open(options: {
    physicalUrl: string;
    signedUrl: string;
    authToken: string;
    signWith?: string | undefined;
    accountSid: string;
    callSid: string;
    parameters: Record<string, string>;
  }): Promise<MediaStreamLeg> {
    const signature = twilioSignature(options.signWith ?? options.authToken, options.signedUrl, {});
    const socket = new WebSocket(options.physicalUrl, { headers: { 'X-Twilio-Signature': signature, 'User-Agent': 'Twilio.TmeWs/1.0' } });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`upgrade refused with ${res.statusCode}`), { status: res.statusCode })));
      socket.once('error', reject);
    });
    const leg = new MediaStreamLeg(socket);
    leg.begin(options);
    return leg;
  }

  /** The caller says this (μ-law 8 kHz audio); resolves when the last frame went out. */
  say(audio: Buffer): Promise<void> {
    return new Promise((done) => this.callerAudio.push({ audio, offset: 0, done }));
  }

  /** The caller presses a key. */
  press(digit: string): void {
    this.send({ event: 'dtmf', streamSid: this.streamSid, sequenceNumber: String(this.sequence++), dtmf: { track: 'inbound_track', digit } });
  }

  /** Seconds of caller silence (silence frames keep flowing, as on a real line). */
  pause(ms: number): Promise<void> {
    return this.say(Buffer.alloc(Math.round((ms / 1000) * 8000), MULAW_SILENCE));
  }

  /** The caller hangs up: Twilio sends `stop` and closes. */
  async hangUp(): Promise<void> {
    this.closedBy = 'caller';
    this.send({ event: 'stop', sequenceNumber: String(this.sequence++), streamSid: this.streamSid, stop: { accountSid: '', callSid: '' } });
    this.socket.close(1000);
    await this.closed;
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** Everything the app sent has played (or was cleared) and every mark it sent was echoed. */
  get drained(): boolean {
    return !this.playing && this.echoed.length === this.marksReceived;
  }

  /** Whether the app's audio is still playing or buffered. */
  get playing(): boolean {
    return this.playback.some((p) => p.kind === 'frame');
  }

  /** Resolves once the condition holds (checked on every message and frame); rejects after the timeout. */
  until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timeout = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== check);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      const check = () => {
        if (!condition()) return;
        clearTimeout(timeout);
        this.listeners = this.listeners.filter((l) => l !== check);
        resolve();
      };
      this.listeners.push(check);
    });
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private begin(options: { accountSid: string; callSid: string; parameters: Record<string, string> }): void {
    this.send({ event: 'connected', protocol: 'Call', version: '1.0.0' });
    this.send({
      event: 'start',
      sequenceNumber: String(this.sequence++),
      start: {
        accountSid: options.accountSid,
        streamSid: this.streamSid,
        callSid: options.callSid,
        tracks: ['inbound'],
        mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
        customParameters: options.parameters,
      },
      streamSid: this.streamSid,
    });
    this.startedAt = Date.now();
    // One tick per 20 ms frame: a frame of the caller's line goes out, a frame of ours plays.
    this.timer = setInterval(() => this.tick(), FRAME_MS);
  }

  private tick(): void {
    this.sendCallerFrame();
    this.playOneFrame();
    this.notify();
  }

  private sendCallerFrame(): void {
    const frame = Buffer.alloc(FRAME_BYTES, MULAW_SILENCE);
    const current = this.callerAudio[0];
    if (current) {
      current.audio.copy(frame, 0, current.offset, Math.min(current.offset + FRAME_BYTES, current.audio.length));
      current.offset += FRAME_BYTES;
      if (current.offset >= current.audio.length) {
        this.callerAudio.shift();
        current.done();
      }
    }
    this.send({
      event: 'media',
      sequenceNumber: String(this.sequence++),
      media: { track: 'inbound', chunk: String(this.chunk++), timestamp: String(Date.now() - this.startedAt), payload: frame.toString('base64') },
      streamSid: this.streamSid,
    });
  }

  private playOneFrame(): void {
    this.echoLeadingMarks();
    const next = this.playback[0];
    if (next?.kind === 'frame') {
      this.playback.shift();
      this.playedFrames++;
    }
    this.echoLeadingMarks();
  }

  private echoLeadingMarks(): void {
    while (this.playback[0]?.kind === 'mark') {
      const mark = this.playback.shift() as { kind: 'mark'; name: string };
      this.echo(mark.name, true);
    }
  }

  private echo(name: string, played: boolean): void {
    this.echoed.push({ name, played });
    this.send({ event: 'mark', sequenceNumber: String(this.sequence++), streamSid: this.streamSid, mark: { name } });
  }

  private onMessage(text: string): void {
    const message = JSON.parse(text) as { event: string; streamSid?: string; media?: { payload: string }; mark?: { name: string } };
    // Audio is kept as its size only: a long call (or fifty at once) would otherwise hold every frame.
    this.fromApp.push(message.event === 'media' ? { event: 'media', streamSid: message.streamSid, bytes: Math.floor(((message.media?.payload.length ?? 0) * 3) / 4) } : message);
    this.arrivals.push(performance.now());
    if (message.streamSid !== this.streamSid) throw new Error(`the app sent ${message.event} for stream ${message.streamSid}, not ${this.streamSid}`);
    switch (message.event) {
      case 'media': {
        const payload = Buffer.from(message.media!.payload, 'base64');
        if (payload.length === 0 || payload.length % FRAME_BYTES !== 0) throw new Error(`media payload of ${payload.length} bytes is not whole 20 ms frames`);
        this.playback.push({ kind: 'frame', payload });
        break;
      }
      case 'mark':
        this.marksReceived++;
        this.playback.push({ kind: 'mark', name: message.mark!.name });
        // Nothing buffered before it: Twilio echoes at once.
        if (this.playback.length === 1) this.echoLeadingMarks();
        break;
      case 'clear': {
        this.clears++;
        const pending = this.playback.splice(0);
        for (const p of pending) if (p.kind === 'mark') this.echo(p.name, false);
        break;
      }
      default:
        // Twilio answers anything else with error 31924 and ignores it; a test should see it as a bug.
        throw new Error(`the app sent "${message.event}", which Twilio does not accept on a media stream`);
    }
    this.notify();
  }

  private send(message: Record<string, unknown>): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }
}
