import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CommandName } from '../../../src/shared/contract/commands.js';
import type { Health, TenantSummary } from '../../../src/shared/contract/dto.js';
import type { AnyEvent } from '../../../src/shared/contract/events.js';
import type { CommandResult } from '../../../src/shared/contract/wire.js';
import { CommandError } from '../../../src/renderer/api/command-error.js';
import type { ConnectionState } from '../../../src/renderer/api/connection-state.js';
import { ConsoleClient } from '../../../src/renderer/api/console-client.js';
import { ListenerSet } from '../../../src/renderer/api/listener-set.js';
import type { Transport } from '../../../src/renderer/api/transport.js';
import { createOverviewStore } from '../../../src/renderer/features/overview/overview-store.js';

/** A transport the test drives by hand: every request waits until the test answers it. */
class ManualTransport implements Transport {
  readonly kind = 'websocket';
  state: ConnectionState = 'open';
  readonly requests: Array<{ name: CommandName; resolve: (result: CommandResult) => void; reject: (error: unknown) => void }> = [];
  readonly events = new ListenerSet<AnyEvent>();
  readonly states = new ListenerSet<ConnectionState>();

  request(name: CommandName): Promise<CommandResult> {
    return new Promise((resolve, reject) => this.requests.push({ name, resolve, reject }));
  }
  onEvent(listener: (event: AnyEvent) => void) {
    return this.events.add(listener);
  }
  onStateChange(listener: (state: ConnectionState) => void) {
    return this.states.add(listener);
  }
  close() {}

  /** Answers every open request for `name` and lets the store's promise chains finish. */
  async answer(name: CommandName, output: unknown) {
    for (const request of this.requests.filter((r) => r.name === name)) {
      this.requests.splice(this.requests.indexOf(request), 1);
      request.resolve({ ok: true, output });
    }
    await flush();
  }
  pending(name: CommandName) {
    return this.requests.filter((r) => r.name === name).length;
  }
  setState(state: ConnectionState) {
    this.state = state;
    this.states.emit(state);
  }
}

async function flush() {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

const practice: TenantSummary = {
  id: 'bright-smiles',
  name: 'Bright Smiles Dental',
  timezone: 'America/New_York',
  phoneNumbers: ['+15555550123'],
  providerCount: 3,
  serviceCount: 5,
  updatedAt: 1,
};

function healthAt(now: number, overrides: Partial<Health> = {}): Health {
  return {
    version: '0.1.0',
    startedAt: now,
    now,
    webhooks: { listening: true, localUrl: 'http://127.0.0.1:4000/twilio/voice', publicUrl: null, signaturesVerified: false },
    storage: { ok: true, path: '/data/frontdesk.db', schemaVersion: 2 },
    tenants: 1,
    activeCalls: 0,
    ...overrides,
  };
}

let transport: ManualTransport;
let stop: (() => void) | undefined;

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 10, 23, 12, 0, 0) });
  transport = new ManualTransport();
});

afterEach(() => {
  stop?.();
  stop = undefined;
  vi.useRealTimers();
});

function startStore(pollMs = 10_000) {
  const store = createOverviewStore(new ConsoleClient(transport), { healthPollMs: pollMs });
  stop = store.getState().start();
  return store;
}

describe('overview store', () => {
  it('loads practices and health on start and remembers the appliance clock offset', async () => {
    const store = startStore();
    expect(store.getState().practices.status).toBe('loading');
    expect(store.getState().health.status).toBe('loading');

    await transport.answer('tenants/list', [practice]);
    const applianceNow = Date.UTC(2026, 10, 23, 14, 0, 0);
    await transport.answer('health/get', healthAt(applianceNow));

    const state = store.getState();
    expect(state.practices).toEqual({ status: 'ready', data: [practice], error: null });
    expect(state.health.data?.now).toBe(applianceNow);
    expect(state.clockOffsetMs).toBe(2 * 60 * 60 * 1000);
  });

  it('refreshes practices on tenants/changed and takes health straight from health/changed', async () => {
    const store = startStore();
    await transport.answer('tenants/list', []);
    await transport.answer('health/get', healthAt(Date.now()));

    transport.events.emit({ name: 'tenants/changed', payload: { tenantIds: ['bright-smiles'] } });
    expect(transport.pending('tenants/list')).toBe(1);
    await transport.answer('tenants/list', [practice]);
    expect(store.getState().practices.data).toEqual([practice]);

    const pushed = healthAt(Date.now(), { activeCalls: 2 });
    transport.events.emit({ name: 'health/changed', payload: pushed });
    expect(store.getState().health.data).toEqual(pushed);
    expect(transport.pending('health/get')).toBe(0);
  });

  it('polls health as a fallback, never asking twice at once', async () => {
    startStore(10_000);
    await transport.answer('tenants/list', []);
    expect(transport.pending('health/get')).toBe(1);

    // The first answer is still outstanding when the poll fires: no second question.
    vi.advanceTimersByTime(10_000);
    expect(transport.pending('health/get')).toBe(1);
    await transport.answer('health/get', healthAt(Date.now()));

    vi.advanceTimersByTime(10_000);
    expect(transport.pending('health/get')).toBe(1);
  });

  it('an answer older than a pushed health report does not overwrite it', async () => {
    const store = startStore();
    const pushed = healthAt(Date.now(), { activeCalls: 1 });
    transport.events.emit({ name: 'health/changed', payload: pushed });
    await transport.answer('health/get', healthAt(Date.now() - 5_000));
    expect(store.getState().health.data).toEqual(pushed);
  });

  it('catches up on both after a reconnect, since events sent meanwhile are lost', async () => {
    startStore();
    await transport.answer('tenants/list', [practice]);
    await transport.answer('health/get', healthAt(Date.now()));

    transport.setState('reconnecting');
    expect(transport.requests).toHaveLength(0);
    transport.setState('open');
    expect(transport.pending('tenants/list')).toBe(1);
    expect(transport.pending('health/get')).toBe(1);
  });

  it('shows an error before the first answer and keeps the last data when a later refresh fails', async () => {
    const store = startStore();
    transport.requests.find((r) => r.name === 'tenants/list')?.reject(new CommandError('tenants/list', 'internal', 'Database is locked.'));
    await flush();
    expect(store.getState().practices).toEqual({ status: 'error', data: [], error: 'Database is locked.' });

    void store.getState().refreshPractices();
    await transport.answer('tenants/list', [practice]);
    expect(store.getState().practices).toEqual({ status: 'ready', data: [practice], error: null });

    void store.getState().refreshPractices();
    transport.requests.find((r) => r.name === 'tenants/list')?.reject(new CommandError('tenants/list', 'unavailable', 'The connection dropped.'));
    await flush();
    expect(store.getState().practices).toEqual({ status: 'ready', data: [practice], error: 'The connection dropped.' });
  });

  it('stops listening and polling when stopped', async () => {
    startStore(10_000);
    await transport.answer('tenants/list', []);
    await transport.answer('health/get', healthAt(Date.now()));
    stop?.();
    stop = undefined;
    expect(transport.events.size).toBe(0);
    expect(transport.states.size).toBe(0);
    vi.advanceTimersByTime(30_000);
    expect(transport.requests).toHaveLength(0);
  });
});
