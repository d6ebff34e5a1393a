import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { Reachability, type DesiredTunnel, type TunnelHooks, type TunnelSpec } from '../../../src/main/core/reachability/index.js';
import { FakeClock } from '../../support/fake-clock.js';

/** Tunnels that start at a numbered URL, or fail once when told to; no network involved. */
function harness() {
  const clock = FakeClock.at('2026-11-23T14:00:00Z');
  let desired: DesiredTunnel | null = null;
  let started = 0;
  const failures: string[] = [];
  const hooks: TunnelHooks[] = [];
  const closed: number[] = [];
  const urls: (string | null)[] = [];
  let selfTest: { ok: true } | { ok: false; problem: string } = { ok: true };
  const reachability = new Reachability({
    desired: () => desired,
    factory: (_spec: TunnelSpec, _forwardTo, h) => {
      const n = ++started;
      hooks.push(h);
      const failure = failures.shift();
      return {
        start: () => (failure ? Promise.reject(new Error(failure)) : Promise.resolve(`https://t${n}.example`)),
        close: async () => void closed.push(n),
      };
    },
    forwardTo: () => 'http://127.0.0.1:7411',
    selfTest: () => Promise.resolve(selfTest),
    clock,
    logger: pino({ level: 'silent' }),
    onUrlChanged: (url) => urls.push(url),
    onStatusChanged: () => {},
  });
  return {
    clock,
    reachability,
    hooks,
    closed,
    urls,
    want: (key: string | null) => (desired = key === null ? null : { spec: { mode: 'ngrok', domain: null }, key }),
    failNext: (message: string) => failures.push(message),
    selfTestAnswers: (answer: typeof selfTest) => (selfTest = answer),
    started: () => started,
  };
}

describe('the tunnel supervisor', () => {
  it('starts what the settings ask for, restarts on a new key, and stops when asked for nothing', async () => {
    const h = harness();
    h.want('a');
    await h.reachability.reconcile();
    expect(h.reachability.status()).toMatchObject({ mode: 'ngrok', state: 'up', url: 'https://t1.example' });
    await h.reachability.reconcile();
    expect(h.started()).toBe(1);
    h.want('b');
    await h.reachability.reconcile();
    expect(h.closed).toEqual([1]);
    expect(h.reachability.publicUrl()).toBe('https://t2.example');
    h.want(null);
    await h.reachability.reconcile();
    expect(h.reachability.status()).toMatchObject({ mode: 'none', state: 'off', url: null });
    expect(h.urls).toEqual(['https://t1.example', null, 'https://t2.example', null]);
  });

  it('retries a failed start after 30 seconds, not on every check', async () => {
    const h = harness();
    h.failNext('Could not reach ngrok');
    h.want('a');
    await h.reachability.reconcile();
    expect(h.reachability.status()).toMatchObject({ state: 'down', problem: 'Could not reach ngrok' });
    h.clock.advance(29_000);
    await h.reachability.reconcile();
    expect(h.started()).toBe(1);
    h.clock.advance(2_000);
    await h.reachability.reconcile();
    expect(h.started()).toBe(2);
    expect(h.reachability.status().state).toBe('up');
  });

  it('reports the self-test result and ignores hooks from a tunnel it already replaced', async () => {
    const h = harness();
    h.selfTestAnswers({ ok: false, problem: 'answered, but not as this Frontdesk' });
    h.want('a');
    await h.reachability.reconcile();
    await h.reachability.runSelfTest();
    expect(h.reachability.status()).toMatchObject({ selfTest: 'failed', problem: 'answered, but not as this Frontdesk' });
    h.want('b');
    await h.reachability.reconcile();
    h.hooks[0]!.onDown('old session closed');
    expect(h.reachability.status().state).toBe('up');
    h.hooks[1]!.onDown('network lost');
    expect(h.reachability.status()).toMatchObject({ state: 'down', url: 'https://t2.example' });
    h.hooks[1]!.onUp('https://t2.example');
    expect(h.reachability.status()).toMatchObject({ state: 'up', problem: null });
  });
});
