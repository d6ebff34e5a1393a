import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { ListenSession, type LearnedPhrase } from './listen-session.js';
import { SpeakSession } from './speak-session.js';

/** A sentence the app asked to hear: by a REST request, or a `Speak` on a speak socket. */
export interface SpeakRequest {
  text: string;
  query: URLSearchParams;
  authorization: string | undefined;
  via: 'rest' | 'socket';
}

/** Milliseconds of made-up speech per character of text (about 15 characters a second, like a person). */
const MS_PER_CHARACTER = 60;

/**
 * Deepgram at its HTTP and WebSocket protocol, for the real `@deepgram/sdk` pointed here by base
 * URL: `wss /v1/listen` (live transcription: Results with interim and final segments,
 * speech_final, SpeechStarted, UtteranceEnd, KeepAlive and CloseStream), `wss /v1/speak`
 * (text-to-speech: Speak, Flush, Clear, Close in; binary audio, Flushed, Cleared, Metadata,
 * Warning out) and `POST /v1/speak` (text-to-speech by request), all as raw μ-law 8 kHz. All check
 * `Authorization: Token <key>`. It "transcribes" by a table from the audio of phrases the test
 * taught it to their text. It can be down (refuses everything with 503), refuse only its speak
 * socket, and drop its live sockets mid-call.
 */
export class FakeDeepgram {
  readonly listens: ListenSession[] = [];
  readonly speaks: SpeakRequest[] = [];
  readonly speakSockets: SpeakSession[] = [];
  /** Refuse new sockets and speech requests, as an outage would. */
  down = false;
  /** Refuse only new speak sockets (503), while listening and REST speech work. */
  speakSocketsDown = false;
  private readonly phrases: LearnedPhrase[] = [];
  private server: Server | null = null;
  private readonly sockets = new WebSocketServer({ noServer: true });

  private readonly msPerCharacter: number;
  private readonly speakChunkEveryMs: number;

  /** `slowSpeech`: the speak socket sends audio at real pace (a 200 ms chunk every 200 ms), so a sentence is still being made when the caller cuts in. */
  constructor(
    private readonly apiKey: string,
    options: { msPerCharacter?: number; slowSpeech?: boolean } = {},
  ) {
    this.msPerCharacter = options.msPerCharacter ?? MS_PER_CHARACTER;
    this.speakChunkEveryMs = options.slowSpeech ? 200 : 0;
  }

  /** Teaches the recognizer a phrase: this audio is heard as this text. */
  learn(audio: Buffer, text: string, confidence = 0.96): void {
    this.phrases.push({ audio, text, confidence });
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://fake');
      if (req.method !== 'POST' || url.pathname !== '/v1/speak') return void res.writeHead(404).end();
      if (this.down) return void res.writeHead(503, { 'Content-Type': 'application/json' }).end(JSON.stringify({ err_code: 'SERVICE_UNAVAILABLE', err_msg: 'down' }));
      if (!this.authorized(req)) return void res.writeHead(401, { 'Content-Type': 'application/json' }).end(JSON.stringify({ err_code: 'INVALID_AUTH', err_msg: 'Invalid credentials.' }));
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let text = '';
        try {
          text = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { text?: string }).text ?? '';
        } catch {
          return void res.writeHead(400).end();
        }
        this.speaks.push({ text, query: url.searchParams, authorization: req.headers.authorization, via: 'rest' });
        const q = url.searchParams;
        if (q.get('encoding') !== 'mulaw' || q.get('sample_rate') !== '8000' || q.get('container') !== 'none' || !text) {
          return void res.writeHead(400, { 'Content-Type': 'application/json' }).end(JSON.stringify({ err_code: 'Bad Request', err_msg: 'unsupported audio options' }));
        }
        res.writeHead(200, { 'Content-Type': 'audio/mulaw', 'dg-model-name': q.get('model') ?? '' });
        const audio = toneFor(text, this.msPerCharacter);
        // Two chunks, as a real streamed response arrives in pieces.
        res.write(audio.subarray(0, Math.floor(audio.length / 3)));
        res.end(audio.subarray(Math.floor(audio.length / 3)));
      });
    });
    this.server.on('upgrade', (req, socket, head) => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const refuse = (status: string) => socket.end(`HTTP/1.1 ${status}\r\nContent-Length: 0\r\n\r\n`);
      if (url.pathname !== '/v1/listen' && url.pathname !== '/v1/speak') return refuse('404 Not Found');
      if (this.down || (url.pathname === '/v1/speak' && this.speakSocketsDown)) return refuse('503 Service Unavailable');
      if (!this.authorized(req)) return refuse('401 Unauthorized');
      if (url.pathname === '/v1/listen') return this.sockets.handleUpgrade(req, socket, head, (ws) => this.listens.push(new ListenSession(ws, url.searchParams, () => this.phrases)));
      const q = url.searchParams;
      // A socket has no container: the encoding and rate are the whole format.
      if (!q.get('model') || q.get('encoding') !== 'mulaw' || q.get('sample_rate') !== '8000' || q.has('container')) return refuse('400 Bad Request');
      const authorization = req.headers.authorization;
      this.sockets.handleUpgrade(req, socket, head, (ws) =>
        this.speakSockets.push(new SpeakSession(ws, q, (text) => toneFor(text, this.msPerCharacter), (text) => this.speaks.push({ text, query: q, authorization, via: 'socket' }), this.speakChunkEveryMs)),
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Deepgram dies mid-call: every live socket drops with an internal error, and new requests fail. */
  die(): void {
    this.down = true;
    for (const listen of this.listens) listen.socket.close(1011, 'internal error');
    this.dropSpeakSockets();
  }

  /** Only the speak sockets drop (an internal error), and new ones are refused; listening goes on. */
  dropSpeakSockets(): void {
    this.speakSocketsDown = true;
    for (const speak of this.speakSockets) speak.socket.close(1011, 'internal error');
  }

  async stop(): Promise<void> {
    for (const client of this.sockets.clients) client.terminate();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private authorized(req: IncomingMessage): boolean {
    return req.headers.authorization === `Token ${this.apiKey}`;
  }
}

/** Made-up speech for a sentence: a tone as long as a person would take to say it. */
function toneFor(text: string, msPerCharacter: number): Buffer {
  const samples = Math.max(2400, Math.round((text.length * msPerCharacter * 8000) / 1000));
  const audio = Buffer.alloc(samples);
  for (let i = 0; i < samples; i++) audio[i] = 0x40 + Math.round(20 * Math.sin(i / 3));
  return audio;
}
