import { describe, expect, it } from 'vitest';
import { createScheduleStore, rangeKey } from '../../../src/renderer/features/schedule/schedule-store.js';
import { booking, Refusal, scriptedClient, settle } from './review-scripted-transport.js';

function setup() {
  const { transport, client } = scriptedClient();
  transport.handle('bookings/list', (input) => [booking({ id: `for-${input.from}`, status: 'confirmed' })]);
  transport.handle('calendars/busy-blocks', (input) => [{ providerId: 'maria', connectionId: 'c1', calendar: 'Work', start: `${input.from}T09:00:00-05:00`, end: `${input.from}T10:00:00-05:00` }]);
  const store = createScheduleStore(client, 'bright-smiles');
  const stop = store.getState().start();
  return { transport, store, stop };
}

describe('schedule store', () => {
  it('waits for a day before asking for bookings', async () => {
    const { transport } = setup();
    await settle();
    expect(transport.count('bookings/list')).toBe(0);
  });

  it('loads the day, then the whole week, with the statuses the grid draws', async () => {
    const { transport, store } = setup();
    store.getState().setAnchor('2026-11-25');
    await settle();
    expect(transport.last('bookings/list')).toEqual({
      tenantId: 'bright-smiles',
      from: '2026-11-25',
      to: '2026-11-25',
      statuses: ['confirmed', 'pending_review', 'held', 'arrived', 'completed', 'no_show'],
    });
    expect(store.getState()).toMatchObject({ status: 'ready', loadedRange: rangeKey('day', '2026-11-25') });
    expect(store.getState().bookings.map((b) => b.id)).toEqual(['for-2026-11-25']);
    expect(store.getState().busyBlocks).toEqual([expect.objectContaining({ providerId: 'maria', start: '2026-11-25T09:00:00-05:00' })]);
    expect(transport.last('calendars/busy-blocks')).toEqual({ tenantId: 'bright-smiles', from: '2026-11-25', to: '2026-11-25' });

    store.getState().setView('week');
    await settle();
    expect(transport.last('bookings/list')).toMatchObject({ from: '2026-11-23', to: '2026-11-29' });

    store.getState().shift(1);
    await settle();
    expect(store.getState().anchor).toBe('2026-12-02');
    expect(transport.last('bookings/list')).toMatchObject({ from: '2026-11-30', to: '2026-12-06' });
  });

  it('refreshes on bookings/changed of its practice and after a reconnect', async () => {
    const { transport, store } = setup();
    store.getState().setAnchor('2026-11-25');
    await settle();
    const before = transport.count('bookings/list');
    transport.emit({ name: 'bookings/changed', payload: { tenantId: 'someone-else', bookingIds: ['z'] } });
    transport.emit({ name: 'bookings/changed', payload: { tenantId: 'bright-smiles', bookingIds: ['z'] } });
    await settle();
    expect(transport.count('bookings/list')).toBe(before + 1);
    transport.setState('reconnecting');
    transport.setState('open');
    await settle();
    expect(transport.count('bookings/list')).toBe(before + 2);
  });

  it('keeps showing the day when a refresh fails, but not another range', async () => {
    const { transport, store } = setup();
    store.getState().setAnchor('2026-11-25');
    await settle();
    transport.handle('bookings/list', () => {
      throw new Refusal({ code: 'unavailable', message: 'No answer.' });
    });
    await store.getState().refresh();
    expect(store.getState()).toMatchObject({ status: 'ready', error: 'No answer.' });
    store.getState().shift(1);
    await settle();
    expect(store.getState()).toMatchObject({ status: 'error', loadedRange: rangeKey('day', '2026-11-25') });
  });

  it('lets only the newest answer write', async () => {
    const { transport, client } = scriptedClient();
    const answers: Array<(value: unknown) => void> = [];
    transport.handle('bookings/list', () => new Promise((resolve) => answers.push(resolve)));
    const store = createScheduleStore(client, 'bright-smiles');
    store.getState().setAnchor('2026-11-25');
    store.getState().setAnchor('2026-11-26');
    await settle();
    answers[1]?.([booking({ id: 'new' })]);
    await settle();
    answers[0]?.([booking({ id: 'old' })]);
    await settle();
    expect(store.getState().bookings.map((b) => b.id)).toEqual(['new']);
    expect(store.getState().loadedRange).toBe(rangeKey('day', '2026-11-26'));
  });
});
