import { describe, expect, it } from 'vitest';
import type { ReviewItemDto } from '../../../src/shared/contract/desk.js';
import { createReviewStore } from '../../../src/renderer/features/review/review-store.js';
import { booking, Refusal, scriptedClient, settle } from './review-scripted-transport.js';

const item = (id: string, overrides: Partial<ReviewItemDto> = {}): ReviewItemDto => ({
  booking: booking({ id }),
  reasons: ['service requires review'],
  callId: 'call-1',
  transcriptExcerpt: [],
  ...overrides,
});

function setup(queue: ReviewItemDto[]) {
  const { transport, client } = scriptedClient();
  let current = queue;
  transport.handle('review/list', () => current);
  const store = createReviewStore(client, 'bright-smiles');
  const stop = store.getState().start();
  return { transport, store, stop, setQueue: (next: ReviewItemDto[]) => (current = next) };
}

describe('review store', () => {
  it('loads the queue of the practice on start', async () => {
    const { transport, store } = setup([item('b1'), item('b2')]);
    expect(store.getState().status).toBe('loading');
    await settle();
    expect(store.getState().status).toBe('ready');
    expect(store.getState().items.map((i) => i.booking.id)).toEqual(['b1', 'b2']);
    expect(transport.last('review/list')).toEqual({ tenantId: 'bright-smiles' });
  });

  it('approves with the staff name, drops the item and announces it', async () => {
    const { transport, store, setQueue } = setup([item('b1'), item('b2')]);
    await settle();
    transport.handle('review/approve', (input) => {
      setQueue([item('b2')]);
      return booking({ id: input.bookingId, status: 'confirmed' });
    });
    const ok = await store.getState().approve('b1', 'Sam');
    await settle();
    expect(ok).toBe(true);
    expect(transport.last('review/approve')).toEqual({ tenantId: 'bright-smiles', bookingId: 'b1', staffName: 'Sam' });
    expect(store.getState().items.map((i) => i.booking.id)).toEqual(['b2']);
    expect(store.getState().notice?.text).toMatch(/^Approved: Jane Doe — Teeth whitening consultation with Dr. Raj Patel, Wed, Nov 25 · 9:00 AM/);
  });

  it('rejects with the reason and modifies with only what changed', async () => {
    const { transport, store } = setup([item('b1'), item('b2')]);
    await settle();
    transport.handle('review/reject', () => booking({ id: 'b1', status: 'cancelled' }));
    transport.handle('review/modify', () => booking({ id: 'b2', status: 'confirmed', start: '2026-11-25T10:00:00-05:00' }));
    await store.getState().reject('b1', 'Caller asked for a different service', 'Sam');
    await store.getState().modify('b2', { start: '2026-11-25T10:00:00-05:00' }, 'Sam');
    expect(transport.last('review/reject')).toEqual({ tenantId: 'bright-smiles', bookingId: 'b1', reason: 'Caller asked for a different service', staffName: 'Sam' });
    expect(transport.last('review/modify')).toEqual({ tenantId: 'bright-smiles', bookingId: 'b2', start: '2026-11-25T10:00:00-05:00', staffName: 'Sam' });
    expect(store.getState().notice?.text).toMatch(/^Changed and confirmed: .*10:00 AM/);
  });

  it('keeps the item and shows the appliance refusal beside it', async () => {
    const { transport, store } = setup([item('b1')]);
    await settle();
    transport.handle('review/modify', () => {
      throw new Refusal({ code: 'conflict', message: 'That time was just taken. Please choose another time.' });
    });
    const ok = await store.getState().modify('b1', { start: '2026-11-25T10:00:00-05:00' }, 'Sam');
    await settle();
    expect(ok).toBe(false);
    expect(store.getState().items).toHaveLength(1);
    expect(store.getState().decisionErrors.b1).toBe('That time was just taken. Please choose another time.');
    expect(store.getState().deciding).toEqual({});
  });

  it('names the fields the appliance refused', async () => {
    const { transport, store } = setup([item('b1')]);
    await settle();
    transport.handle('review/approve', () => {
      throw new Refusal({ code: 'invalid_input', message: 'The request for review/approve is not valid.', details: ['staffName: enter your name'] });
    });
    await store.getState().approve('b1', ' ');
    expect(store.getState().decisionErrors.b1).toBe('The request for review/approve is not valid. staffName: enter your name');
  });

  it('refreshes on review/changed and bookings/changed of its practice only, and after a reconnect', async () => {
    const { transport, store, setQueue } = setup([item('b1')]);
    await settle();
    const before = transport.count('review/list');
    transport.emit({ name: 'review/changed', payload: { tenantId: 'other-practice', pending: 3 } });
    await settle();
    expect(transport.count('review/list')).toBe(before);

    setQueue([item('b1'), item('b9')]);
    transport.emit({ name: 'review/changed', payload: { tenantId: 'bright-smiles', pending: 2 } });
    await settle();
    expect(store.getState().items).toHaveLength(2);

    transport.emit({ name: 'bookings/changed', payload: { tenantId: 'bright-smiles', bookingIds: ['b9'] } });
    await settle();
    expect(transport.count('review/list')).toBe(before + 2);

    transport.setState('reconnecting');
    transport.setState('open');
    await settle();
    expect(transport.count('review/list')).toBe(before + 3);
  });

  it('keeps the last queue when a refresh fails, and says so', async () => {
    const { transport, store } = setup([item('b1')]);
    await settle();
    transport.handle('review/list', () => {
      throw new Refusal({ code: 'unavailable', message: 'The appliance did not answer.' });
    });
    await store.getState().refresh();
    expect(store.getState().status).toBe('ready');
    expect(store.getState().items).toHaveLength(1);
    expect(store.getState().error).toBe('The appliance did not answer.');
  });

  it('stops listening when stopped', async () => {
    const { transport, stop } = setup([]);
    await settle();
    stop();
    const before = transport.count('review/list');
    transport.emit({ name: 'review/changed', payload: { tenantId: 'bright-smiles', pending: 1 } });
    await settle();
    expect(transport.count('review/list')).toBe(before);
  });
});
