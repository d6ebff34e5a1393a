import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../../core/kernel/index.js';
import { close, listen, SECURITY_HEADERS } from '../http-util.js';
import { BodyTooLargeError, parseForm, readBody } from './form-body.js';
import { isValidTwilioSignature } from './twilio-signature.js';

export interface WebhookRequest {
  path: string;
  params: Record<string, string>;
  /** Twilio's `I-Twilio-Idempotency-Token`: the same on a retry of the same request. */
  idempotencyToken: string | null;
  receivedAt: number;
}

/** Answers with TwiML. Must never throw: a route turns its own failures into words. */
export type WebhookRoute = (request: WebhookRequest) => Promise<string>;

export interface PublicListenerOptions {
  host: string;
  port: number;
  routes: ReadonlyMap<string, WebhookRoute>;
  /** The base URL Twilio calls (tunnel); null → this listener's own local URL. */
  publicUrl: () => string | null;
  authToken: () => string | null;
  now: () => number;
  logger: Logger;
  /** A Twilio Media Streams socket on /twilio/stream, after its signed upgrade was verified. */
  onMediaStream?: (socket: WebSocket) => void;
}

/** The only path a WebSocket may be opened on. */
export const MEDIA_STREAM_PATH = '/twilio/stream';
/** Media Streams messages are small JSON (a 20 ms frame is ~300 bytes); anything larger is not Twilio. */
const MAX_STREAM_MESSAGE_BYTES = 64 * 1024;

/**
 * The only listener the tunnel reaches. It serves `/twilio/*` and nothing else, and refuses any
 * request whose X-Twilio-Signature does not match the URL Twilio called.
 */
export class PublicListener {
  private server: Server | null = null;
  private port = 0;
  private readonly sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_STREAM_MESSAGE_BYTES });

  constructor(private readonly options: PublicListenerOptions) {}

  async start(): Promise<number> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('upgrade', (req, socket, head) => this.upgrade(req, socket, head));
    this.server.keepAliveTimeout = 5_000;
    this.port = await listen(this.server, this.options.port, this.options.host);
    return this.port;
  }

  async stop(): Promise<void> {
    for (const client of this.sockets.clients) client.terminate();
    if (this.server) await close(this.server);
    this.server = null;
  }

  get listening(): boolean {
    return this.server?.listening ?? false;
  }

  get localBaseUrl(): string {
    return `http://${this.options.host}:${this.port}`;
  }

  /**
   * Twilio opens a media stream with a signed WebSocket upgrade: X-Twilio-Signature over the
   * wss:// URL it connected to (our public URL with its scheme swapped) and no parameters.
   */
  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const log = this.options.logger;
    const path = new URL(req.url ?? '/', 'http://placeholder').pathname;
    const refuse = (status: 403 | 404, text: string) => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (path !== MEDIA_STREAM_PATH || !this.options.onMediaStream) return refuse(404, 'Not Found');
    const authToken = this.options.authToken();
    const wsUrl = (this.options.publicUrl() ?? this.localBaseUrl).replace(/^http/, 'ws') + (req.url ?? '');
    const signature = header(req, 'x-twilio-signature');
    if (!authToken || !isValidTwilioSignature({ authToken, signature, url: wsUrl, params: {} })) {
      log.warn({ path, reason: authToken ? (signature ? 'mismatch' : 'missing') : 'no auth token configured' }, 'media stream upgrade refused');
      return refuse(403, 'Forbidden');
    }
    const onMediaStream = this.options.onMediaStream;
    this.sockets.handleUpgrade(req, socket, head, (ws) => onMediaStream(ws));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const log = this.options.logger;
    const url = new URL(req.url ?? '/', 'http://placeholder');
    const route = url.pathname.startsWith('/twilio/') ? this.options.routes.get(url.pathname) : undefined;
    if (!route) return send(res, 404, 'text/plain', 'Not found');
    if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Method not allowed', { Allow: 'POST' });

    let params: Record<string, string>;
    try {
      params = parseForm(await readBody(req));
    } catch (error) {
      const tooLarge = error instanceof BodyTooLargeError;
      log.warn({ path: url.pathname, err: String(error) }, 'webhook body refused');
      return send(res, tooLarge ? 413 : 400, 'text/plain', tooLarge ? 'Payload too large' : 'Bad request');
    }

    const authToken = this.options.authToken();
    const calledUrl = (this.options.publicUrl() ?? this.localBaseUrl) + (req.url ?? '');
    const signature = header(req, 'x-twilio-signature');
    if (!authToken || !isValidTwilioSignature({ authToken, signature, url: calledUrl, params })) {
      log.warn(
        { path: url.pathname, callSid: params.CallSid, reason: authToken ? (signature ? 'mismatch' : 'missing') : 'no auth token configured' },
        'webhook signature refused',
      );
      return send(res, 403, 'text/plain', 'Forbidden');
    }

    let twiml: string;
    try {
      twiml = await route({
        path: url.pathname,
        params,
        idempotencyToken: header(req, 'i-twilio-idempotency-token') ?? null,
        receivedAt: this.options.now(),
      });
    } catch (error) {
      // Routes turn their own failures into words; this is the last net so Twilio never plays an error tone.
      log.error({ path: url.pathname, callSid: params.CallSid, err: error }, 'webhook route threw');
      twiml = LAST_RESORT_TWIML;
    }
    send(res, 200, 'text/xml; charset=utf-8', twiml);
  }
}

const LAST_RESORT_TWIML =
  '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Sorry, we are having trouble answering right now. ' +
  'Please call back in a few minutes.</Say><Hangup/></Response>';

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function send(res: ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}
