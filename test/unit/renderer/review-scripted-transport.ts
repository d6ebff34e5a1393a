import type { CommandName } from '../../../src/shared/contract/commands.js';
import type { ContractErrorShape } from '../../../src/shared/contract/errors.js';
import type { AnyEvent } from '../../../src/shared/contract/events.js';
import type { CommandResult } from '../../../src/shared/contract/wire.js';
import type { BookingDto } from '../../../src/shared/contract/scheduling.js';
import type { ConnectionState } from '../../../src/renderer/api/connection-state.js';
import { ConsoleClient } from '../../../src/renderer/api/console-client.js';
import { ListenerSet } from '../../../src/renderer/api/listener-set.js';
import type { Transport } from '../../../src/renderer/api/transport.js';

type Handler = (input: any) => unknown;

/** Thrown by a handler to answer `ok: false` with this contract error. */
export class Refusal {
  constructor(readonly error: ContractErrorShape) {}
}

/**
 * A transport that answers each command from a handler the test sets (shared by the review,
 * schedule and settings store tests), records what was sent, and lets the test push events.
 */
export class ScriptedTransport implements Transport {
  readonly kind = 'websocket';
  state: ConnectionState = 'open';
  readonly sent: { name: CommandName; input: any }[] = [];
  readonly handlers = new Map<CommandName, Handler>();
  readonly events = new ListenerSet<AnyEvent>();
  readonly states = new ListenerSet<ConnectionState>();

  handle(name: CommandName, handler: Handler): this {
    this.handlers.set(name, handler);
    return this;
  }

  async request(name: CommandName, input: unknown): Promise<CommandResult> {
    this.sent.push({ name, input });
    const handler = this.handlers.get(name);
    if (!handler) return { ok: false, error: { code: 'unknown_command', message: `no handler for ${name}` } };
    try {
      return { ok: true, output: await handler(input) };
    } catch (error) {
      if (error instanceof Refusal) return { ok: false, error: error.error };
      throw error;
    }
  }
  onEvent(listener: (event: AnyEvent) => void) {
    return this.events.add(listener);
  }
  onStateChange(listener: (state: ConnectionState) => void) {
    return this.states.add(listener);
  }
  close() {}

  emit(event: AnyEvent) {
    this.events.emit(event);
  }
  setState(state: ConnectionState) {
    this.state = state;
    this.states.emit(state);
  }
  count(name: CommandName): number {
    return this.sent.filter((s) => s.name === name).length;
  }
  last(name: CommandName): any {
    return [...this.sent].reverse().find((s) => s.name === name)?.input;
  }
}

export function scriptedClient(): { transport: ScriptedTransport; client: ConsoleClient } {
  const transport = new ScriptedTransport();
  return { transport, client: new ConsoleClient(transport) };
}

/** Lets every pending promise chain run. */
export async function settle() {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
}

export function booking(overrides: Partial<BookingDto> = {}): BookingDto {
  return {
    id: 'b1',
    tenantId: 'bright-smiles',
    tenantName: 'Bright Smiles Dental',
    rehearsal: false,
    status: 'pending_review',
    serviceId: 'whitening',
    serviceName: 'Teeth whitening consultation',
    providerId: 'dr-patel',
    providerName: 'Dr. Raj Patel',
    start: '2026-11-25T09:00:00-05:00',
    end: '2026-11-25T09:30:00-05:00',
    customer: { id: 'c1', name: 'Jane Doe', phone: '+15555550199', notes: '', createdAt: 1 },
    source: 'phone',
    holdExpiresAt: null,
    reviewReason: 'service requires review',
    notes: '',
    callId: 'call-1',
    createdAt: '2026-11-23T09:05:00-05:00',
    createdBy: 'receptionist',
    updatedAt: '2026-11-23T09:05:00-05:00',
    updatedBy: 'receptionist',
    ...overrides,
  };
}
