import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { CONSOLE_TOKEN_PARAM, CONSOLE_WS_PATH, type Health } from '../../../shared/contract/index.js';
import type { Clock, Logger } from '../../core/kernel/index.js';
import { close, listen, SECURITY_HEADERS, urlHost } from '../http-util.js';
import { createGuardedServer, endSocket, guardUpgrade, parseRequestTarget, type ListenerLimits } from '../listener-guard.js';
import { basicAuthMatches, tokensMatch } from './console-token.js';
import { isAllowedHost, isAllowedOrigin } from './host-policy.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { createStaticConsole } from './static-console.js';
import { WsGateway, type GatewayBackend } from './ws-gateway.js';

export interface ConsoleListenerOptions {
  host: string;
  port: number;
  rendererDir: string;
  token: string;
  /** When set, every console request needs this staff password (HTTP Basic). */
  password: string | null;
  backend: GatewayBackend;
  health: () => Health;
  logger: Logger;
  /** Times the sign-in throttle's delays and lockouts. */
  clock: Clock;
  /** A few staff browsers: far fewer connections than the public listener. */
  limits?: Partial<ListenerLimits>;
}

const CONSOLE_LIMITS: Partial<ListenerLimits> = { maxConnections: 64 };

/** The staff console for browsers: static UI, `/api/health`, and the contract over `/ws`. Never tunnelled. */
export class ConsoleListener {
  private server: Server | null = null;
  private gateway: WsGateway | null = null;
  private port = 0;

  constructor(private readonly options: ConsoleListenerOptions) {}

  get url(): string {
    return `http://${urlHost(this.options.host)}:${this.port}/`;
  }

  get clientCount(): number {
    return this.gateway?.clientCount ?? 0;
  }

  async start(): Promise<number> {
    const serveStatic = createStaticConsole(this.options.rendererDir, this.options.token);
    this.gateway = new WsGateway(this.options.backend, this.options.logger);
    const throttle = new SignInThrottle({ clock: this.options.clock, logger: this.options.logger });
    this.server = createGuardedServer({
      logger: this.options.logger,
      limits: { ...CONSOLE_LIMITS, ...this.options.limits },
      handler: async (req, res) => {
        if (!isAllowedHost(req.headers.host, this.options.host, this.port)) return refuse(res, 421, 'Misdirected request');
        if (this.options.password !== null && !this.signedIn(req, res, throttle)) return;
        if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
        const url = parseRequestTarget(req.url);
        if (!url) return refuse(res, 400, 'Bad request');
        if (url.pathname === '/api/health') return this.sendHealth(res);
        await serveStatic(req, res, url.pathname);
      },
    });
    guardUpgrade(this.server, this.options.logger, (req, socket, head) => this.onUpgrade(req, socket, head));
    this.port = await listen(this.server, this.options.port, this.options.host);
    return this.port;
  }

  async stop(): Promise<void> {
    await this.gateway?.close();
    if (this.server) await close(this.server);
    this.server = null;
    this.gateway = null;
  }

  private sendHealth(res: ServerResponse): void {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(this.options.health()));
  }

  /**
   * HTTP Basic staff login, throttled per source address: a guesser is refused without the
   * password being checked (429) until the growing delay or the lockout has passed.
   */
  private signedIn(req: IncomingMessage, res: ServerResponse, throttle: SignInThrottle): boolean {
    const challenge = { ...SECURITY_HEADERS, 'Content-Type': 'text/plain', 'WWW-Authenticate': 'Basic realm="Frontdesk console", charset="UTF-8"' };
    // A browser's first request carries no credentials; that is a prompt, not a wrong password.
    if (req.headers.authorization === undefined) {
      res.writeHead(401, challenge);
      res.end('Staff login required');
      return false;
    }
    const source = req.socket.remoteAddress ?? 'unknown';
    const verdict = throttle.check(source);
    if (!verdict.allowed) {
      res.writeHead(429, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain', 'Retry-After': String(Math.ceil(verdict.retryAfterMs / 1000)) });
      res.end('Too many wrong passwords. Try again later.');
      return false;
    }
    if (basicAuthMatches(req.headers.authorization, this.options.password ?? '')) {
      throttle.recordSuccess(source);
      return true;
    }
    throttle.recordFailure(source);
    res.writeHead(401, challenge);
    res.end('Staff login required');
    return false;
  }

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // The target is parsed only after it is known to be a URL path: a malformed one is a 400, not a crash.
    const url = parseRequestTarget(req.url);
    if (!url) {
      this.options.logger.warn({ reason: 'target' }, 'console websocket refused');
      return endSocket(socket, '400 Bad Request');
    }
    const host = req.headers.host;
    const reason =
      url.pathname !== CONSOLE_WS_PATH
        ? 'path'
        : !isAllowedHost(host, this.options.host, this.port)
          ? 'host'
          : !isAllowedOrigin(req.headers.origin, host)
            ? 'origin'
            : !tokensMatch(this.options.token, url.searchParams.get(CONSOLE_TOKEN_PARAM))
              ? 'token'
              : null;
    if (reason) {
      this.options.logger.warn({ reason, origin: req.headers.origin }, 'console websocket refused');
      return endSocket(socket, reason === 'path' ? '404 Not Found' : '403 Forbidden');
    }
    this.gateway?.upgrade(req, socket, head);
  }
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' });
  res.end(message);
}
