import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/app/create-core.js';
import { collectReply, WORDS } from '../../src/main/core/calls/index.js';
import type { ActionResult, Brain, TurnInput } from '../../src/main/core/conversation/index.js';
import { FakeClock } from '../support/fake-clock.js';
import { makeTempDir } from '../support/temp-dir.js';
import { testConfig } from '../support/test-config.js';

/** A brain that holds a slot, then stalls past the deadline, then tries to book it anyway. */
function stallingBrain() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let finished!: (outcome: { hold: ActionResult<'hold_slot'>; book: ActionResult<'book_appointment'>; aborted: boolean }) => void;
  const done = new Promise<{ hold: ActionResult<'hold_slot'>; book: ActionResult<'book_appointment'>; aborted: boolean }>((resolve) => (finished = resolve));
  const brain: Brain = {
    name: 'stalling',
    initialState: () => ({}),
    async turn(input: TurnInput<unknown>) {
      if (input.utterance.kind === 'start') return { state: {}, say: ['Hello, how can I help?'], next: 'listen' };
      const context = { tenant: input.tenant, callId: input.callId, callerPhone: input.caller.phone, turn: input.turn };
      const found = await input.actions.run('check_availability', { serviceId: 'cleaning', wish: {} }, context);
      if (!found.ok || !found.data.slots[0]) throw new Error('no slot to hold');
      const slot = found.data.slots[0];
      const hold = await input.actions.run('hold_slot', { serviceId: slot.serviceId, providerId: slot.providerId, start: slot.start }, context);
      await gate;
      const book = await input.actions.run('book_appointment', { serviceId: slot.serviceId, providerId: slot.providerId, start: slot.start + 60 * 60_000, customerName: 'Late Larry' }, context);
      finished({ hold, book, aborted: input.signal?.aborted ?? false });
      return { state: {}, say: ['You are booked.'], next: 'listen' };
    },
  };
  return { brain, release: () => release(), done };
}

describe('an abandoned turn acts no more', () => {
  let core: Core | null = null;
  let cleanup: () => void = () => {};
  afterEach(() => {
    core?.close();
    cleanup();
  });

  it('a brain that misses the deadline cannot book behind the message taker, and its hold is released', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const stalling = stallingBrain();
    core = createCore(testConfig(temp.dir), { clock: FakeClock.at('2026-11-23T14:00:00Z'), logger: pino({ level: 'silent' }), brain: stalling.brain, turnDeadlineMs: 50 });
    core.seedDemoIfEmpty();
    const tenant = core.tenants.list()[0]!;
    const to = core.tenants.get(tenant.id).config.phoneNumbers[0]!;
    const callSid = 'CA0123456789abcdef0123456789abcdef';
    await collectReply((out) => core!.callFlow.incoming({ callSid, from: '+15555550177', to }, out));

    const reply = await collectReply((out) => core!.callFlow.gather({ callSid, speech: 'book me a cleaning', confidence: 0.9, digits: '' }, out));
    expect(reply.kind === 'turn' && reply.say).toEqual([WORDS.fallbackStart]);

    stalling.release();
    const late = await stalling.done;
    expect(late.aborted).toBe(true);
    expect(late.hold.ok).toBe(true);
    expect(late.book.ok).toBe(false);
    const holdId = late.hold.ok ? late.hold.data.holdId : '';
    expect(core.bookings.get(tenant.id, holdId).status).toBe('cancelled');
    const active = core.bookings.list(tenant.id, { statuses: ['held', 'confirmed', 'pending_review'] });
    expect(active).toEqual([]);
    const call = core.calls.findBySid(callSid)!;
    expect(call.state.fallback).toBe('message');
    const log = core.calls.detail(tenant.id, call.id).actions.map((a) => `${a.action}:${a.ok}`);
    expect(log).toEqual(['check_availability:true', 'hold_slot:true', 'book_appointment:false']);
  });
});
