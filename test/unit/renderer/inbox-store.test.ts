import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInboxStore, type InboxStore } from '../../../src/renderer/features/inbox/inbox-store.js';
import type { TextMessageDto, TextThreadDto, TextThreadSummaryDto } from '../../../src/shared/contract/texts.js';
import { TENANT, manualClient, type ManualTransport } from './calls-test-transport.js';

let transport: ManualTransport;
let store: InboxStore;
let stop: () => void;

const ANN = '+15555550199';

function summary(phone: string, unread = 0): TextThreadSummaryDto {
  return { phone, customer: null, lastBody: 'hi', lastAt: '2026-11-23T09:00:00-05:00', lastDirection: 'in', unread, optedOut: false };
}

function text(id: string, direction: 'in' | 'out', read = true): TextMessageDto {
  return { id, tenantId: TENANT, phone: ANN, direction, body: id, at: '2026-11-23T09:00:00-05:00', status: direction === 'in' ? 'received' : 'sent', deliveryStatus: null, lastError: null, purpose: 'reply', bookingId: null, read };
}

function thread(messages: TextMessageDto[]): TextThreadDto {
  return { phone: ANN, customer: null, optedOut: false, messages, bookings: [] };
}

beforeEach(() => {
  const made = manualClient();
  transport = made.transport;
  store = createInboxStore(made.client);
  stop = store.getState().start();
});
afterEach(() => stop());

describe('the inbox store', () => {
  it('loads the practice\'s threads, opens one and marks what came in read', async () => {
    void store.getState().show(TENANT);
    await transport.answer('texts/list-threads', [summary(ANN, 1)]);
    expect(store.getState().threads).toHaveLength(1);
    void store.getState().select(ANN);
    expect((await transport.answer('texts/get-thread', thread([text('a', 'in', false)]))).input).toEqual({ tenantId: TENANT, phone: ANN });
    expect((await transport.answer('texts/mark-read', { unread: 0 })).input).toEqual({ tenantId: TENANT, phone: ANN });
    expect(store.getState().thread?.messages.map((m) => m.id)).toEqual(['a']);
  });

  it('refreshes on a texts/changed of its practice only, and sends a reply through the contract', async () => {
    void store.getState().show(TENANT);
    await transport.answer('texts/list-threads', []);
    await transport.emit({ name: 'texts/changed', payload: { tenantId: 'another', phone: ANN, unread: 1 } });
    expect(transport.requests.filter((r) => r.name === 'texts/list-threads')).toHaveLength(0);
    await transport.emit({ name: 'texts/changed', payload: { tenantId: TENANT, phone: ANN, unread: 1 } });
    await transport.answer('texts/list-threads', [summary(ANN, 1)]);
    expect(store.getState().threads[0]?.unread).toBe(1);

    void store.getState().select(ANN);
    await transport.answer('texts/get-thread', thread([]));
    const sending = store.getState().reply('On my way', 'Dana');
    expect((await transport.fail('texts/reply', 'conflict', 'This number replied STOP.')).input).toEqual({ tenantId: TENANT, phone: ANN, body: 'On my way', staffName: 'Dana' });
    expect(await sending).toBe(false);
    expect(store.getState().sendError).toBe('This number replied STOP.');
  });
});
