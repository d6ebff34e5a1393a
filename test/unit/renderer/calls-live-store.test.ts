import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLiveCallsStore, type LiveCallsStore } from '../../../src/renderer/features/calls/live-calls-store.js';
import { health, manualClient, summary, turn, type ManualTransport } from './calls-test-transport.js';

let transport: ManualTransport;
let store: LiveCallsStore;
let stop: () => void;

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 10, 23, 12, 0, 0) });
  const made = manualClient();
  transport = made.transport;
  store = createLiveCallsStore(made.client, { endedLingerMs: 30_000 });
  stop = store.getState().start();
});

afterEach(() => {
  stop();
  vi.useRealTimers();
});

describe('the live-calls board', () => {
  it('loads the calls in progress, oldest first, and the appliance clock offset', async () => {
    expect(store.getState().status).toBe('loading');
    await transport.answer('calls/list-active', [summary('b', { startedAt: '2026-11-23T09:05:00-05:00' }), summary('a')]);
    await transport.answer('health/get', health(Date.UTC(2026, 10, 23, 14, 0, 0)));
    expect(store.getState().status).toBe('ready');
    expect(store.getState().calls.map((c) => c.id)).toEqual(['a', 'b']);
    expect(store.getState().clockOffsetMs).toBe(2 * 3_600_000);
  });

  it('adds, updates and ends calls from events; an ended call lingers with its outcome, then leaves', async () => {
    await transport.answer('calls/list-active', []);
    await transport.emit({ name: 'call/started', payload: summary('a') });
    await transport.emit({ name: 'call/updated', payload: summary('a', { summary: 'Book a dental exam', callerName: 'Ann Lee' }) });
    expect(store.getState().calls).toMatchObject([{ id: 'a', summary: 'Book a dental exam', callerName: 'Ann Lee' }]);

    await transport.emit({ name: 'call/ended', payload: summary('a', { active: false, outcome: 'booked', endedAt: '2026-11-23T09:03:00-05:00' }) });
    expect(store.getState().calls).toMatchObject([{ id: 'a', active: false, outcome: 'booked' }]);
    vi.advanceTimersByTime(30_000);
    expect(store.getState().calls).toEqual([]);
  });

  it('keeps the last thing said on each call, newest turn only', async () => {
    await transport.answer('calls/list-active', [summary('a')]);
    await transport.emit({ name: 'call/transcript-appended', payload: { tenantId: 't', callId: 'a', turn: turn(2, 'second') } });
    await transport.emit({ name: 'call/transcript-appended', payload: { tenantId: 't', callId: 'a', turn: turn(1, 'first, delivered late') } });
    expect(store.getState().lastTurns['a']?.text).toBe('second');
  });

  it('does not let an older list answer undo events that arrived while it was on its way', async () => {
    await transport.emit({ name: 'call/started', payload: summary('new') });
    await transport.emit({ name: 'call/ended', payload: summary('old', { active: false, outcome: 'answered' }) });
    // The answer was computed before 'new' started and before 'old' ended.
    await transport.answer('calls/list-active', [summary('old')]);
    const calls = store.getState().calls;
    expect(calls.find((c) => c.id === 'new')?.active).toBe(true);
    expect(calls.find((c) => c.id === 'old')?.active).toBe(false);
  });

  it('reloads after a reconnect (events were missed): calls that ended meanwhile leave the board', async () => {
    await transport.answer('calls/list-active', [summary('a'), summary('b')]);
    transport.setState('reconnecting');
    transport.setState('open');
    expect(transport.pending('calls/list-active')).toBe(1);
    expect(transport.pending('health/get')).toBe(2);
    await transport.answer('calls/list-active', [summary('b', { mode: 'staff' })]);
    expect(store.getState().calls).toMatchObject([{ id: 'b', mode: 'staff' }]);
  });

  it('keeps the board and says so when a refresh fails', async () => {
    await transport.answer('calls/list-active', [summary('a')]);
    void store.getState().refresh();
    await transport.fail('calls/list-active', 'unavailable', 'The connection dropped.');
    expect(store.getState()).toMatchObject({ status: 'ready', error: 'The connection dropped.' });
    expect(store.getState().calls).toHaveLength(1);
  });

  it('shows an error when the first load fails', async () => {
    await transport.fail('calls/list-active', 'unavailable', 'No answer.');
    expect(store.getState()).toMatchObject({ status: 'error', error: 'No answer.' });
  });
});
