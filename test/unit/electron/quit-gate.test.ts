import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQuitGate, DEFAULT_STOP_TIMEOUT_MS } from '../../../src/main/electron/quit-gate.js';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('createQuitGate', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup(stop: () => Promise<void>) {
    const deps = { stop: vi.fn(stop), quitAgain: vi.fn(), onError: vi.fn() };
    return { deps, gate: createQuitGate(deps) };
  }

  it('holds the first quit, stops the core, then quits for real', async () => {
    const stopping = deferred();
    const { deps, gate } = setup(() => stopping.promise);
    expect(gate.quitting).toBe(false);

    expect(gate.beforeQuit()).toBe(false);
    expect(gate.quitting).toBe(true);
    expect(deps.stop).toHaveBeenCalledTimes(1);
    expect(deps.quitAgain).not.toHaveBeenCalled();

    stopping.resolve();
    await vi.runAllTimersAsync();
    expect(deps.quitAgain).toHaveBeenCalledTimes(1);
    expect(gate.beforeQuit()).toBe(true);
    expect(deps.onError).not.toHaveBeenCalled();
  });

  it('stops only once however often quit is asked for meanwhile', async () => {
    const stopping = deferred();
    const { deps, gate } = setup(() => stopping.promise);
    expect(gate.beforeQuit()).toBe(false);
    expect(gate.beforeQuit()).toBe(false);
    expect(gate.beforeQuit()).toBe(false);
    stopping.resolve();
    await vi.runAllTimersAsync();
    expect(deps.stop).toHaveBeenCalledTimes(1);
    expect(deps.quitAgain).toHaveBeenCalledTimes(1);
  });

  it('still quits when stopping fails, and reports why', async () => {
    const failure = new Error('database locked');
    const { deps, gate } = setup(() => Promise.reject(failure));
    gate.beforeQuit();
    await vi.runAllTimersAsync();
    expect(deps.onError).toHaveBeenCalledWith(failure);
    expect(deps.quitAgain).toHaveBeenCalledTimes(1);
  });

  it('still quits when stop throws synchronously', async () => {
    const failure = new Error('not started');
    const { deps, gate } = setup(() => {
      throw failure;
    });
    expect(gate.beforeQuit()).toBe(false);
    await vi.runAllTimersAsync();
    expect(deps.onError).toHaveBeenCalledWith(failure);
    expect(deps.quitAgain).toHaveBeenCalledTimes(1);
  });

  it('gives up waiting for a core that hangs, exactly once', async () => {
    const stopping = deferred();
    const { deps, gate } = setup(() => stopping.promise);
    gate.beforeQuit();
    await vi.advanceTimersByTimeAsync(DEFAULT_STOP_TIMEOUT_MS - 1);
    expect(deps.quitAgain).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(deps.quitAgain).toHaveBeenCalledTimes(1);
    expect(deps.onError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringContaining('did not stop') }));

    stopping.resolve();
    await vi.runAllTimersAsync();
    expect(deps.quitAgain).toHaveBeenCalledTimes(1);
  });
});
