import type { WebSocket } from 'ws';
import { speechSpan } from '../audio/phrase-audio.js';

const BYTES_PER_SECOND = 8000;
/** Enough of a clip's first bytes to find it in the audio stream, exactly. */
const FINGERPRINT_BYTES = 480;

export interface LearnedPhrase {
  audio: Buffer;
  text: string;
  confidence: number;
}

export interface Word {
  word: string;
  start: number;
  end: number;
}

interface Heard {
  phrase: LearnedPhrase;
  words: Word[];
  segments: Word[][];
  endSec: number;
  emittedWords: number;
  finalSegments: number;
  speechStarted: boolean;
  speechFinal: boolean;
  utteranceEnd: boolean;
}

/**
 * One live transcription socket, as Deepgram's listen v1 answers it: the caller's audio arrives as
 * binary frames and the recognizer "hears" the phrases the test taught it, by finding their exact
 * bytes in the stream. Results follow the audio's own clock (bytes received), not wall time:
 * SpeechStarted, interim Results word by word, `is_final` per segment, `speech_final` after the
 * endpointing silence, UtteranceEnd after utterance_end_ms.
 */
export class ListenSession {
  readonly control: string[] = [];
  /** Caller audio received so far (bytes). */
  audioBytes = 0;
  keepAlives = 0;
  /**
   * When each Results message went out, how many words it carried, and the words of the caller's
   * turn so far with it (the finals before it plus its own): benchmarks time barge-in from the
   * message that crosses the receptionist's interruption gate.
   */
  readonly resultsSent: { at: number; words: number; isFinal: boolean; turnWords: Word[] }[] = [];
  closedWith: number | null = null;
  /** The last few frames, where a phrase that just began can be found (absolute offset `audioBytes - tail.length`). */
  private tail = Buffer.alloc(0);
  private searchFrom = 0;
  private heard: Heard[] = [];

  constructor(
    readonly socket: WebSocket,
    readonly query: URLSearchParams,
    private readonly phrases: () => LearnedPhrase[],
  ) {
    socket.on('message', (data, isBinary) => {
      if (isBinary) return this.onAudio(Buffer.from(data as Buffer));
      const text = String(data);
      this.control.push(text);
      const message = JSON.parse(text) as { type?: string };
      if (message.type === 'KeepAlive') this.keepAlives++;
      if (message.type === 'CloseStream') {
        this.send({ type: 'Metadata', transaction_key: 'deprecated', request_id: 'fake', sha256: '', created: new Date().toISOString(), duration: this.audioSec, channels: 1 });
        socket.close(1000);
      }
    });
    socket.on('close', (code) => (this.closedWith = code));
  }

  get audioSec(): number {
    return this.audioBytes / BYTES_PER_SECOND;
  }

  get keyterms(): string[] {
    return this.query.getAll('keyterm');
  }

  private send(message: Record<string, unknown>): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private onAudio(chunk: Buffer): void {
    this.audioBytes += chunk.length;
    const joined = Buffer.concat([this.tail, chunk]);
    this.tail = joined.subarray(Math.max(0, joined.length - (FINGERPRINT_BYTES + chunk.length + 320)));
    this.findPhrases();
    for (const h of this.heard) this.advance(h);
  }

  private findPhrases(): void {
    for (const phrase of this.phrases()) {
      const span = speechSpan(phrase.audio);
      const key = phrase.audio.subarray(span.start, span.start + FINGERPRINT_BYTES);
      const tailStart = this.audioBytes - this.tail.length;
      const found = this.tail.indexOf(key, Math.max(0, this.searchFrom - tailStart));
      if (found < 0) continue;
      const at = tailStart + found;
      const startSec = at / BYTES_PER_SECOND;
      const durationSec = (span.end - span.start) / BYTES_PER_SECOND;
      const words = timeWords(phrase.text, startSec, durationSec);
      const half = Math.ceil(words.length / 2);
      const segments = words.length >= 6 ? [words.slice(0, half), words.slice(half)] : [words];
      this.heard.push({ phrase, words, segments, endSec: startSec + durationSec, emittedWords: 0, finalSegments: 0, speechStarted: false, speechFinal: false, utteranceEnd: false });
      this.searchFrom = at + FINGERPRINT_BYTES;
    }
  }

  private advance(h: Heard): void {
    const now = this.audioSec;
    const endpointingSec = Number(this.query.get('endpointing') ?? '10') / 1000;
    const utteranceEndSec = Number(this.query.get('utterance_end_ms') ?? '1000') / 1000;
    if (!h.speechStarted && now >= h.words[0]!.start + 0.05) {
      h.speechStarted = true;
      if (this.query.get('vad_events') === 'true') this.send({ type: 'SpeechStarted', channel: [0], timestamp: h.words[0]!.start });
    }
    // Interim results as each word is spoken, then is_final when a segment is over.
    while (h.finalSegments < h.segments.length) {
      const segment = h.segments[h.finalSegments]!;
      const segmentStartIndex = h.segments.slice(0, h.finalSegments).reduce((n, s) => n + s.length, 0);
      const spoken = segment.filter((w) => w.end <= now).length;
      const isLast = h.finalSegments === h.segments.length - 1;
      if (spoken < segment.length) {
        if (spoken > 0 && segmentStartIndex + spoken > h.emittedWords && this.query.get('interim_results') === 'true') {
          h.emittedWords = segmentStartIndex + spoken;
          this.results(h, segment.slice(0, spoken), false, false);
        }
        return;
      }
      if (isLast && now < segment.at(-1)!.end + endpointingSec) return;
      h.emittedWords = segmentStartIndex + segment.length;
      this.results(h, segment, true, isLast);
      h.finalSegments++;
      if (isLast) h.speechFinal = true;
    }
    if (!h.utteranceEnd && now >= h.endSec + utteranceEndSec) {
      h.utteranceEnd = true;
      this.send({ type: 'UtteranceEnd', channel: [0, 1], last_word_end: h.words.at(-1)!.end });
    }
  }

  private results(h: Heard, words: Word[], isFinal: boolean, speechFinal: boolean): void {
    const before = h.segments.slice(0, h.finalSegments).flat();
    this.resultsSent.push({ at: performance.now(), words: words.length, isFinal, turnWords: [...before, ...words] });
    const start = words[0]!.start;
    const end = words.at(-1)!.end;
    this.send({
      type: 'Results',
      channel_index: [0, 1],
      duration: Number((end - start).toFixed(3)),
      start: Number(start.toFixed(3)),
      is_final: isFinal,
      speech_final: speechFinal,
      from_finalize: false,
      channel: {
        alternatives: [
          {
            transcript: words.map((w) => w.word).join(' '),
            confidence: h.phrase.confidence,
            words: words.map((w) => ({ word: w.word.toLowerCase().replace(/[^a-z0-9']/g, ''), punctuated_word: w.word, start: w.start, end: w.end, confidence: h.phrase.confidence })),
          },
        ],
      },
      metadata: { request_id: 'fake-request', model_info: { name: this.query.get('model') ?? 'nova-3', version: 'fake', arch: 'fake' }, model_uuid: 'fake-model' },
    });
  }
}

/** Word timings spread over the speech, in proportion to each word's length. */
function timeWords(text: string, startSec: number, durationSec: number): Word[] {
  const words = text.split(/\s+/).filter(Boolean);
  const total = words.reduce((n, w) => n + w.length + 1, 0);
  let at = startSec;
  return words.map((word) => {
    const length = (durationSec * (word.length + 1)) / total;
    const w = { word, start: Number(at.toFixed(3)), end: Number((at + length * 0.9).toFixed(3)) };
    at += length;
    return w;
  });
}
