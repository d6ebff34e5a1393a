import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { stripControlCharacters } from '../../../shared/lib/plain-text.js';
import type { Logger } from '../../core/kernel/index.js';
import { SELF_TEST_PATH, selfTestAnswer } from '../../infra/tunnel/self-test.js';
import { close, listen, SECURITY_HEADERS } from '../http-util.js';
import { createGuardedServer, DEFAULT_LIMITS, endSocket, guardUpgrade, parseRequestTarget, refuseAndClose, type ListenerLimits } from '../listener-guard.js';
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
  /** Read at each request, so a rotated token applies to the next webhook. */
  authToken: () => string | null;
  /** This launch's key for the reachability self-test (signed like a webhook, never with the auth token). */
  selfTestKey?: string;
  now: () => number;
  logger: Logger;
  /** Timeouts, connection cap and body limit; the defaults suit Twilio. */
  limits?: Partial<ListenerLimits>;
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
  /** When the last webhook with a valid signature arrived (for health); null since start. */
  lastWebhookAt: number | null = null;
  private readonly sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_STREAM_MESSAGE_BYTES });

  constructor(private readonly options: PublicListenerOptions) {}

  async start(): Promise<number> {
    this.server = createGuardedServer({ handler: (req, res) => this.handle(req, res), logger: this.options.logger, ...(this.options.limits ? { limits: this.options.limits } : {}) });
    guardUpgrade(this.server, this.options.logger, (req, socket, head) => this.upgrade(req, socket, head));
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
   * wss:// URL it connected to (the current public URL, which follows the tunnel, with its scheme
   * swapped) and no parameters. Runs inside the listener guard: a malformed target is 400, a
   * throw ends only this socket. Streams may hold at most half the connection cap, so the
   * webhooks of the calls they carry (status, continue) always find room.
   */
  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const log = this.options.logger;
    const url = parseRequestTarget(req.url);
    if (!url) return endSocket(socket, '400 Bad Request');
    if (url.pathname !== MEDIA_STREAM_PATH || !this.options.onMediaStream) return endSocket(socket, '404 Not Found');
    const authToken = this.options.authToken();
    const wsUrl = (this.options.publicUrl() ?? this.localBaseUrl).replace(/^http/, 'ws') + (req.url ?? '');
    const signature = header(req, 'x-twilio-signature');
    if (!authToken || !isValidTwilioSignature({ authToken, signature, url: wsUrl, params: {} })) {
      log.warn({ path: url.pathname, reason: authToken ? (signature ? 'mismatch' : 'missing') : 'no auth token configured' }, 'media stream upgrade refused');
      return endSocket(socket, '403 Forbidden');
    }
    const maxStreams = Math.max(1, Math.floor((this.options.limits?.maxConnections ?? DEFAULT_LIMITS.maxConnections) / 2));
    if (this.sockets.clients.size >= maxStreams) {
      log.warn({ streams: this.sockets.clients.size }, 'media stream refused: too many open streams');
      return endSocket(socket, '503 Service Unavailable');
    }
    const onMediaStream = this.options.onMediaStream;
    this.sockets.handleUpgrade(req, socket, head, (ws) => {
      try {
        onMediaStream(ws);
      } catch (error) {
        log.error({ err: error }, 'media stream could not be handled');
        ws.terminate();
      }
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const log = this.options.logger;
    const url = parseRequestTarget(req.url);
    if (!url) return refuseAndClose(res, 400, 'Bad request');
    const selfTest = url.pathname === SELF_TEST_PATH && this.options.selfTestKey !== undefined;
    const route = url.pathname.startsWith('/twilio/') ? this.options.routes.get(url.pathname) : undefined;
    if (!route && !selfTest) return send(res, 404, 'text/plain', 'Not found');
    if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Method not allowed', { Allow: 'POST' });

    let signedParams: Record<string, string>;
    try {
      signedParams = parseForm(await readBody(req, this.options.limits?.maxBodyBytes));
    } catch (error) {
      const tooLarge = error instanceof BodyTooLargeError;
      log.warn({ path: url.pathname, err: String(error) }, 'webhook body refused');
      return tooLarge ? send(res, 413, 'text/plain', 'Payload too large') : refuseAndClose(res, 400, 'Bad request');
    }

    const calledUrl = (this.options.publicUrl() ?? this.localBaseUrl) + (req.url ?? '');
    const signature = header(req, 'x-twilio-signature');
    if (selfTest) {
      const valid = isValidTwilioSignature({ authToken: this.options.selfTestKey!, signature, url: calledUrl, params: signedParams });
      if (!valid) log.warn({ path: url.pathname }, 'self-test arrived with a signature for another URL');
      return valid ? send(res, 200, 'text/plain', selfTestAnswer(stripControlCharacters(signedParams.Nonce ?? ''))) : send(res, 403, 'text/plain', 'Forbidden');
    }
    if (!route) return send(res, 404, 'text/plain', 'Not found');
    const authToken = this.options.authToken();
    if (!authToken || !isValidTwilioSignature({ authToken, signature, url: calledUrl, params: signedParams })) {
      log.warn(
        { path: url.pathname, callSid: stripControlCharacters(signedParams.CallSid ?? ''), reason: authToken ? (signature ? 'mismatch' : 'missing') : 'no auth token configured' },
        'webhook signature refused',
      );
      return send(res, 403, 'text/plain', 'Forbidden');
    }
    this.lastWebhookAt = this.options.now();
    // What a caller said is kept, minus control characters: refusing the webhook would lose the words.
    const params = Object.fromEntries(Object.entries(signedParams).map(([key, value]) => [key, stripControlCharacters(value)]));

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
