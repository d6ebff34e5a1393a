import { DeepgramClient } from '@deepgram/sdk';
import type { CallVoice, SpeechToText, TextToSpeech, Transcriber, TranscriberEvents } from '../../core/calls/index.js';
import { connectSpeakSocket } from './speak-socket.js';
import { TurnAssembler, type LiveResult } from './turn-assembler.js';

export interface DeepgramOptions {
  /** Read at use time, so a key set or rotated later (the secret vault) applies to the next call. */
  apiKey: () => string | null;
  /** Another base URL for Deepgram (tests point it at a fake); null = Deepgram's own. */
  baseUrl: string | null;
  /** How long to wait for the listen (or speak) socket to open before the call stays in gather mode (or speaks by request). */
  connectTimeoutSeconds?: number;
}

export class DeepgramNotConfiguredError extends Error {
  constructor() {
    super('no Deepgram API key is set');
  }
}

/** How long the speak socket may take to open before the call speaks one request per sentence. */
const SPEAK_CONNECT_SECONDS = 2;

/** Endpointing: silence (ms) after which Deepgram marks `speech_final`. */
const ENDPOINTING_MS = 300;
/** The backstop when endpointing misses the end of a turn (noise): Deepgram's minimum is 1000. */
const UTTERANCE_END_MS = 1_000;

/**
 * Deepgram through its v5 SDK: live transcription of the caller's μ-law 8 kHz audio with interim
 * results, endpointing and UtteranceEnd, in the caller's language; and text-to-speech as raw μ-law
 * 8 kHz, on one speak socket per call (or, when that cannot connect, one REST request per sentence
 * with no container: Twilio would play a WAV header as a click). The SDK's own reconnects are off: a silent
 * reconnect mid-call loses the caller's words, so a dropped socket is reported instead and the
 * call carries on in gather mode.
 */
export function createDeepgramSpeech(options: DeepgramOptions): { stt: SpeechToText; tts: TextToSpeech } {
  const client = () => {
    const apiKey = options.apiKey();
    if (!apiKey) throw new DeepgramNotConfiguredError();
    return new DeepgramClient({ apiKey, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}), reconnect: false });
  };

  const stt: SpeechToText = {
    async open({ model, language, keyterms, tag, events }) {
      const socket = await client().listen.v1.connect({
        model,
        language,
        encoding: 'mulaw',
        sample_rate: 8000,
        channels: 1,
        interim_results: 'true',
        punctuate: 'true',
        smart_format: 'true',
        endpointing: ENDPOINTING_MS,
        utterance_end_ms: String(UTTERANCE_END_MS),
        vad_events: 'true',
        ...(tag ? { tag } : {}),
        ...(keyterms.length > 0 && model.startsWith('nova-3') ? { keyterm: keyterms } : {}),
        reconnectAttempts: 0,
        connectionTimeoutInSeconds: options.connectTimeoutSeconds ?? 5,
      });
      return openTranscriber(socket, events);
    },
  };

  const perSentence = (voice: string): CallVoice => ({
    async *synthesize(text, signal) {
      const response = await client().speak.v1.audio.generate(
        { text, model: voice, encoding: 'mulaw', sample_rate: 8000, container: 'none' },
        { abortSignal: signal, maxRetries: 0, timeoutInSeconds: 10 },
      );
      const body = response.stream();
      if (!body) return;
      const reader = body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          if (value.byteLength > 0) yield value;
        }
      } finally {
        reader.releaseLock();
      }
    },
    close() {},
  });

  const tts: TextToSpeech = {
    // The greeting waits for the voice: a speak socket slow to open gives way to REST soon.
    connect: ({ voice, failed }) => connectSpeakSocket(client(), { voice, failed, connectTimeoutSeconds: Math.min(options.connectTimeoutSeconds ?? 5, SPEAK_CONNECT_SECONDS) }),
    perSentence,
  };
  return { stt, tts };
}

type ListenSocket = Awaited<ReturnType<DeepgramClient['listen']['v1']['connect']>>;

async function openTranscriber(socket: ListenSocket, events: TranscriberEvents): Promise<Transcriber> {
  let closing = false;
  let failed = false;
  const fail = (error: unknown) => {
    if (closing || failed) return;
    failed = true;
    events.failed(error);
  };
  const assembler = new TurnAssembler(
    { interim: (words) => events.interim(words), final: (turn) => events.final(turn) },
    { set: (fn, ms) => setTimeout(fn, ms), clear: (handle) => clearTimeout(handle as NodeJS.Timeout) },
  );
  socket.on('message', (message) => {
    switch (message.type) {
      case 'Results':
        assembler.result(message as LiveResult);
        break;
      case 'UtteranceEnd':
        assembler.utteranceEnd();
        break;
      case 'SpeechStarted':
        events.speechStarted();
        break;
      default:
        break;
    }
  });
  socket.on('error', (error) => fail(error));
  socket.on('close', (event) => fail(new Error(`Deepgram closed the listen socket (${event.code})`)));
  socket.connect();
  await socket.waitForOpen();
  return {
    sendAudio(mulaw) {
      if (!closing && !failed) socket.sendMedia(mulaw);
    },
    keepAlive() {
      if (!closing && !failed) socket.sendKeepAlive({ type: 'KeepAlive' });
    },
    close() {
      if (closing) return;
      closing = true;
      try {
        if (!failed) socket.sendCloseStream({ type: 'CloseStream' });
      } catch {
        // Already closed: nothing to flush.
      }
      socket.close();
    },
  };
}
