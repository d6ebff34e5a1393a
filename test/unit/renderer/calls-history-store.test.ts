import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCallHistoryStore, type CallHistoryStore } from '../../../src/renderer/features/calls/call-history-store.js';
import { TENANT, manualClient, summary, type ManualTransport } from './calls-test-transport.js';

let transport: ManualTransport;
let store: CallHistoryStore;
let stop: () => void;

beforeEach(() => {
  const made = manualClient();
  transport = made.transport;
  store = createCallHistoryStore(made.client, { limit: 25 });
  stop = store.getState().start();
});

afterEach(() => stop());

const ended = (id: string, extra = {}) => summary(id, { active: false, endedAt: '2026-11-23T09:04:00-05:00', outcome: 'answered', ...extra });

describe('call history', () => {
  it('lists the practice\'s ended calls (calls still live are on the board)', async () => {
    void store.getState().query(TENANT, '');
    const request = await transport.answer('calls/list-recent', [summary('live'), ended('b'), ended('a')]);
    expect(request.input).toEqual({ tenantId: TENANT, limit: 25 });
    expect(store.getState().status).toBe('ready');
    expect(store.getState().calls.map((c) => c.id)).toEqual(['b', 'a']);
  });

  it('searches, showing only the newest question\'s answer', async () => {
    void store.getState().query(TENANT, 'an');
    void store.getState().query(TENANT, 'ann');
    const [first, second] = transport.requests;
    expect(first?.input).toMatchObject({ search: 'an' });
    expect(second?.input).toMatchObject({ search: 'ann' });
    await transport.answer('calls/list-recent', [ended('ann'), ended('andy')]);
    expect(store.getState().status).toBe('loading');
    await transport.answer('calls/list-recent', [ended('ann')]);
    expect(store.getState()).toMatchObject({ status: 'ready', appliedSearch: 'ann' });
    expect(store.getState().calls.map((c) => c.id)).toEqual(['ann']);
  });

  it('refreshes when a call of the practice ends, and after a reconnect', async () => {
    void store.getState().query(TENANT, 'booked');
    await transport.answer('calls/list-recent', []);
    await transport.emit({ name: 'call/ended', payload: ended('x', { tenantId: 'another-practice' }) });
    expect(transport.pending('calls/list-recent')).toBe(0);
    await transport.emit({ name: 'call/ended', payload: ended('x', { outcome: 'booked' }) });
    expect((await transport.answer('calls/list-recent', [ended('x', { outcome: 'booked' })])).input).toMatchObject({ search: 'booked' });
    expect(store.getState().calls).toHaveLength(1);

    transport.setState('reconnecting');
    transport.setState('open');
    expect(transport.pending('calls/list-recent')).toBe(1);
  });

  it('keeps the list when a background refresh fails, and shows the error when a search fails', async () => {
    void store.getState().query(TENANT, '');
    await transport.answer('calls/list-recent', [ended('a')]);
    void store.getState().refresh();
    await transport.fail('calls/list-recent', 'unavailable', 'Dropped.');
    expect(store.getState()).toMatchObject({ status: 'ready', error: 'Dropped.' });
    expect(store.getState().calls).toHaveLength(1);

    void store.getState().query(TENANT, 'zzz');
    await transport.fail('calls/list-recent', 'unavailable', 'Dropped again.');
    expect(store.getState()).toMatchObject({ status: 'error', error: 'Dropped again.' });
  });

  it('has nothing to show without a practice', async () => {
    await store.getState().query(null, '');
    expect(store.getState()).toMatchObject({ status: 'idle', calls: [] });
    expect(transport.sent).toEqual([]);
  });
});
