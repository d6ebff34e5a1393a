import { describe, expect, it } from 'vitest';
import type { ActionName } from '../../../../src/main/core/conversation/actions/types.js';
import type { Utterance } from '../../../../src/main/core/conversation/brain.js';
import { INTENTS } from '../../../../src/main/core/conversation/understanding/types.js';
import { Call, TRANSFER, THREE_SLOTS, at, demoTenant, heard, u } from './harness.js';

const noTransfer = () =>
  demoTenant((raw) => {
    raw.transferNumber = null;
  });

const BOOK_AT_3 = u('book', { serviceId: 'cleaning', date: '2026-11-24', time: '15:00' });

describe('rules brain: silence', () => {
  it('re-asks, then offers a message or the desk, then transfers on the third silence', async () => {
    const call = new Call({ script: { 'a cleaning': u('book', { serviceId: 'cleaning' }) } });
    await call.start();
    await call.say('a cleaning');
    let r = await call.silence();
    expect(heard(r)).toBe("Sorry, I didn't hear anything. What day would you like to come in? You can say a day, like Tuesday, or ask for the earliest time.");
    expect(r.next).toBe('listen');
    r = await call.silence();
    expect(heard(r)).toBe("I'm having trouble hearing you. I can take a message or put you through to the front desk. Which would you prefer?");
    r = await call.silence();
    expect(r).toMatchObject({ next: 'transfer', transferTo: TRANSFER, outcome: 'transferred' });
    expect(heard(r)).toBe("I still can't hear you, so I'll put you through to the front desk.");
  });

  it('says goodbye on the third silence when there is nobody to transfer to', async () => {
    const call = new Call({ tenant: noTransfer() });
    await call.start();
    await call.silence();
    let r = await call.silence();
    expect(heard(r)).toBe("I'm having trouble hearing you. I can take a message and have someone call you back. Would you like that?");
    r = await call.silence();
    expect(r.next).toBe('hangup');
    expect(r.outcome).toBe('abandoned');
    expect(heard(r)).toBe("I'm sorry, I still can't hear you. Please call us back any time. Thanks for calling Bright Smiles Dental. Goodbye!");
  });

  it('speech after a silence resets the count', async () => {
    const call = new Call({ script: { 'a cleaning': u('book', { serviceId: 'cleaning' }) } });
    await call.start();
    await call.silence();
    await call.say('a cleaning');
    const r = await call.silence();
    expect(heard(r)).toMatch(/^Sorry, I didn't hear anything\./);
  });

  it('takes silence after "anything else?" as the end of the call', async () => {
    const call = new Call({ script: { hours: u('hours') } });
    await call.start();
    await call.say('hours');
    await call.silence();
    const r = await call.silence();
    expect(r.next).toBe('hangup');
    expect(heard(r)).toContain('Goodbye');
  });

  it('treats empty speech as silence', async () => {
    const call = new Call();
    await call.start();
    const r = await call.say('  ', 0);
    expect(heard(r)).toMatch(/^Sorry, I didn't hear anything\./);
  });
});

describe('rules brain: misunderstandings', () => {
  it('re-asks once, then offers a person; a third miss puts them through', async () => {
    const call = new Call();
    await call.start();
    let r = await call.say('blorp');
    expect(heard(r)).toBe("Sorry, I didn't quite catch that. How can I help you today? You can book, change or cancel an appointment, or ask a question.");
    r = await call.say('flim flam');
    expect(heard(r)).toBe("Sorry, I'm not getting that. Would you like me to put you through to the front desk, or take a message?");
    expect(call.expects.at(-1)).toBe(null);
    r = await call.say('zorp');
    expect(call.expects.at(-1)).toBe('choice');
    expect(r).toMatchObject({ next: 'transfer', transferTo: TRANSFER });
  });

  it('an understood answer breaks the streak', async () => {
    const call = new Call({ script: { 'a cleaning': u('book', { serviceId: 'cleaning' }) } });
    await call.start();
    await call.say('blorp');
    await call.say('a cleaning');
    const r = await call.say('blorp');
    expect(heard(r)).toMatch(/^Sorry, I didn't quite catch that\./);
    expect(call.state.counters.clarifications).toBe(1);
  });

  it('the offered choices can be picked by ordinal or by keypad', async () => {
    const call = new Call({ script: { 'the second one': u('unknown', { choice: 2 }) } });
    await call.start();
    await call.say('blorp');
    await call.say('blorp');
    const r = await call.say('the second one');
    expect(call.state.flow).toBe('message');
    expect(heard(r)).toContain('What would you like me to tell the team?');

    const keypad = new Call();
    await keypad.start();
    await keypad.say('blorp');
    await keypad.say('blorp');
    const k = await keypad.press('1');
    expect(k).toMatchObject({ next: 'transfer', transferTo: TRANSFER });
  });

  it('a bare "message" answers "message or front desk?"', async () => {
    const call = new Call({ script: { 'a message': u('unknown', { helpChoice: 'message' }) } });
    await call.start();
    await call.say('blorp');
    await call.say('blorp');
    const r = await call.say('a message');
    expect(call.state.flow).toBe('message');
    expect(heard(r)).toContain('What would you like me to tell the team?');
  });

  it('treats a failing understanding function as not understood', async () => {
    const call = new Call({
      understand: () => {
        throw new Error('nlu exploded');
      },
    });
    await call.start();
    const r = await call.say('hello');
    expect(heard(r)).toMatch(/^Sorry, I didn't quite catch that\./);
    expect(call.errors).toHaveLength(1);
  });
});

describe('rules brain: keypad', () => {
  it('1 is yes at a read-back', async () => {
    const call = new Call({ caller: { customer: { id: 'c', name: 'Ann Lee' } }, script: { 'cleaning tomorrow at 3': BOOK_AT_3 } });
    await call.start();
    await call.say('cleaning tomorrow at 3');
    const r = await call.press('1');
    expect(r.outcome).toBe('booked');
    expect(call.actions.argsOf('book_appointment')).toHaveLength(1);
  });

  it('2 is no at a read-back', async () => {
    const call = new Call({ caller: { customer: { id: 'c', name: 'Ann Lee' } }, script: { 'cleaning tomorrow at 3': BOOK_AT_3 } });
    await call.start();
    await call.say('cleaning tomorrow at 3');
    const r = await call.press('2');
    expect(heard(r)).toBe('No problem. What day and time would work better?');
    expect(call.actions.argsOf('book_appointment')).toEqual([]);
  });

  it('a digit picks an offered option', async () => {
    const call = new Call({ caller: { customer: { id: 'c', name: 'Ann Lee' } }, script: { 'a cleaning': u('book', { serviceId: 'cleaning', earliest: true }) } });
    await call.start();
    await call.say('a cleaning');
    await call.press('3');
    expect(call.actions.argsOf('hold_slot')[0]).toMatchObject({ start: THREE_SLOTS[2]?.start });
  });

  it('0 asks for a person anywhere', async () => {
    const call = new Call({ script: { 'a cleaning': u('book', { serviceId: 'cleaning' }) } });
    await call.start();
    await call.say('a cleaning');
    const r = await call.press('0');
    expect(r).toMatchObject({ next: 'transfer', transferTo: TRANSFER, outcome: 'transferred' });
  });
});

describe('rules brain: goodbye', () => {
  it('says goodbye and hangs up', async () => {
    const call = new Call({ script: { 'bye': u('goodbye') } });
    await call.start();
    const r = await call.say('bye');
    expect(r.next).toBe('hangup');
    expect(heard(r)).toBe('Thanks for calling Bright Smiles Dental. Goodbye!');
  });
});

describe('rules brain: failures', () => {
  it('an action that throws becomes an apology and a message about what they wanted', async () => {
    const call = new Call({ caller: { customer: { id: 'c', name: 'Ann Lee' } }, script: { 'a cleaning tomorrow': u('book', { serviceId: 'cleaning', date: '2026-11-24' }), yes: u('yes') } });
    call.actions.on('check_availability', new Error('database is locked'));
    await call.start();
    let r = await call.say('a cleaning tomorrow');
    expect(heard(r)).toBe(
      "I'm sorry, I'm having trouble with that right now. Let me take a message so the team can get back to you. Should we call you back at the number you're calling from?",
    );
    expect(call.state.flow).toBe('message');
    expect(call.errors).toHaveLength(1);
    r = await call.say('yes');
    expect(call.actions.argsOf('take_message')[0]).toMatchObject({
      reason: 'Wanted to book a teeth cleaning, but the system had trouble. Please call back.',
      callerName: 'Ann Lee',
      urgent: false,
    });
    expect(r.outcome).toBe('message');
  });

  it('an internal failure value is handled the same way', async () => {
    const call = new Call({ script: { 'cleaning tomorrow at 3': BOOK_AT_3 } });
    call.actions.on('hold_slot', { ok: false, code: 'internal', say: "I'm sorry, I'm having trouble with that right now." });
    await call.start();
    const r = await call.say('cleaning tomorrow at 3');
    expect(heard(r)).toContain('Let me take a message');
    expect(call.state.pending?.kind).toBe('name');
  });

  it('transfers when even the message cannot be taken', async () => {
    const call = new Call({ caller: { customer: { id: 'c', name: 'Ann Lee' } }, script: { message: u('leave_message'), yes: u('yes') } });
    call.actions.on('take_message', new Error('disk full'));
    await call.start();
    await call.say('message');
    await call.say('call me back');
    const r = await call.say('yes');
    expect(r).toMatchObject({ next: 'transfer', transferTo: TRANSFER });
  });

  it('starts over from a state it does not recognize', async () => {
    const call = new Call();
    call.state = { v: 0 } as never;
    const r = await call.say('blorp');
    expect(r.say.length).toBeGreaterThan(0);
    expect(r.state.v).toBe(1);
  });

  it('never throws and always says something, whatever the caller and the actions do', async () => {
    // A deterministic pseudo-random walk over utterances, understandings and action failures.
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const tenants = [demoTenant(), noTransfer()];
    const failures = [
      { ok: false, code: 'conflict', say: 'Sorry, that time was just taken.' },
      { ok: false, code: 'not_found', say: 'I could not find that.' },
      { ok: false, code: 'outside_rules', say: "We're closed then." },
      { ok: false, code: 'internal', say: "I'm sorry, I'm having trouble with that right now." },
    ] as const;
    const names: ActionName[] = ['check_availability', 'hold_slot', 'book_appointment', 'find_appointments', 'cancel_appointment', 'reschedule_appointment', 'answer_question', 'take_message', 'transfer_to_staff'];
    for (let callNo = 0; callNo < 60; callNo++) {
      const call = new Call({
        tenant: tenants[callNo % 2],
        caller: rand(2) ? { customer: { id: 'c', name: 'Ann Lee' } } : { phone: rand(2) ? null : '+15555550142' },
        understand: () =>
          u(INTENTS[rand(INTENTS.length)] ?? 'unknown', {
            serviceId: rand(3) ? null : 'cleaning',
            date: rand(3) ? null : '2026-11-24',
            time: rand(4) ? null : '15:00',
            choice: rand(4) ? null : 1 + rand(4),
            name: rand(5) ? null : 'Ann Lee',
            phone: rand(6) ? null : '+15551234567',
            faqIndex: rand(6) ? null : rand(6),
          }),
      });
      for (const name of names) {
        for (let i = 0; i < 3; i++) {
          const roll = rand(6);
          if (roll === 0) call.actions.on(name, new Error('boom'));
          else if (roll === 1) call.actions.on(name, failures[rand(failures.length)] as never);
        }
      }
      call.actions.on('find_appointments', { ok: true, data: { appointments: [] } });
      await call.start();
      for (let turn = 0; turn < 25; turn++) {
        const kind = rand(10);
        const utterance: Utterance = kind === 0 ? { kind: 'none' } : kind === 1 ? { kind: 'dtmf', digits: String(rand(10)) } : { kind: 'speech', text: `utterance ${turn}`, confidence: rand(10) / 10 };
        const r = await call.turn(utterance);
        if (r.next !== 'hangup') expect(r.say.length).toBeGreaterThan(0);
        for (const sentence of r.say) expect(sentence).not.toMatch(/undefined|null|NaN|\[object/);
        if (r.next === 'transfer') expect(r.transferTo).toBe(TRANSFER);
        if (r.next !== 'listen') break;
      }
    }
  });

  it('keeps the slot time exact across the JSON round trip of its state', async () => {
    const call = new Call({ caller: { customer: { id: 'c', name: 'Ann Lee' } }, script: { 'cleaning tomorrow at 3': BOOK_AT_3 } });
    await call.start();
    await call.say('cleaning tomorrow at 3');
    expect(call.state.hold?.slot.start).toBe(at('2026-11-24T15:00'));
  });
});
