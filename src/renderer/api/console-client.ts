import type { CommandInput, CommandName, CommandOutput } from '../../shared/contract/commands.js';
import type { AnyEvent, EventName, EventPayload } from '../../shared/contract/events.js';
import { CommandError } from './command-error.js';
import type { ConnectionState, TransportKind } from './connection-state.js';
import type { Transport } from './transport.js';

/**
 * The console's one way to talk to the appliance. Feature code calls commands and listens to
 * events by their contract names; it never knows whether IPC or a WebSocket carries them.
 */
export class ConsoleClient {
  readonly #transport: Transport;
  readonly #unauthorized = new Set<() => void>();

  constructor(transport: Transport) {
    this.#transport = transport;
  }

  get transportKind(): TransportKind {
    return this.#transport.kind;
  }

  get state(): ConnectionState {
    return this.#transport.state;
  }

  /** Runs a command; resolves with its output or throws a `CommandError`. */
  async call<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
    const result = await this.#transport.request(name, input);
    if (!result.ok) {
      // A session that expired or an account that was removed: the sign-in screen takes over.
      if (result.error.code === 'unauthorized' && !name.startsWith('session/')) for (const listener of this.#unauthorized) listener();
      throw CommandError.fromShape(name, result.error);
    }
    // The appliance validated the output against the same contract before sending it.
    return result.output as CommandOutput<N>;
  }

  /** Every push event. Returns the unsubscribe function. */
  subscribe(listener: (event: AnyEvent) => void): () => void {
    return this.#transport.onEvent(listener);
  }

  /** One push event by name, with its payload typed. */
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.#transport.onEvent((event) => {
      if (event.name === name) listener(event.payload as EventPayload<E>);
    });
  }

  /** Called when the appliance refuses a command because nobody (or nobody allowed) is signed in. */
  onUnauthorized(listener: () => void): () => void {
    this.#unauthorized.add(listener);
    return () => this.#unauthorized.delete(listener);
  }

  onStateChange(listener: (state: ConnectionState) => void): () => void {
    return this.#transport.onStateChange(listener);
  }

  close(): void {
    this.#transport.close();
  }
}
