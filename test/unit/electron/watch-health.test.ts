import { describe, expect, it, vi } from 'vitest';
import type { AnyEvent, CommandResult, Health } from '../../../src/shared/contract/index.js';
import { watchHealth } from '../../../src/main/electron/watch-health.js';

const sample: Health = {
  version: '0.1.0',
  startedAt: 1,
  now: 2,
  webhooks: { listening: true, localUrl: null, publicUrl: null, signaturesVerified: false },
  storage: { ok: true, path: '/data/frontdesk.sqlite', schemaVersion: 1 },
  tenants: 1,
  activeCalls: 0,
};

function fakeCore(answer: () => Promise<CommandResult> = async () => ({ ok: true, output: sample })) {
  const listeners = new Set<(event: AnyEvent) => void>();
  return {
    dispatch: vi.fn(answer),
    subscribe: vi.fn((listener: (event: AnyEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    emit: (event: AnyEvent) => listeners.forEach((listener) => listener(event)),
    listenerCount: () => listeners.size,
  };
}

function fakeInterval() {
  const ticks: Array<() => void> = [];
  return {
    setInterval: vi.fn((fn: () => void) => {
      ticks.push(fn);
      return ticks.length;
    }),
    clearInterval: vi.fn(),
    tick: () => ticks.forEach((fn) => fn()),
  };
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('watchHealth', () => {
  it('asks the core once at start, as an internal desk command', async () => {
    const core = fakeCore();
    const onHealth = vi.fn();
    watchHealth(core, { onHealth, onError: vi.fn(), ...fakeInterval() });
    await flush();
    expect(core.dispatch).toHaveBeenCalledWith('health/get', {}, { actor: 'desk', transport: 'internal' });
    expect(onHealth).toHaveBeenCalledWith(sample);
  });

  it('follows health/changed without asking again', async () => {
    const core = fakeCore();
    const onHealth = vi.fn();
    watchHealth(core, { onHealth, onError: vi.fn(), ...fakeInterval() });
    await flush();
    core.emit({ name: 'health/changed', payload: { ...sample, activeCalls: 2 } });
    expect(onHealth).toHaveBeenLastCalledWith({ ...sample, activeCalls: 2 });
    expect(core.dispatch).toHaveBeenCalledTimes(1);
  });

  it('asks again when the practices change and on every poll tick', async () => {
    const core = fakeCore();
    const timers = fakeInterval();
    watchHealth(core, { onHealth: vi.fn(), onError: vi.fn(), ...timers, intervalMs: 5_000 });
    core.emit({ name: 'tenants/changed', payload: { tenantIds: ['a'] } });
    timers.tick();
    await flush();
    expect(core.dispatch).toHaveBeenCalledTimes(3);
    expect(timers.setInterval).toHaveBeenCalledWith(expect.any(Function), 5_000);
  });

  it('reports failures and malformed answers instead of updating', async () => {
    const onHealth = vi.fn();
    const onError = vi.fn();
    const failing = fakeCore(async () => ({ ok: false, error: { code: 'unavailable', message: 'storage offline' } }));
    watchHealth(failing, { onHealth, onError, ...fakeInterval() });
    const malformed = fakeCore(async () => ({ ok: true, output: { version: 1 } }));
    watchHealth(malformed, { onHealth, onError, ...fakeInterval() });
    const throwing = fakeCore(async () => Promise.reject(new Error('boom')));
    watchHealth(throwing, { onHealth, onError, ...fakeInterval() });
    await flush();
    expect(onHealth).not.toHaveBeenCalled();
    expect(onError.mock.calls.map(([message]) => message)).toEqual([
      'health/get failed: storage offline',
      'health/get answered with an unexpected shape',
      'health/get failed: Error: boom',
    ]);
  });

  it('stops listening, polling and reporting once stopped', async () => {
    const core = fakeCore();
    const timers = fakeInterval();
    const onHealth = vi.fn();
    const stop = watchHealth(core, { onHealth, onError: vi.fn(), ...timers });
    stop();
    await flush();
    expect(core.listenerCount()).toBe(0);
    expect(timers.clearInterval).toHaveBeenCalledWith(1);
    expect(onHealth).not.toHaveBeenCalled();
  });
});
