import type { FrontdeskBridge } from '../../shared/contract/bridge.js';
import type { CommandName } from '../../shared/contract/commands.js';
import type { AnyEvent } from '../../shared/contract/events.js';
import type { CommandResult } from '../../shared/contract/wire.js';
import { CommandError, describeError } from './command-error.js';
import type { ConnectionState } from './connection-state.js';
import type { Transport } from './transport.js';

type AnyCommandFunction = (input: unknown) => Promise<CommandResult>;

/** The desktop app's transport: the preload's `window.frontdesk` bridge, always connected. */
export class IpcTransport implements Transport {
  readonly kind = 'ipc';
  readonly #bridge: FrontdeskBridge;
  readonly #unsubscribers = new Set<() => void>();
  #state: ConnectionState = 'open';

  constructor(bridge: FrontdeskBridge) {
    this.#bridge = bridge;
  }

  get state(): ConnectionState {
    return this.#state;
  }

  async request(name: CommandName, input: unknown): Promise<CommandResult> {
    if (this.#state === 'closed') throw new CommandError(name, 'unavailable', 'The console connection is closed.');
    // The bridge is typed per command; here one code path serves them all.
    const command = (this.#bridge.commands as Partial<Record<string, AnyCommandFunction>>)[name];
    if (typeof command !== 'function') {
      throw new CommandError(name, 'unknown_command', `This version of the desktop app does not know "${name}".`);
    }
    try {
      return await command(input);
    } catch (error) {
      throw new CommandError(name, 'unavailable', `The desktop app did not answer "${name}".`, [describeError(error)]);
    }
  }

  onEvent(listener: (event: AnyEvent) => void): () => void {
    const unsubscribe = this.#bridge.onEvent(listener);
    this.#unsubscribers.add(unsubscribe);
    return () => {
      this.#unsubscribers.delete(unsubscribe);
      unsubscribe();
    };
  }

  onStateChange(): () => void {
    // IPC cannot drop while the window lives.
    return () => {};
  }

  close(): void {
    this.#state = 'closed';
    for (const unsubscribe of this.#unsubscribers) unsubscribe();
    this.#unsubscribers.clear();
  }
}
