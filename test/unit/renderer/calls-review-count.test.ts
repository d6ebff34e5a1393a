import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReviewCountStore, totalPending, type ReviewCountStore } from '../../../src/renderer/app/review-count-store.js';
import { manualClient, type ManualTransport } from './calls-test-transport.js';

let transport: ManualTransport;
let store: ReviewCountStore;
let stop: () => void;

const practice = (id: string) => ({ id, name: id, timezone: 'America/New_York', phoneNumbers: [], providerCount: 1, serviceCount: 1, updatedAt: 1 });
const items = (n: number) => Array.from({ length: n }, () => ({}));

beforeEach(() => {
  const made = manualClient();
  transport = made.transport;
  store = createReviewCountStore(made.client);
  stop = store.getState().start();
});

afterEach(() => stop());

describe('the Review badge', () => {
  it('counts each practice\'s queue once on load, then follows review/changed', async () => {
    await transport.answer('tenants/list', [practice('a'), practice('b')]);
    expect(transport.requests.map((r) => r.input)).toEqual([{ tenantId: 'a' }, { tenantId: 'b' }]);
    await transport.answer('review/list', items(2));
    await transport.answer('review/list', items(1));
    expect(totalPending(store.getState().pending)).toBe(3);

    await transport.emit({ name: 'review/changed', payload: { tenantId: 'a', pending: 0 } });
    expect(store.getState().pending).toEqual({ a: 0, b: 1 });
  });

  it('an event newer than a list answer wins', async () => {
    await transport.answer('tenants/list', [practice('a')]);
    await transport.emit({ name: 'review/changed', payload: { tenantId: 'a', pending: 4 } });
    await transport.answer('review/list', items(3));
    expect(store.getState().pending).toEqual({ a: 4 });
  });

  it('shows no count for a practice whose queue cannot be read, and recounts after a reconnect', async () => {
    await transport.answer('tenants/list', [practice('a')]);
    await transport.fail('review/list', 'unknown_command', 'Unknown command.');
    expect(store.getState().pending).toEqual({});
    transport.setState('reconnecting');
    transport.setState('open');
    await transport.answer('tenants/list', [practice('a')]);
    await transport.answer('review/list', items(2));
    expect(store.getState().pending).toEqual({ a: 2 });
  });
});
