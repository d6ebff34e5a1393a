import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CONSOLE_SESSION_PARAM, clientFrameSchema, type AnyEvent, type CommandResult, type ServerFrame } from '../../../shared/contract/index.js';
import type { Logger } from '../../core/kernel/index.js';

/** One connection's view of the appliance: its commands run as whoever signed in on it. */
export interface GatewaySession {
  dispatch(name: string, input: unknown): Promise<CommandResult>;
  /** The event as this connection may see it, or null. */
  filter(event: AnyEvent): AnyEvent | null;
  /** Signs the connection in with a token from an earlier sign-in (a reconnect). */
  resume(token: string): unknown;
}

export interface GatewayBackend {
  openSession(source: string): GatewaySession;
  subscribe(listener: (event: AnyEvent) => void): () => void;
}

/** Frames larger than this are not console commands. */
const MAX_FRAME_BYTES = 1024 * 1024;

/**
 * The WebSocket adapter of the contract: each frame is validated, dispatched as the
 * connection's signed-in person, answered by id; each push event goes to every console allowed
 * to see it.
 */
export class WsGateway {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  private readonly sessions = new Map<WebSocket, GatewaySession>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly backend: GatewayBackend,
    private readonly logger: Logger,
  ) {
    this.unsubscribe = backend.subscribe((event) => this.broadcast(event));
    this.wss.on('connection', (socket: WebSocket, req: IncomingMessage) => this.onConnection(socket, req));
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
  }

  get clientCount(): number {
    return this.wss.clients.size;
  }

  async close(): Promise<void> {
    this.unsubscribe();
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(socket: WebSocket, req: IncomingMessage): void {
    const session = this.backend.openSession(req.socket.remoteAddress ?? 'unknown');
    const token = new URL(req.url ?? '/', 'http://console').searchParams.get(CONSOLE_SESSION_PARAM);
    if (token) session.resume(token);
    this.sessions.set(socket, session);
    socket.on('message', (data, isBinary) => {
      if (isBinary) return socket.close(1003, 'text frames only');
      // Dispatch turns every failure into a result; this catch is for a fault in the gateway itself.
      this.onFrame(socket, session, data.toString()).catch((error: unknown) => {
        this.logger.error({ err: error }, 'console frame could not be handled');
        socket.close(1011, 'internal error');
      });
    });
    socket.on('close', () => this.sessions.delete(socket));
    socket.on('error', (error) => this.logger.warn({ err: error }, 'console socket error'));
  }

  private async onFrame(socket: WebSocket, session: GatewaySession, text: string): Promise<void> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return socket.close(1007, 'frames must be JSON');
    }
    const frame = clientFrameSchema.safeParse(json);
    if (!frame.success) return socket.close(1007, 'not a command frame');
    const result = await session.dispatch(frame.data.name, frame.data.input);
    send(socket, { kind: 'result', id: frame.data.id, ...result });
  }

  private broadcast(event: AnyEvent): void {
    for (const [client, session] of this.sessions) {
      const visible = session.filter(event);
      if (visible) send(client, { kind: 'event', ...visible } as ServerFrame);
    }
  }
}

function send(socket: WebSocket, frame: ServerFrame): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
}
