import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import type { Logger } from '../core/kernel/index.js';
import { SECURITY_HEADERS } from './http-util.js';

/**
 * Limits every listener applies before any handler runs. A peer that sends its headers slowly,
 * trickles a body or opens connections by the hundred is cut off by Node's HTTP server itself,
 * so no handler ever waits on it.
 */
export interface ListenerLimits {
  /** The whole header block must arrive within this. */
  headersTimeoutMs: number;
  /** The whole request (headers and body) must arrive within this: a trickled body is cut off. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** How often Node looks for connections past the two timeouts above. */
  checkIntervalMs: number;
  /** Connections beyond this are refused at accept time. */
  maxConnections: number;
  /** A declared or streamed body larger than this gets 413 without being read. */
  maxBodyBytes: number;
}

/** Twilio sends small, fast webhooks; a staff browser a handful of connections. */
export const DEFAULT_LIMITS: ListenerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  checkIntervalMs: 5_000,
  maxConnections: 256,
  maxBodyBytes: 64 * 1024,
};

export type GuardedHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * An HTTP server whose handler can never take the process down: a synchronous throw or a
 * rejected promise is logged and answered 400 (the only way a request reaches here without a
 * route's own answer is input the handler could not make sense of). Declared bodies over the
 * limit get 413 before a byte of them is read, including behind `Expect: 100-continue`.
 */
export function createGuardedServer(options: {
  handler: GuardedHandler;
  logger: Logger;
  limits?: Partial<ListenerLimits>;
  /** PEM certificate and key: serve HTTPS (and WSS upgrades) with the same guards. */
  tls?: { cert: Buffer; key: Buffer } | null;
}): Server {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.logger;
  const run = (req: IncomingMessage, res: ServerResponse) => {
    if (declaredBodyTooLarge(req, limits.maxBodyBytes)) {
      log.warn({ method: req.method, contentLength: req.headers['content-length'] }, 'request body over the limit refused before reading');
      return refuseAndClose(res, 413, 'Payload too large');
    }
    try {
      Promise.resolve(options.handler(req, res)).catch((error: unknown) => answerFailure(req, res, error, log));
    } catch (error) {
      answerFailure(req, res, error, log);
    }
  };
  const serverOptions = {
    requestTimeout: limits.requestTimeoutMs,
    headersTimeout: limits.headersTimeoutMs,
    connectionsCheckingInterval: limits.checkIntervalMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
  };
  const server: Server = options.tls ? createTlsServer({ ...serverOptions, ...options.tls }, run) : createServer(serverOptions, run);
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  // Node would answer 100 Continue to anything; a body we would refuse is refused before it is sent.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (!declaredBodyTooLarge(req, limits.maxBodyBytes)) res.writeContinue();
    run(req, res);
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    log.debug({ code: error.code }, 'malformed request refused');
    if (error.code === 'ECONNRESET') return void socket.destroy();
    endSocket(socket, error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request');
  });
  return server;
}

/** Guards an upgrade handler the same way: a throw ends that socket with 400, never the process. */
export function guardUpgrade(server: Server, logger: Logger, handler: (req: IncomingMessage, socket: Duplex, head: Buffer) => void): void {
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (error) => logger.debug({ err: error }, 'upgrade socket error'));
    try {
      handler(req, socket, head);
    } catch (error) {
      logger.warn({ err: error }, 'upgrade request could not be handled');
      endSocket(socket, '400 Bad Request');
    }
  });
}

/** Answers a raw socket with a bodiless status and closes it once the answer is out. */
export function endSocket(socket: Duplex, status: string): void {
  if (!socket.writable) return void socket.destroy();
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
}

/** RFC 3986 path characters (pchar and "/"), with every "%" starting a valid escape. */
const ORIGIN_FORM_PATH = /^\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/;

/**
 * The path and query of a request target, or null when it is not an origin-form target at all
 * (`//[/`, `/%`, `http://[`): callers answer 400 instead of letting `new URL` throw or guess.
 */
export function parseRequestTarget(rawUrl: string | undefined): URL | null {
  const target = rawUrl ?? '/';
  const queryAt = target.indexOf('?');
  const path = queryAt < 0 ? target : target.slice(0, queryAt);
  if (!ORIGIN_FORM_PATH.test(path)) return null;
  try {
    // A fixed base and a leading "/." keep "//host/path" a path rather than a new authority.
    const url = new URL(`/.${target}`, 'http://request.invalid');
    return url.host === 'request.invalid' ? url : null;
  } catch {
    return null;
  }
}

function declaredBodyTooLarge(req: IncomingMessage, limit: number): boolean {
  const declared = req.headers['content-length'];
  return declared !== undefined && (!/^\d+$/.test(declared) || Number(declared) > limit);
}

/**
 * Answers and then closes the connection: the unread body must not be parsed as the next request,
 * and resetting the socket at once would lose the answer.
 */
export function refuseAndClose(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain', Connection: 'close' });
  res.end(message);
}

function answerFailure(req: IncomingMessage, res: ServerResponse, error: unknown, log: Logger): void {
  log.warn({ method: req.method, err: error }, 'request could not be handled; answered 400');
  if (res.headersSent) res.destroy();
  else refuseAndClose(res, 400, 'Bad request');
}
