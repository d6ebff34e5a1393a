import type { DeepgramClient } from '@deepgram/sdk';
import type { CallVoice } from '../../core/calls/index.js';

type SpeakSocket = Awaited<ReturnType<DeepgramClient['speak']['v1']['connect']>>;

/** A `Clear` Deepgram does not answer with `Cleared` this soon leaves the socket unusable. */
const CLEARED_WITHIN_MS = 3_000;

/** One sentence on the socket: the audio Deepgram has sent for it so far, until its `Flushed`. */
interface InFlight {
  chunks: Uint8Array[];
  done: boolean;
  error: unknown;
  wake: (() => void) | null;
}

/**
 * A call's voice on Deepgram's speak WebSocket (v1): each sentence goes as `Speak` + `Flush` the
 * moment it is spoken, its audio (raw μ-law 8 kHz: a socket has no container) comes back as binary
 * messages and ends with `Flushed`, in the order the sentences were sent. A barge-in sends `Clear`:
 * audio still arriving before Deepgram's `Cleared` belongs to the cleared sentences and is dropped.
 */
export async function connectSpeakSocket(
  client: DeepgramClient,
  options: { voice: string; connectTimeoutSeconds: number; failed(error: unknown): void },
): Promise<CallVoice> {
  const socket: SpeakSocket = await client.speak.v1.connect({
    model: options.voice,
    encoding: 'mulaw',
    sample_rate: '8000',
    reconnectAttempts: 0,
    connectionTimeoutInSeconds: options.connectTimeoutSeconds,
  });
  const inFlight: InFlight[] = [];
  let clearing = 0;
  let clearTimer: NodeJS.Timeout | null = null;
  let closing = false;
  let lost: unknown = null;
  // Binary messages arrive as Blobs whose bytes are read asynchronously: one chain keeps every
  // message (audio, Flushed, Cleared) in the order Deepgram sent it.
  let chain: Promise<void> = Promise.resolve();

  const wake = (sentence: InFlight) => {
    const waiter = sentence.wake;
    sentence.wake = null;
    waiter?.();
  };

  const fail = (error: unknown) => {
    if (closing || lost !== null) return;
    lost = error;
    if (clearTimer) clearTimeout(clearTimer);
    for (const sentence of inFlight.splice(0)) {
      sentence.error = error;
      wake(sentence);
    }
    options.failed(error);
  };

  const onMessage = (message: unknown) => {
    if (closing || lost !== null) return;
    if (message instanceof Uint8Array) {
      if (clearing > 0) return;
      const sentence = inFlight[0];
      if (!sentence) return;
      sentence.chunks.push(message);
      return wake(sentence);
    }
    const type = (message as { type?: string }).type;
    if (type === 'Cleared') {
      clearing = Math.max(0, clearing - 1);
      if (clearing === 0 && clearTimer) clearTimeout(clearTimer);
      return;
    }
    if (type === 'Flushed' && clearing === 0) {
      const sentence = inFlight.shift();
      if (!sentence) return;
      sentence.done = true;
      return wake(sentence);
    }
    if (type === 'Warning') fail(new Error(`Deepgram speak warning: ${JSON.stringify(message)}`));
  };

  socket.on('message', (message) => {
    chain = chain.then(async () => onMessage(message instanceof Blob ? new Uint8Array(await message.arrayBuffer()) : message)).catch(fail);
  });
  socket.on('error', (error) => fail(error));
  socket.on('close', (event) => fail(new Error(`Deepgram closed the speak socket (${event.code})`)));
  socket.connect();
  await socket.waitForOpen();

  /** Drops everything still being made: the sentences end now, and their late audio is ignored. */
  const clear = () => {
    if (inFlight.length === 0 || lost !== null || closing) return;
    for (const sentence of inFlight.splice(0)) {
      sentence.done = true;
      wake(sentence);
    }
    clearing += 1;
    socket.sendClear({ type: 'Clear' });
    if (clearTimer) clearTimeout(clearTimer);
    clearTimer = setTimeout(() => fail(new Error('Deepgram did not answer Clear')), CLEARED_WITHIN_MS);
    clearTimer.unref();
  };

  return {
    async *synthesize(text, signal) {
      if (lost !== null) throw lost;
      if (closing || signal.aborted) return;
      const sentence: InFlight = { chunks: [], done: false, error: null, wake: null };
      inFlight.push(sentence);
      signal.addEventListener('abort', clear, { once: true });
      try {
        socket.sendText({ type: 'Speak', text });
        socket.sendFlush({ type: 'Flush' });
        for (;;) {
          const chunk = sentence.chunks.shift();
          if (chunk) {
            yield chunk;
            continue;
          }
          if (sentence.error !== null) throw sentence.error;
          if (sentence.done) return;
          await new Promise<void>((resolve) => (sentence.wake = resolve));
        }
      } finally {
        signal.removeEventListener('abort', clear);
      }
    },
    close() {
      if (closing) return;
      closing = true;
      if (clearTimer) clearTimeout(clearTimer);
      for (const sentence of inFlight.splice(0)) {
        sentence.done = true;
        wake(sentence);
      }
      try {
        if (lost === null) socket.sendClose({ type: 'Close' });
      } catch {
        // Already closed: nothing to say goodbye to.
      }
      socket.close();
    },
  };
}
