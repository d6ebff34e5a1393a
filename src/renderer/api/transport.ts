import type { CommandName } from '../../shared/contract/commands.js';
import type { AnyEvent } from '../../shared/contract/events.js';
import type { CommandResult } from '../../shared/contract/wire.js';
import type { ConnectionState, TransportKind } from './connection-state.js';

/**
 * How the console reaches the appliance. A transport resolves with the appliance's
 * `CommandResult` and rejects (with a `CommandError`) only when the answer could not arrive.
 */
export interface Transport {
  readonly kind: TransportKind;
  readonly state: ConnectionState;
  request(name: CommandName, input: unknown): Promise<CommandResult>;
  onEvent(listener: (event: AnyEvent) => void): () => void;
  onStateChange(listener: (state: ConnectionState) => void): () => void;
  close(): void;
}
