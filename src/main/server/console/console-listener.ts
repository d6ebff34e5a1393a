import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { CONSOLE_TOKEN_PARAM, CONSOLE_WS_PATH, type Health } from '../../../shared/contract/index.js';
import type { Logger } from '../../core/kernel/index.js';
import { close, listen, SECURITY_HEADERS, urlHost } from '../http-util.js';
import { createGuardedServer, endSocket, guardUpgrade, parseRequestTarget, type ListenerLimits } from '../listener-guard.js';
import { tokensMatch } from './console-token.js';
import { isAllowedHost, isAllowedOrigin, isLoopbackBind } from './host-policy.js';
import { createStaticConsole } from './static-console.js';
import { WsGateway, type GatewayBackend } from './ws-gateway.js';

export interface ConsoleListenerOptions {
  host: string;
  port: number;
  rendererDir: string;
  token: string;
  /** PEM files: serve HTTPS and WSS instead of plain HTTP (a console on the office LAN). */
  tls: { certFile: string; keyFile: string } | null;
  backend: GatewayBackend;
  health: () => Health;
  logger: Logger;
  /** A few staff browsers: far fewer connections than the public listener. */
  limits?: Partial<ListenerLimits>;
}

const CONSOLE_LIMITS: Partial<ListenerLimits> = { maxConnections: 64 };

/**
 * The staff console for browsers: static UI, `/api/health`, and the contract over `/ws`. Never
 * tunnelled. Who may do what is decided per connection by staff sign-in over the socket
 * (throttled there), not here: the page itself holds no practice data.
 */
export class ConsoleListener {
  private server: Server | null = null;
  private gateway: WsGateway | null = null;
  private port = 0;

  constructor(private readonly options: ConsoleListenerOptions) {}

  get url(): string {
    return `${this.scheme}://${urlHost(this.options.host)}:${this.port}/`;
  }

  get scheme(): 'http' | 'https' {
    return this.options.tls ? 'https' : 'http';
  }

  get clientCount(): number {
    return this.gateway?.clientCount ?? 0;
  }

  async start(): Promise<number> {
    const serveStatic = createStaticConsole(this.options.rendererDir, this.options.token);
    this.gateway = new WsGateway(this.options.backend, this.options.logger);
    const { tls } = this.options;
    this.server = createGuardedServer({
      logger: this.options.logger,
      limits: { ...CONSOLE_LIMITS, ...this.options.limits },
      tls: tls ? { cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) } : null,
      handler: async (req, res) => {
        if (!isAllowedHost(req.headers.host, this.options.host, this.port)) return refuse(res, 421, 'Misdirected request');
        if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
        const url = parseRequestTarget(req.url);
        if (!url) return refuse(res, 400, 'Bad request');
        if (url.pathname === '/api/health') {
          // Health names the data folder: for this PC only, never another one on the LAN.
          if (!isLoopbackAddress(req.socket.remoteAddress)) return refuse(res, 403, 'Health is available on this computer only');
          return this.sendHealth(res);
        }
        await serveStatic(req, res, url.pathname);
      },
    });
    if (!tls && !isLoopbackBind(this.options.host)) {
      this.options.logger.warn(
        { host: this.options.host },
        'the console is open to the office network over plain HTTP: names, passwords and patient details cross the LAN unencrypted; set FRONTDESK_CONSOLE_TLS_CERT and FRONTDESK_CONSOLE_TLS_KEY to serve HTTPS',
      );
    }
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
          : !isAllowedOrigin(req.headers.origin, host, this.scheme)
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

function isLoopbackAddress(address: string | undefined): boolean {
  return address !== undefined && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' });
  res.end(message);
}
