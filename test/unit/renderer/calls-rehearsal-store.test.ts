import { beforeEach, describe, expect, it } from 'vitest';
import { createRehearsalStore, type RehearsalStore } from '../../../src/renderer/features/rehearsal/rehearsal-store.js';
import { TENANT, manualClient, type ManualTransport } from './calls-test-transport.js';

let transport: ManualTransport;
let store: RehearsalStore;

beforeEach(() => {
  const made = manualClient();
  transport = made.transport;
  store = createRehearsalStore(made.client);
});

const greeting = { callId: 'r1', said: ['Thanks for calling Bright Smiles Dental.', 'How can I help you today?'], state: 'listening', transferTo: null };

describe('a rehearsal call', () => {
  it('starts with the greeting, then alternates your lines and the receptionist\'s replies', async () => {
    const starting = store.getState().start(TENANT);
    expect(store.getState().phase).toBe('starting');
    expect((await transport.answer('rehearsal/start', greeting)).input).toEqual({ tenantId: TENANT });
    await starting;
    expect(store.getState()).toMatchObject({ phase: 'listening', callId: 'r1' });

    const saying = store.getState().say("  I'd like a dental exam tomorrow at 10 am ");
    expect(store.getState().phase).toBe('replying');
    expect(await store.getState().say('not while it answers')).toBe(false);
    expect((await transport.answer('rehearsal/say', { callId: 'r1', said: ['Can I have your name?'], state: 'listening', transferTo: null })).input).toEqual({
      callId: 'r1',
      text: "I'd like a dental exam tomorrow at 10 am",
    });
    expect(await saying).toBe(true);
    expect(store.getState().lines.map((l) => `${l.speaker}: ${l.text}`)).toEqual([
      'receptionist: Thanks for calling Bright Smiles Dental.',
      'receptionist: How can I help you today?',
      "you: I'd like a dental exam tomorrow at 10 am",
      'receptionist: Can I have your name?',
    ]);
  });

  it('ends when the receptionist hangs up or transfers', async () => {
    void store.getState().start(TENANT);
    await transport.answer('rehearsal/start', greeting);
    void store.getState().say('can I talk to a person');
    await transport.answer('rehearsal/say', { callId: 'r1', said: ['Let me put you through.'], state: 'transferred', transferTo: '+15555550100' });
    expect(store.getState()).toMatchObject({ phase: 'transferred', transferTo: '+15555550100' });
    expect(await store.getState().say('hello?')).toBe(false);
  });

  it('hangs up, and starts over with a fresh call', async () => {
    void store.getState().start(TENANT);
    await transport.answer('rehearsal/start', greeting);
    void store.getState().hangUp();
    expect((await transport.answer('rehearsal/hang-up', { callId: 'r1' })).input).toEqual({ callId: 'r1' });
    expect(store.getState().phase).toBe('ended');

    void store.getState().startOver(TENANT);
    expect(transport.pending('rehearsal/hang-up')).toBe(0);
    expect(store.getState()).toMatchObject({ phase: 'starting', lines: [] });
    await transport.answer('rehearsal/start', { ...greeting, callId: 'r2' });
    expect(store.getState()).toMatchObject({ phase: 'listening', callId: 'r2' });
  });

  it('starting over mid-call hangs the old one up and ignores its late answers', async () => {
    void store.getState().start(TENANT);
    await transport.answer('rehearsal/start', greeting);
    void store.getState().say('hello');
    void store.getState().startOver(TENANT);
    expect(transport.take('rehearsal/hang-up').input).toEqual({ callId: 'r1' });
    await transport.answer('rehearsal/say', { callId: 'r1', said: ['late reply'], state: 'listening', transferTo: null });
    expect(store.getState().lines).toEqual([]);
    await transport.answer('rehearsal/start', { ...greeting, callId: 'r2' });
    expect(store.getState().lines.map((l) => l.text)).toEqual(greeting.said);
  });

  it('reports a failed start, and a line that was not heard can be said again', async () => {
    void store.getState().start(TENANT);
    await transport.fail('rehearsal/start', 'unavailable', 'No answer.');
    expect(store.getState()).toMatchObject({ phase: 'idle', error: 'No answer.' });

    void store.getState().start(TENANT);
    await transport.answer('rehearsal/start', greeting);
    const saying = store.getState().say('hello');
    await transport.fail('rehearsal/say', 'unavailable', 'Dropped.');
    expect(await saying).toBe(false);
    expect(store.getState()).toMatchObject({ phase: 'listening', error: 'Dropped.' });
  });
});
