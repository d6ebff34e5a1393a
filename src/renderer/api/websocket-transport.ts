import type { CommandName } from '../../shared/contract/commands.js';
import { events, type AnyEvent } from '../../shared/contract/events.js';
import { commandResultSchema, type ClientFrame, type CommandResult } from '../../shared/contract/wire.js';
import { CommandError, describeError } from './command-error.js';
import type { ConnectionState } from './connection-state.js';
import { ListenerSet } from './listener-set.js';
import type { Transport } from './transport.js';

/**
 * The part of the browser `WebSocket` the transport uses; the `ws` package's client fits it too.
 * Handlers take `never` so any implementation's event types fit; the transport reads only `data`.
 */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((event: never) => void) | null;
  onmessage: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
  onclose: ((event: never) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

export interface BackoffOptions {
  /** Delay before the first retry. */
  initialMs: number;
  /** The delay never grows past this. */
  maxMs: number;
  factor: number;
  /** 0 … 1: how far each delay may randomly stray, so many consoles don't retry in lockstep. */
  jitter: number;
}

export interface WebSocketTransportOptions {
  /**
   * The socket URL, token included. A function is called before every attempt, so a restarted
   * appliance's new token can be picked up; if it throws, the attempt counts as failed.
   */
  url: string | ((attempt: ConnectionAttempt) => string | Promise<string>);
  /** Defaults to `globalThis.WebSocket`; tests under Node pass the `ws` package's client. */
  WebSocket?: WebSocketConstructor;
  backoff?: Partial<BackoffOptions>;
  /** A command not answered within this long (including time waiting for a connection) fails. */
  requestTimeoutMs?: number;
  /** Frames the console cannot read; they are dropped. Defaults to `console.warn`. */
  onProtocolError?: (message: string, frame: unknown) => void;
}

export interface ConnectionAttempt {
  /** 0 for the very first attempt of this transport. */
  readonly index: number;
  /** True once any connection has opened before: the appliance may have restarted since. */
  readonly reconnect: boolean;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 250, maxMs: 5_000, factor: 2, jitter: 0.2 };
export const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;

const OPEN = 1;

interface Request {
  readonly id: number;
  readonly name: CommandName;
  readonly input: unknown;
  readonly resolve: (result: CommandResult) => void;
  readonly reject: (error: CommandError) => void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * The headless console's transport: one WebSocket to the console listener, with request ids,
 * automatic reconnect with exponential backoff, and commands queued while disconnected.
 *
 * A command already sent when the connection drops is rejected (it may or may not have run, so
 * only its caller can decide whether to repeat it); a command not yet sent waits for the next
 * connection, up to `requestTimeoutMs`.
 */
export class WebSocketTransport implements Transport {
  readonly kind = 'websocket';
  readonly #options: WebSocketTransportOptions;
  readonly #WebSocket: WebSocketConstructor;
  readonly #backoff: BackoffOptions;
  readonly #requestTimeoutMs: number;
  readonly #eventListeners = new ListenerSet<AnyEvent>();
  readonly #stateListeners = new ListenerSet<ConnectionState>();
  /** Sent, waiting for their result. */
  readonly #inFlight = new Map<number, Request>();
  /** Not sent yet: waiting for a connection. */
  readonly #queued = new Map<number, Request>();
  #state: ConnectionState = 'connecting';
  #socket: WebSocketLike | null = null;
  #nextId = 1;
  #attempt = 0;
  #failuresInARow = 0;
  #everOpened = false;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: WebSocketTransportOptions) {
    this.#options = options;
    const WebSocketImpl = options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    if (!WebSocketImpl) throw new Error('WebSocketTransport needs a WebSocket implementation.');
    this.#WebSocket = WebSocketImpl;
    this.#backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.#requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    void this.#connect();
  }

  get state(): ConnectionState {
    return this.#state;
  }

  request(name: CommandName, input: unknown): Promise<CommandResult> {
    if (this.#state === 'closed') {
      return Promise.reject(new CommandError(name, 'unavailable', 'The console connection is closed.'));
    }
    return new Promise<CommandResult>((resolve, reject) => {
      const request: Request = { id: this.#nextId++, name, input, resolve, reject, timer: undefined };
      request.timer = setTimeout(() => {
        this.#queued.delete(request.id);
        this.#inFlight.delete(request.id);
        reject(
          new CommandError(name, 'unavailable', `Frontdesk did not answer in time (${Math.round(this.#requestTimeoutMs / 1000)} s).`),
        );
      }, this.#requestTimeoutMs);
      const socket = this.#socket;
      if (this.#state === 'open' && socket) this.#send(socket, request);
      else this.#queued.set(request.id, request);
    });
  }

  onEvent(listener: (event: AnyEvent) => void): () => void {
    return this.#eventListeners.add(listener);
  }

  onStateChange(listener: (state: ConnectionState) => void): () => void {
    return this.#stateListeners.add(listener);
  }

  close(): void {
    if (this.#state === 'closed') return;
    clearTimeout(this.#retryTimer);
    const socket = this.#socket;
    this.#socket = null;
    socket?.close(1000, 'console closed');
    this.#rejectAll(this.#inFlight, 'The console connection was closed.');
    this.#rejectAll(this.#queued, 'The console connection was closed.');
    this.#setState('closed');
    this.#eventListeners.clear();
    this.#stateListeners.clear();
  }

  async #connect(): Promise<void> {
    const attempt: ConnectionAttempt = { index: this.#attempt++, reconnect: this.#everOpened };
    let url: string;
    try {
      url = typeof this.#options.url === 'string' ? this.#options.url : await this.#options.url(attempt);
    } catch {
      // Typically the appliance is still down (the token page did not load): just try again later.
      this.#connectionFailed();
      return;
    }
    if (this.#state === 'closed') return;

    let socket: WebSocketLike;
    try {
      socket = new this.#WebSocket(url);
    } catch (error) {
      this.#protocolError(`Cannot open a WebSocket to ${url}: ${describeError(error)}`, url);
      this.#connectionFailed();
      return;
    }
    this.#socket = socket;
    socket.onopen = () => {
      if (this.#socket !== socket) return;
      this.#everOpened = true;
      this.#failuresInARow = 0;
      this.#setState('open');
      for (const request of [...this.#queued.values()]) {
        this.#queued.delete(request.id);
        this.#send(socket, request);
      }
    };
    socket.onmessage = (event: { data: unknown }) => {
      if (this.#socket === socket) this.#receive(event.data);
    };
    // Every error is followed by a close event, which is where recovery happens.
    socket.onerror = () => {};
    socket.onclose = () => {
      if (this.#socket !== socket) return;
      this.#socket = null;
      this.#rejectAll(this.#inFlight, 'The connection to Frontdesk dropped before it answered.');
      this.#connectionFailed();
    };
  }

  #connectionFailed(): void {
    if (this.#state === 'closed') return;
    this.#setState(this.#everOpened ? 'reconnecting' : 'connecting');
    const { initialMs, maxMs, factor, jitter } = this.#backoff;
    const base = Math.min(maxMs, initialMs * factor ** this.#failuresInARow);
    const delay = Math.max(0, base * (1 + jitter * (Math.random() * 2 - 1)));
    this.#failuresInARow++;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => void this.#connect(), delay);
  }

  #send(socket: WebSocketLike, request: Request): void {
    const frame: ClientFrame = { kind: 'command', id: request.id, name: request.name, input: request.input };
    if (socket.readyState !== OPEN) {
      this.#queued.set(request.id, request);
      return;
    }
    this.#inFlight.set(request.id, request);
    try {
      socket.send(JSON.stringify(frame));
    } catch (error) {
      this.#inFlight.delete(request.id);
      clearTimeout(request.timer);
      request.reject(new CommandError(request.name, 'invalid_input', `Could not send "${request.name}".`, [describeError(error)]));
    }
  }

  #receive(data: unknown): void {
    if (typeof data !== 'string') {
      this.#protocolError('Dropped a binary frame; the console protocol is JSON text.', data);
      return;
    }
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      this.#protocolError('Dropped a frame that is not JSON.', data);
      return;
    }
    if (typeof frame !== 'object' || frame === null) {
      this.#protocolError('Dropped a frame that is not an object.', frame);
      return;
    }
    const record = frame as Record<string, unknown>;
    if (record.kind === 'result') this.#receiveResult(record);
    else if (record.kind === 'event') this.#receiveEvent(record);
    else this.#protocolError(`Dropped a frame of unknown kind "${String(record.kind)}".`, frame);
  }

  #receiveResult(frame: Record<string, unknown>): void {
    const id = frame.id;
    const request = typeof id === 'number' ? this.#inFlight.get(id) : undefined;
    if (!request) {
      // Its request timed out already, or the server answered something never asked.
      this.#protocolError(`Dropped a result for unknown request ${String(id)}.`, frame);
      return;
    }
    this.#inFlight.delete(request.id);
    clearTimeout(request.timer);
    const parsed = commandResultSchema.safeParse(frame);
    if (parsed.success) request.resolve(parsed.data);
    else request.reject(new CommandError(request.name, 'internal', `Frontdesk sent an answer to "${request.name}" the console cannot read.`));
  }

  #receiveEvent(frame: Record<string, unknown>): void {
    const name = frame.name;
    if (typeof name !== 'string' || !Object.hasOwn(events, name)) {
      // A newer appliance may push events this console does not know yet.
      return;
    }
    const schema = events[name as keyof typeof events];
    const parsed = schema.safeParse(frame.payload);
    if (!parsed.success) {
      this.#protocolError(`Dropped a malformed "${name}" event.`, frame);
      return;
    }
    this.#eventListeners.emit({ name, payload: parsed.data } as AnyEvent);
  }

  #rejectAll(requests: Map<number, Request>, message: string): void {
    for (const request of [...requests.values()]) {
      clearTimeout(request.timer);
      request.reject(new CommandError(request.name, 'unavailable', message));
    }
    requests.clear();
  }

  #setState(state: ConnectionState): void {
    if (this.#state === state) return;
    this.#state = state;
    this.#stateListeners.emit(state);
  }

  #protocolError(message: string, frame: unknown): void {
    const report = this.#options.onProtocolError ?? ((text: string) => console.warn(`[frontdesk] ${text}`));
    report(message, frame);
  }
}
