import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { CONSOLE_TOKEN_PARAM, CONSOLE_WS_PATH, type Health } from '../../../shared/contract/index.js';
import type { Logger } from '../../core/kernel/index.js';
import { close, listen, SECURITY_HEADERS, urlHost } from '../http-util.js';
import { basicAuthMatches, tokensMatch } from './console-token.js';
import { isAllowedHost, isAllowedOrigin } from './host-policy.js';
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
}

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
    this.server = createServer((req, res) => {
      if (!isAllowedHost(req.headers.host, this.options.host, this.port)) return refuse(res, 421, 'Misdirected request');
      if (this.options.password !== null && !basicAuthMatches(req.headers.authorization, this.options.password)) {
        res.writeHead(401, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain', 'WWW-Authenticate': 'Basic realm="Frontdesk console", charset="UTF-8"' });
        res.end('Staff login required');
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
      if (new URL(req.url ?? '/', 'http://console').pathname === '/api/health') return this.sendHealth(res);
      void serveStatic(req, res);
    });
    this.server.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket, head));
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
    const url = new URL(req.url ?? '/', 'http://console');
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
      socket.end(`HTTP/1.1 ${reason === 'path' ? '404 Not Found' : '403 Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    this.gateway?.upgrade(req, socket, head);
  }
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' });
  res.end(message);
}
