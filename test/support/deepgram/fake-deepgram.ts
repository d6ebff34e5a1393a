import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { ListenSession, type LearnedPhrase } from './listen-session.js';

export interface SpeakRequest {
  text: string;
  query: URLSearchParams;
  authorization: string | undefined;
}

/** Milliseconds of made-up speech per character of text (about 15 characters a second, like a person). */
const MS_PER_CHARACTER = 60;

/**
 * Deepgram at its HTTP and WebSocket protocol, for the real `@deepgram/sdk` pointed here by base
 * URL: `wss /v1/listen` (live transcription: Results with interim and final segments,
 * speech_final, SpeechStarted, UtteranceEnd, KeepAlive and CloseStream) and `POST /v1/speak`
 * (text-to-speech as raw μ-law 8 kHz). Both check `Authorization: Token <key>`. It "transcribes"
 * by a table from the audio of phrases the test taught it to their text. It can be down (refuses
 * everything with 503) and can drop its live sockets mid-call.
 */
export class FakeDeepgram {
  readonly listens: ListenSession[] = [];
  readonly speaks: SpeakRequest[] = [];
  /** Refuse new sockets and speech requests, as an outage would. */
  down = false;
  private readonly phrases: LearnedPhrase[] = [];
  private server: Server | null = null;
  private readonly sockets = new WebSocketServer({ noServer: true });

  private readonly msPerCharacter: number;

  constructor(
    private readonly apiKey: string,
    options: { msPerCharacter?: number } = {},
  ) {
    this.msPerCharacter = options.msPerCharacter ?? MS_PER_CHARACTER;
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
        this.speaks.push({ text, query: url.searchParams, authorization: req.headers.authorization });
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
      if (url.pathname !== '/v1/listen') return socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
      if (this.down) return socket.end('HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n');
      if (!this.authorized(req)) return socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n');
      this.sockets.handleUpgrade(req, socket, head, (ws) => this.listens.push(new ListenSession(ws, url.searchParams, () => this.phrases)));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Deepgram dies mid-call: every live socket drops with an internal error, and new requests fail. */
  die(): void {
    this.down = true;
    for (const listen of this.listens) listen.socket.close(1011, 'internal error');
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
