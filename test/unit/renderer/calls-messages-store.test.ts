import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMessagesStore, sortMessages, type MessagesStore } from '../../../src/renderer/features/messages/messages-store.js';
import { TENANT, manualClient, message, type ManualTransport } from './calls-test-transport.js';

let transport: ManualTransport;
let store: MessagesStore;
let stop: () => void;

beforeEach(() => {
  const made = manualClient();
  transport = made.transport;
  store = createMessagesStore(made.client);
  stop = store.getState().start();
});

afterEach(() => stop());

describe('messages', () => {
  it('puts urgent messages first, then the newest', () => {
    const sorted = sortMessages([
      message('old', { createdAt: '2026-11-23T08:00:00-05:00' }),
      message('urgent-old', { urgent: true, createdAt: '2026-11-23T07:00:00-05:00' }),
      message('new', { createdAt: '2026-11-23T09:00:00-05:00' }),
    ]);
    expect(sorted.map((m) => m.id)).toEqual(['urgent-old', 'new', 'old']);
  });

  it('loads new messages of the practice and adds messages as they are taken', async () => {
    void store.getState().show(TENANT, 'new');
    expect((await transport.answer('messages/list', [message('a')])).input).toMatchObject({ tenantId: TENANT, status: 'new' });
    await transport.emit({ name: 'messages/taken', payload: message('b', { urgent: true }) });
    await transport.emit({ name: 'messages/taken', payload: message('b', { urgent: true }) });
    await transport.emit({ name: 'messages/taken', payload: message('c', { tenantId: 'another-practice' }) });
    expect(store.getState().messages.map((m) => m.id)).toEqual(['b', 'a']);
  });

  it('keeps a message taken while the list was loading', async () => {
    void store.getState().show(TENANT, 'new');
    await transport.emit({ name: 'messages/taken', payload: message('late') });
    await transport.answer('messages/list', [message('a', { createdAt: '2026-11-23T08:00:00-05:00' })]);
    expect(store.getState().messages.map((m) => m.id)).toEqual(['late', 'a']);
  });

  it('marks a message handled, keeping it in view marked, and shows a failure beside it', async () => {
    void store.getState().show(TENANT, 'new');
    await transport.answer('messages/list', [message('a'), message('b')]);
    const marking = store.getState().markHandled('a');
    expect(store.getState().marking).toEqual({ a: true });
    expect((await transport.answer('messages/mark-handled', message('a', { status: 'handled', handledBy: 'Sam' }))).input).toEqual({ tenantId: TENANT, messageId: 'a' });
    expect(await marking).toBe(true);
    expect(store.getState().marking).toEqual({});
    expect(store.getState().messages.find((m) => m.id === 'a')).toMatchObject({ status: 'handled', handledBy: 'Sam' });

    const failing = store.getState().markHandled('b');
    await transport.fail('messages/mark-handled', 'not_found', 'There is no such message.');
    expect(await failing).toBe(false);
    expect(store.getState().markErrors).toEqual({ b: 'There is no such message.' });
  });

  it('switches between new and handled, and reloads after a reconnect', async () => {
    void store.getState().show(TENANT, 'new');
    await transport.answer('messages/list', [message('a')]);
    void store.getState().show(TENANT, 'handled');
    expect(store.getState()).toMatchObject({ status: 'loading', messages: [] });
    await transport.answer('messages/list', [message('h', { status: 'handled' })]);
    await transport.emit({ name: 'messages/taken', payload: message('fresh') });
    expect(store.getState().messages.map((m) => m.id)).toEqual(['h']);

    transport.setState('reconnecting');
    transport.setState('open');
    expect((await transport.answer('messages/list', [])).input).toMatchObject({ status: 'handled' });
  });

  it('shows an error when the list cannot load', async () => {
    void store.getState().show(TENANT, 'new');
    await transport.fail('messages/list', 'unavailable', 'No answer.');
    expect(store.getState()).toMatchObject({ status: 'error', error: 'No answer.' });
  });
});
