import type { WebSocket } from 'ws';
import { callLanguage, CallSession, type CallFlow, type CallService, type CircuitBreaker, type SpeechToText, type TextToSpeech, type Transcriber, type TurnLatency } from '../../core/calls/index.js';
import type { Logger } from '../../core/kernel/index.js';
import type { TenantService } from '../../core/tenants/index.js';
import type { TenantConfig } from '../../../shared/contract/index.js';
import type { LiveStreams, StreamExit } from './live-streams.js';
import { StreamOutput } from './stream-output.js';
import { voiceFor } from './stream-voices.js';

export interface MediaStreamDeps {
  flow: CallFlow;
  calls: CallService;
  tenants: TenantService;
  stt: SpeechToText;
  tts: TextToSpeech;
  breaker: CircuitBreaker;
  streams: LiveStreams;
  logger: Logger;
  /** Monotonic milliseconds. */
  now: () => number;
  fillerAfterMs?: number;
  /** How far ahead of real time audio is sent (stream-output's default unless set). */
  leadMs?: number;
  onLatency?: (callSid: string, latency: TurnLatency) => void;
  /** Benchmarks read the frame send times. */
  onOutput?: (callSid: string, output: StreamOutput) => void;
  /**
   * A barge-in: `inputAt` is when the recognizer's message that crossed the interruption gate
   * reached this process's handler, `clearAt` when `clear` was handed to Twilio's socket (ms, `now`).
   */
  onBargeIn?: (callSid: string, timing: { inputAt: number; clearAt: number }) => void;
}

/** KeepAlive this often while the receptionist talks (Deepgram closes after 10 s without audio). */
const KEEPALIVE_MS = 4_000;

interface StartMessage {
  streamSid: string;
  callSid: string;
  customParameters?: Record<string, string>;
}

/**
 * One Media Streams socket: Twilio's `connected`/`start`/`media`/`dtmf`/`mark`/`stop` in, our
 * `media`/`mark`/`clear` out. Caller audio goes to the speech recognizer, its turns to the call
 * session, the session's words to text-to-speech and back as paced frames. If the recognizer or
 * the voice fails, the stream closes and Twilio carries on with the TwiML after `<Connect>`: the
 * same call, in gather mode, from where it was.
 */
export function handleMediaStream(socket: WebSocket, deps: MediaStreamDeps): void {
  let callSid: string | null = null;
  let log = deps.logger;
  let output: StreamOutput | null = null;
  let session: CallSession | null = null;
  let transcriber: Transcriber | null = null;
  let keepAlive: NodeJS.Timeout | null = null;
  let audioStartedAt: number | null = null;
  let finished = false;
  let starting: Promise<void> | null = null;
  const early: Buffer[] = [];
  // Twilio sends one event per key: a number typed on the keypad is one turn, sent after a pause or '#'.
  const keys = new KeyBuffer((digits) => void session?.dtmf(digits));

  const send = (message: Record<string, unknown>) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };

  const finish = (exit: StreamExit | null) => {
    if (finished) return;
    finished = true;
    if (callSid && exit) deps.streams.setExit(callSid, exit);
    if (keepAlive) clearInterval(keepAlive);
    keys.cancel();
    session?.hangUp();
    output?.close();
    transcriber?.close();
    if (callSid) deps.streams.remove(callSid);
    if (exit && socket.readyState === socket.OPEN) socket.close(1000, exit.next);
  };

  const speechFailed = (error: unknown, where: string) => {
    if (finished) return;
    deps.breaker.failed(error);
    log.warn({ err: error instanceof Error ? error.message : String(error), where }, 'speech service failed; the call goes on in gather mode');
    finish({ next: 'gather', reason: 'speech-failed' });
  };

  const start = async (message: StartMessage) => {
    const params = message.customParameters ?? {};
    const sid = params.callSid ?? message.callSid;
    const call = sid ? deps.calls.findBySid(sid) : null;
    if (!call || call.endedAt !== null || (params.tenantId && params.tenantId !== call.tenantId)) {
      deps.logger.warn({ callSid: sid }, 'media stream for no live call');
      finish({ next: 'hangup' });
      return;
    }
    callSid = call.callSid;
    log = deps.logger.child({ tenantId: call.tenantId, callId: call.id, streamSid: message.streamSid });
    const tenant = deps.tenants.get(call.tenantId).config;
    // The stream hears and speaks the call's language; a caller who turns to the other goes on in gather mode.
    const language = callLanguage(call, tenant);
    const voiceName = voiceFor(tenant.voice.ttsVoice, language);
    // The speak socket connects while the recognizer does; if it cannot, sentences go one request each.
    const voiceReady = deps.tts.connect({ voice: voiceName, failed: (error) => log.warn({ err: errorText(error) }, 'the speak socket failed mid-call') }).then(
      (voice) => ({ voice, fallback: deps.tts.perSentence(voiceName) }),
      (error: unknown) => {
        log.warn({ err: errorText(error) }, 'could not open the speak socket; speaking one request per sentence');
        return { voice: deps.tts.perSentence(voiceName), fallback: undefined };
      },
    );
    let live: CallSession | null = null;
    let out: StreamOutput | null = null;
    try {
      transcriber = await deps.stt.open({
        model: tenant.voice.sttModel,
        language,
        keyterms: keytermsOf(tenant),
        tag: call.callSid,
        events: {
          speechStarted: () => {},
          interim: (words) => {
            if (!live || !out) return;
            const inputAt = deps.now();
            const clears = out.clearsSent;
            live.interim(words);
            if (out.clearsSent > clears) deps.onBargeIn?.(call.callSid, { inputAt, clearAt: out.lastClearAt! });
          },
          final: (turn) =>
            void live?.final({
              text: turn.text,
              confidence: turn.confidence,
              words: turn.words,
              speechEndedAt: turn.speechEndedAtAudioSec === null || audioStartedAt === null ? null : audioStartedAt + turn.speechEndedAtAudioSec * 1000,
            }),
          failed: (error) => speechFailed(error, 'speech recognition'),
        },
      });
    } catch (error) {
      void voiceReady.then(({ voice }) => voice.close());
      speechFailed(error, 'connecting speech recognition');
      return;
    }
    const { voice, fallback } = await voiceReady;
    if (finished) {
      voice.close();
      return transcriber.close();
    }
    deps.breaker.succeeded();
    const liveOutput = new StreamOutput({
      send,
      streamSid: message.streamSid,
      voice,
      ...(fallback ? { fallbackVoice: fallback } : {}),
      language,
      now: deps.now,
      logger: log,
      onFailure: (error) => speechFailed(error, 'text-to-speech'),
      ...(deps.leadMs === undefined ? {} : { leadMs: deps.leadMs }),
      onEnd: (next) => finish(next.next === 'gather' ? { next: 'gather', reason: 'language' } : next),
    });
    out = output = liveOutput;
    deps.onOutput?.(call.callSid, liveOutput);
    const liveSession = new CallSession({
      flow: deps.flow,
      output: liveOutput,
      callSid: call.callSid,
      logger: log,
      now: deps.now,
      fillerAfterMs: deps.fillerAfterMs ?? 700,
      ...(deps.onLatency ? { onLatency: (latency: TurnLatency) => deps.onLatency!(call.callSid, latency) } : {}),
    });
    live = session = liveSession;
    for (const chunk of early.splice(0)) transcriber.sendAudio(chunk);
    keepAlive = setInterval(() => {
      if (liveOutput.isSpeaking()) transcriber?.keepAlive();
    }, KEEPALIVE_MS);
    keepAlive.unref();
    deps.streams.add(call.callSid, {
      session: liveSession,
      transfer: async (number, sayFirst) => {
        liveSession.takenOver();
        void liveOutput.speak(sayFirst);
        liveOutput.end({ next: 'transfer', to: number });
      },
    });
    log.info({ language, voice: voiceName, speakSocket: fallback !== undefined }, 'media stream started');
    await liveSession.start();
  };

  socket.on('message', (data, isBinary) => {
    if (isBinary) return;
    let message: { event?: string; start?: StartMessage; media?: { payload?: string; track?: string }; dtmf?: { digit?: string }; mark?: { name?: string }; streamSid?: string };
    try {
      message = JSON.parse(String(data)) as typeof message;
    } catch {
      log.warn({ callSid }, 'media stream message is not JSON');
      return;
    }
    switch (message.event) {
      case 'connected':
        return;
      case 'start':
        if (message.start && !starting) starting = start(message.start).catch((error: unknown) => speechFailed(error, 'starting the stream'));
        return;
      case 'media': {
        if (!message.media?.payload || (message.media.track && message.media.track !== 'inbound')) return;
        const audio = Buffer.from(message.media.payload, 'base64');
        audioStartedAt ??= deps.now();
        if (transcriber) transcriber.sendAudio(audio);
        else if (!finished) early.push(audio);
        return;
      }
      case 'dtmf':
        if (message.dtmf?.digit) keys.press(message.dtmf.digit);
        return;
      case 'mark':
        if (message.mark?.name) output?.markPlayed(message.mark.name);
        return;
      case 'stop':
        log.info({}, 'media stream stopped');
        finish(null);
        return;
      default:
        log.warn({ event: message.event }, 'unknown media stream event');
    }
  });
  socket.on('close', () => finish(null));
  socket.on('error', (error) => {
    log.warn({ err: error }, 'media stream socket error');
    finish(null);
  });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Keys pressed in a row, as one entry. */
class KeyBuffer {
  private digits = '';
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly flush: (digits: string) => void,
    private readonly pauseMs = 1_500,
  ) {}

  press(key: string): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (key === '#') return this.send();
    this.digits += key;
    this.timer = setTimeout(() => this.send(), this.pauseMs);
    this.timer.unref();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.digits = '';
  }

  private send(): void {
    const digits = this.digits;
    this.cancel();
    if (digits) this.flush(digits);
  }
}

/** What the recognizer should expect to hear: the practice's name, services and providers, with their aliases. */
export function keytermsOf(tenant: TenantConfig): string[] {
  const terms = [tenant.name, ...tenant.services.flatMap((s) => [s.name, ...s.aliases]), ...tenant.providers.flatMap((p) => [p.name, ...p.aliases])];
  return [...new Set(terms.map((t) => t.trim()).filter(Boolean))].slice(0, 50);
}
