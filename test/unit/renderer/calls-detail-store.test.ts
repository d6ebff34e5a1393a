import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCallDetailStore, type CallDetailStore } from '../../../src/renderer/features/calls/call-detail-store.js';
import { TENANT, detail, manualClient, message, summary, turn, type ManualTransport } from './calls-test-transport.js';

let transport: ManualTransport;
let store: CallDetailStore;
let stop: () => void;

beforeEach(() => {
  const made = manualClient();
  transport = made.transport;
  store = createCallDetailStore(made.client);
  stop = store.getState().start();
});

afterEach(() => stop());

const appended = (callId: string, t: ReturnType<typeof turn>) => transport.emit({ name: 'call/transcript-appended', payload: { tenantId: TENANT, callId, turn: t } });

describe('the selected call', () => {
  it('loads the call and streams new turns in, in order, each once', async () => {
    store.getState().select({ tenantId: TENANT, callId: 'a' });
    expect(store.getState().status).toBe('loading');
    const request = await transport.answer('calls/get', detail('a', [turn(1, 'Thanks for calling.', { speaker: 'receptionist', confidence: null })]));
    expect(request.input).toEqual({ tenantId: TENANT, callId: 'a' });
    await appended('a', turn(2, 'I need a cleaning'));
    await appended('a', turn(2, 'I need a cleaning'));
    await appended('other', turn(9, 'not this call'));
    await appended('a', turn(3, 'Sure.', { speaker: 'receptionist', confidence: null }));
    expect(store.getState().detail?.transcript.map((t) => t.id)).toEqual([1, 2, 3]);
  });

  it('keeps turns said while the call was loading, without doubling those the answer has', async () => {
    store.getState().select({ tenantId: TENANT, callId: 'a' });
    await appended('a', turn(2, 'two'));
    await appended('a', turn(3, 'three'));
    await transport.answer('calls/get', detail('a', [turn(1, 'one'), turn(2, 'two')]));
    expect(store.getState().detail?.transcript.map((t) => t.text)).toEqual(['one', 'two', 'three']);
  });

  it('ignores an answer for a call no longer selected', async () => {
    store.getState().select({ tenantId: TENANT, callId: 'a' });
    store.getState().select({ tenantId: TENANT, callId: 'b' });
    await transport.answer('calls/get', detail('a', []));
    expect(store.getState().detail).toBeNull();
    await transport.answer('calls/get', detail('b', []));
    expect(store.getState().detail?.id).toBe('b');
  });

  it('follows the call\'s summary and, when it ends, fetches the full record (outcome, actions, messages)', async () => {
    store.getState().select({ tenantId: TENANT, callId: 'a' });
    await transport.answer('calls/get', detail('a', [turn(1, 'one')]));
    await transport.emit({ name: 'call/updated', payload: summary('a', { callerName: 'Ann Lee', summary: 'Leave a message' }) });
    expect(store.getState().detail).toMatchObject({ callerName: 'Ann Lee', summary: 'Leave a message' });
    expect(store.getState().detail?.transcript).toHaveLength(1);

    await transport.emit({ name: 'messages/taken', payload: message('m1', { callId: 'a' }) });
    expect(store.getState().detail?.messages.map((m) => m.id)).toEqual(['m1']);

    await transport.emit({ name: 'call/ended', payload: summary('a', { active: false, outcome: 'message' }) });
    expect(store.getState().detail).toMatchObject({ active: false, outcome: 'message' });
    await transport.answer('calls/get', detail('a', [turn(1, 'one')], { active: false, outcome: 'message', actions: [{ at: 'x', action: 'take_message', ok: true, args: {}, result: {}, durationMs: 3 }] }));
    expect(store.getState().detail?.actions).toHaveLength(1);
  });

  it('reloads the call after a reconnect, since turns said meanwhile were missed', async () => {
    store.getState().select({ tenantId: TENANT, callId: 'a' });
    await transport.answer('calls/get', detail('a', [turn(1, 'one')]));
    transport.setState('reconnecting');
    transport.setState('open');
    await transport.answer('calls/get', detail('a', [turn(1, 'one'), turn(2, 'missed')]));
    expect(store.getState().detail?.transcript.map((t) => t.text)).toEqual(['one', 'missed']);
  });

  it('shows a load failure, and keeps the call on screen when only a reload fails', async () => {
    store.getState().select({ tenantId: TENANT, callId: 'gone' });
    await transport.fail('calls/get', 'not_found', 'There is no such call.');
    expect(store.getState()).toMatchObject({ status: 'error', error: 'There is no such call.' });

    store.getState().select({ tenantId: TENANT, callId: 'a' });
    await transport.answer('calls/get', detail('a', []));
    void store.getState().reload();
    await transport.fail('calls/get', 'unavailable', 'Dropped.');
    expect(store.getState()).toMatchObject({ status: 'ready', error: 'Dropped.' });
    expect(store.getState().detail?.id).toBe('a');
  });
});

describe('desk commands on the selected call', () => {
  beforeEach(async () => {
    store.getState().select({ tenantId: TENANT, callId: 'a' });
    await transport.answer('calls/get', detail('a', []));
  });

  it('takes over with the staff name, one command at a time, and shows staff has the call', async () => {
    const taking = store.getState().takeOver('Sam');
    expect(store.getState().pending).toBe('take-over');
    expect(await store.getState().say('Sam', 'too early')).toBe(false);
    const request = await transport.answer('calls/take-over', summary('a', { mode: 'staff' }));
    expect(request.input).toEqual({ tenantId: TENANT, callId: 'a', staffName: 'Sam' });
    expect(await taking).toBe(true);
    expect(store.getState()).toMatchObject({ pending: null, detail: { mode: 'staff' } });
  });

  it('says a line and hands back', async () => {
    const saying = store.getState().say('Sam', 'Hi, this is Sam at the desk.');
    const said = await transport.answer('calls/say', summary('a', { mode: 'staff' }));
    expect(said.input).toEqual({ tenantId: TENANT, callId: 'a', staffName: 'Sam', text: 'Hi, this is Sam at the desk.' });
    expect(await saying).toBe(true);
    const handing = store.getState().handBack('Sam');
    await transport.answer('calls/hand-back', summary('a', { mode: 'receptionist' }));
    expect(await handing).toBe(true);
    expect(store.getState().detail?.mode).toBe('receptionist');
  });

  it('transfers to the practice number, or to a typed one', async () => {
    void store.getState().transfer('Sam');
    expect((await transport.answer('calls/transfer', summary('a', { outcome: 'transferred' }))).input).toEqual({ tenantId: TENANT, callId: 'a', staffName: 'Sam' });
    expect(store.getState().detail?.outcome).toBe('transferred');
    void store.getState().transfer('Sam', '+15555550111');
    expect((await transport.answer('calls/transfer', summary('a', { outcome: 'transferred' }))).input).toMatchObject({ to: '+15555550111' });
  });

  it('shows why a command failed and lets the desk try again', async () => {
    const taking = store.getState().takeOver('Sam');
    await transport.fail('calls/take-over', 'conflict', 'The call has already ended.');
    expect(await taking).toBe(false);
    expect(store.getState()).toMatchObject({ pending: null, commandError: 'The call has already ended.' });
    store.getState().clearCommandError();
    expect(store.getState().commandError).toBeNull();
  });
});
