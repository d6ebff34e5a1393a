import type { CallDetailDto, CallSummaryDto, MessageDto, TranscriptTurnDto } from '../../../src/shared/contract/calls.js';
import type { CommandName } from '../../../src/shared/contract/commands.js';
import type { AnyEvent } from '../../../src/shared/contract/events.js';
import type { CommandResult } from '../../../src/shared/contract/wire.js';
import type { ConnectionState } from '../../../src/renderer/api/connection-state.js';
import { ConsoleClient } from '../../../src/renderer/api/console-client.js';
import { ListenerSet } from '../../../src/renderer/api/listener-set.js';
import type { Transport } from '../../../src/renderer/api/transport.js';

export interface PendingRequest {
  name: CommandName;
  input: unknown;
  resolve: (result: CommandResult) => void;
}

/** A transport the test drives by hand: every request waits until the test answers it. */
export class ManualTransport implements Transport {
  readonly kind = 'websocket';
  state: ConnectionState = 'open';
  readonly requests: PendingRequest[] = [];
  readonly sent: { name: CommandName; input: unknown }[] = [];
  readonly events = new ListenerSet<AnyEvent>();
  readonly states = new ListenerSet<ConnectionState>();

  request(name: CommandName, input: unknown): Promise<CommandResult> {
    this.sent.push({ name, input });
    return new Promise((resolve) => this.requests.push({ name, input, resolve }));
  }
  onEvent(listener: (event: AnyEvent) => void) {
    return this.events.add(listener);
  }
  onStateChange(listener: (state: ConnectionState) => void) {
    return this.states.add(listener);
  }
  close() {}

  /** The oldest open request for `name`, taken off the queue. */
  take(name: CommandName): PendingRequest {
    const index = this.requests.findIndex((r) => r.name === name);
    const request = this.requests[index];
    if (!request) throw new Error(`no open "${name}" request; open: ${this.requests.map((r) => r.name).join(', ') || 'none'}`);
    this.requests.splice(index, 1);
    return request;
  }

  /** Answers the oldest open request for `name`. */
  async answer(name: CommandName, output: unknown): Promise<PendingRequest> {
    const request = this.take(name);
    request.resolve({ ok: true, output });
    await flush();
    return request;
  }

  async fail(name: CommandName, code: 'not_found' | 'unavailable' | 'conflict' | 'unknown_command' | 'invalid_input', message: string): Promise<PendingRequest> {
    const request = this.take(name);
    request.resolve({ ok: false, error: { code, message } });
    await flush();
    return request;
  }

  pending(name: CommandName): number {
    return this.requests.filter((r) => r.name === name).length;
  }

  async emit(event: AnyEvent): Promise<void> {
    this.events.emit(event);
    await flush();
  }

  setState(state: ConnectionState) {
    this.state = state;
    this.states.emit(state);
  }
}

export async function flush() {
  for (let i = 0; i < 8; i++) await Promise.resolve();
}

export function manualClient() {
  const transport = new ManualTransport();
  return { transport, client: new ConsoleClient(transport) };
}

export const TENANT = 'bright-smiles';

export function summary(id: string, overrides: Partial<CallSummaryDto> = {}): CallSummaryDto {
  return {
    id,
    tenantId: TENANT,
    tenantName: 'Bright Smiles Dental',
    callSid: `CA${id}`,
    from: '+15555550199',
    callerName: null,
    customerId: null,
    startedAt: '2026-11-23T09:00:00-05:00',
    endedAt: null,
    active: true,
    twilioStatus: 'in-progress',
    outcome: null,
    summary: null,
    mode: 'receptionist',
    rehearsal: false,
    emergency: false,
    bookingStatus: null,
    ...overrides,
  };
}

export function turn(id: number, text: string, overrides: Partial<TranscriptTurnDto> = {}): TranscriptTurnDto {
  return { id, at: '2026-11-23T09:00:05-05:00', speaker: 'caller', text, confidence: 0.9, lowConfidence: false, ...overrides };
}

export function detail(id: string, turns: TranscriptTurnDto[], overrides: Partial<CallDetailDto> = {}): CallDetailDto {
  return { ...summary(id), transcript: turns, actions: [], messages: [], llmUsage: [], ...overrides };
}

export function message(id: string, overrides: Partial<MessageDto> = {}): MessageDto {
  return {
    id,
    tenantId: TENANT,
    tenantName: 'Bright Smiles Dental',
    callId: 'call-1',
    callerName: 'Ann Lee',
    callbackNumber: '+15555550199',
    reason: 'Did my x-rays arrive?',
    urgent: false,
    status: 'new',
    createdAt: '2026-11-23T09:05:00-05:00',
    handledAt: null,
    handledBy: null,
    ...overrides,
  };
}

export function health(now: number) {
  return {
    version: '0.1.0',
    startedAt: now,
    now,
    webhooks: { listening: true, localUrl: null, publicUrl: null, signaturesVerified: true },
    storage: { ok: true, path: '/data/frontdesk.db', schemaVersion: 4 },
    tenants: 1,
    activeCalls: 0,
  };
}
