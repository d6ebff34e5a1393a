import type { AddressInfo } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ConnectionState } from '../../../src/renderer/api/connection-state.js';
import type { Transport } from '../../../src/renderer/api/transport.js';

export interface ReceivedCommand {
  socket: WebSocket;
  id: number;
  name: string;
  input: unknown;
}

/**
 * A console WebSocket endpoint speaking the real wire protocol on 127.0.0.1, with the test in
 * control of when (and whether) each command is answered.
 */
export class FakeConsoleServer {
  readonly commands: ReceivedCommand[] = [];
  readonly connections: WebSocket[] = [];
  readonly requestUrls: string[] = [];
  /** Return false to refuse the upgrade (as a wrong token would be). */
  accept: (request: IncomingMessage) => boolean = () => true;
  #commandWaiters: Array<() => void> = [];
  #connectionWaiters: Array<() => void> = [];

  private constructor(
    private server: WebSocketServer,
    readonly port: number,
  ) {}

  static async start(port = 0): Promise<FakeConsoleServer> {
    // verifyClient runs only after listening, by when the fake exists.
    const created: { fake?: FakeConsoleServer } = {};
    const server = new WebSocketServer({
      host: '127.0.0.1',
      port,
      verifyClient: (info: { req: IncomingMessage }) => created.fake?.accept(info.req) ?? false,
    });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    const fake = new FakeConsoleServer(server, (server.address() as AddressInfo).port);
    created.fake = fake;
    fake.#attach();
    return fake;
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}/ws`;
  }

  #attach(): void {
    this.server.on('connection', (socket, request) => {
      this.connections.push(socket);
      this.requestUrls.push(request.url ?? '');
      socket.on('message', (data) => {
        const frame = JSON.parse(String(data)) as { id: number; name: string; input: unknown };
        this.commands.push({ socket, id: frame.id, name: frame.name, input: frame.input });
        this.#wake('command');
      });
      this.#wake('connection');
    });
  }

  #wake(kind: 'command' | 'connection'): void {
    const waiters = kind === 'command' ? this.#commandWaiters : this.#connectionWaiters;
    const woken = waiters.splice(0);
    for (const wake of woken) wake();
  }

  /** Resolves once `count` commands have arrived in total. */
  async waitForCommands(count: number): Promise<ReceivedCommand[]> {
    while (this.commands.length < count) await new Promise<void>((resolve) => this.#commandWaiters.push(resolve));
    return this.commands.slice(0, count);
  }

  /** Resolves once `count` connections have been accepted in total. */
  async waitForConnections(count: number): Promise<WebSocket> {
    while (this.connections.length < count) await new Promise<void>((resolve) => this.#connectionWaiters.push(resolve));
    const socket = this.connections[count - 1];
    if (!socket) throw new Error('unreachable: connection list shorter than counted');
    return socket;
  }

  static answer(command: ReceivedCommand, output: unknown): void {
    command.socket.send(JSON.stringify({ kind: 'result', id: command.id, ok: true, output }));
  }

  static fail(command: ReceivedCommand, error: { code: string; message: string; details?: string[] }): void {
    command.socket.send(JSON.stringify({ kind: 'result', id: command.id, ok: false, error }));
  }

  broadcast(frame: unknown): void {
    for (const socket of this.connections) if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  }

  /** Drops every client connection but keeps listening (a network blip). */
  dropConnections(): void {
    for (const socket of this.connections) socket.terminate();
  }

  /** Stops listening and drops every connection (the appliance going away). */
  async stop(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }
}

/** Resolves the next time the transport reaches `state` (at once if it is there already). */
export function waitForState(transport: Pick<Transport, 'state' | 'onStateChange'>, state: ConnectionState): Promise<void> {
  if (transport.state === state) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = transport.onStateChange((next) => {
      if (next !== state) return;
      stop();
      resolve();
    });
  });
}

/** Records every state a transport passes through. */
export function recordStates(transport: Pick<Transport, 'state' | 'onStateChange'>): ConnectionState[] {
  const states: ConnectionState[] = [transport.state];
  transport.onStateChange((state) => states.push(state));
  return states;
}
