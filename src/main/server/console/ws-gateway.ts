import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { clientFrameSchema, type AnyEvent, type CommandResult, type ServerFrame } from '../../../shared/contract/index.js';
import type { Logger } from '../../core/kernel/index.js';

export interface GatewayBackend {
  dispatch(name: string, input: unknown): Promise<CommandResult>;
  subscribe(listener: (event: AnyEvent) => void): () => void;
}

/** Frames larger than this are not console commands. */
const MAX_FRAME_BYTES = 1024 * 1024;

/**
 * The WebSocket adapter of the contract: each frame is validated, dispatched, answered by id;
 * every push event goes to every connected console.
 */
export class WsGateway {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  private readonly unsubscribe: () => void;

  constructor(
    private readonly backend: GatewayBackend,
    private readonly logger: Logger,
  ) {
    this.unsubscribe = backend.subscribe((event) => this.broadcast({ kind: 'event', ...event } as ServerFrame));
    this.wss.on('connection', (socket) => this.onConnection(socket));
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

  private onConnection(socket: WebSocket): void {
    socket.on('message', (data, isBinary) => {
      if (isBinary) return socket.close(1003, 'text frames only');
      // Dispatch turns every failure into a result; this catch is for a fault in the gateway itself.
      this.onFrame(socket, data.toString()).catch((error: unknown) => {
        this.logger.error({ err: error }, 'console frame could not be handled');
        socket.close(1011, 'internal error');
      });
    });
    socket.on('error', (error) => this.logger.warn({ err: error }, 'console socket error'));
  }

  private async onFrame(socket: WebSocket, text: string): Promise<void> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return socket.close(1007, 'frames must be JSON');
    }
    const frame = clientFrameSchema.safeParse(json);
    if (!frame.success) return socket.close(1007, 'not a command frame');
    const result = await this.backend.dispatch(frame.data.name, frame.data.input);
    send(socket, { kind: 'result', id: frame.data.id, ...result });
  }

  private broadcast(frame: ServerFrame): void {
    for (const client of this.wss.clients) send(client, frame);
  }
}

function send(socket: WebSocket, frame: ServerFrame): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
}
