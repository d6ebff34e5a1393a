import { describe, expect, it } from 'vitest';
import { CALLER_PHONE, Call, appointment, at, heard, slot, u } from './harness.js';

const CLEANING = appointment('bk-clean', '2026-11-24T15:00');
const EXAM = appointment('bk-exam', '2026-12-01T10:00', 'exam', 'dr-lee');

describe('rules brain: cancel', () => {
  it('finds the one appointment by caller ID, confirms it, and cancels on yes', async () => {
    const call = new Call({ script: { 'I need to cancel': u('cancel'), yes: u('yes') } });
    call.actions.on('find_appointments', { ok: true, data: { appointments: [CLEANING] } });
    await call.start();
    let r = await call.say('I need to cancel');
    expect(call.actions.argsOf('find_appointments')).toEqual([{ phone: CALLER_PHONE }]);
    expect(heard(r)).toBe('I see your teeth cleaning on Tuesday, November 24th at 3 PM with Maria Gomez, RDH. Do you want to cancel it?');
    expect(r.summary).toBe('cancel an appointment');
    r = await call.say('yes');
    expect(call.actions.argsOf('cancel_appointment')).toEqual([{ bookingId: 'bk-clean' }]);
    expect(heard(r)).toBe('Done. Your teeth cleaning tomorrow at 3 PM is cancelled. Is there anything else I can help with?');
    expect(r.outcome).toBe('cancelled');
  });

  it('keeps the appointment on no', async () => {
    const call = new Call({ script: { cancel: u('cancel'), no: u('no') } });
    call.actions.on('find_appointments', { ok: true, data: { appointments: [CLEANING] } });
    await call.start();
    await call.say('cancel');
    const r = await call.say('no');
    expect(heard(r)).toContain("Okay, I'll leave it as it is.");
    expect(call.actions.argsOf('cancel_appointment')).toEqual([]);
  });

  it.each([
    ['by service', u('unknown', { serviceId: 'exam' })],
    ['by ordinal', u('unknown', { choice: 2 })],
    ['by day', u('unknown', { date: '2026-12-01' })],
  ])('lists several appointments and cancels the one picked %s', async (_how, pick) => {
    const call = new Call({ script: { 'cancel my appointment': u('cancel'), pick, yes: u('yes') } });
    call.actions.on('find_appointments', { ok: true, data: { appointments: [CLEANING, EXAM] } });
    await call.start();
    let r = await call.say('cancel my appointment');
    expect(heard(r)).toBe(
      'I see 2 appointments: your teeth cleaning on Tuesday, November 24th at 3 PM with Maria Gomez, RDH and your dental exam on Tuesday, December 1st at 10 AM with Dr. Emily Lee. Which one would you like to cancel?',
    );
    r = await call.say('pick');
    expect(heard(r)).toBe('I see your dental exam on Tuesday, December 1st at 10 AM with Dr. Emily Lee. Do you want to cancel it?');
    await call.say('yes');
    expect(call.actions.argsOf('cancel_appointment')).toEqual([{ bookingId: 'bk-exam' }]);
  });

  it('when caller ID finds nothing, asks what it was booked under and searches again', async () => {
    const call = new Call({ script: { cancel: u('cancel'), 'it should be under Ann Lee': u('unknown', { name: 'Ann Lee' }), yes: u('yes') } });
    call.actions.on('find_appointments', { ok: true, data: { appointments: [] } }, { ok: true, data: { appointments: [CLEANING] } });
    await call.start();
    let r = await call.say('cancel');
    expect(heard(r)).toBe("I couldn't find an appointment under the number you're calling from. What name or phone number was it booked under?");
    r = await call.say('it should be under Ann Lee');
    expect(call.actions.argsOf('find_appointments')[1]).toEqual({ name: 'Ann Lee' });
    expect(heard(r)).toContain('Do you want to cancel it?');
    // The name they looked up is not taken as the caller's own name.
    expect(call.state.name).toBeNull();
  });

  it('searches by a number said or typed, and offers help after repeated misses', async () => {
    const call = new Call({ script: { cancel: u('cancel'), 'five five five one two three four five six seven': u('unknown', { phone: '+15551234567' }) } });
    await call.start();
    await call.say('cancel');
    let r = await call.say('five five five one two three four five six seven');
    expect(call.actions.argsOf('find_appointments')[1]).toEqual({ phone: '+15551234567' });
    expect(heard(r)).toBe("I couldn't find an appointment under that. Could you try another name or phone number?");
    r = await call.press('5551239999');
    expect(call.actions.argsOf('find_appointments')[2]).toEqual({ phone: '+15551239999' });
    expect(heard(r)).toBe("I'm sorry, I still can't find it. Would you like me to put you through to the front desk, or take a message?");
  });

  it('asks for the name or number straight away when there is no caller ID', async () => {
    const call = new Call({ caller: { phone: null }, script: { cancel: u('cancel') } });
    await call.start();
    const r = await call.say('cancel');
    expect(heard(r)).toBe('Sure. What name or phone number is the appointment under?');
    expect(call.actions.argsOf('find_appointments')).toEqual([]);
    expect(call.expects.at(-1)).toBe(null);
    await call.say('Ann Lee');
    expect(call.expects.at(-1)).toBe('name');
  });
});

describe('rules brain: reschedule', () => {
  it('finds the appointment, asks for the new day, offers, holds, reads back the move and moves it', async () => {
    const call = new Call({
      script: {
        'I need to move my appointment': u('reschedule'),
        'Wednesday afternoon': u('unknown', { date: '2026-11-25', partOfDay: 'afternoon' }),
        'the 2 PM': u('unknown', { time: '14:00' }),
        yes: u('yes'),
      },
    });
    call.actions.on('find_appointments', { ok: true, data: { appointments: [CLEANING] } });
    call.actions.on('check_availability', { ok: true, data: { slots: [slot('2026-11-25T13:00'), slot('2026-11-25T14:00'), slot('2026-11-25T16:15')] } });
    await call.start();
    let r = await call.say('I need to move my appointment');
    expect(heard(r)).toBe('I see your teeth cleaning on Tuesday, November 24th at 3 PM with Maria Gomez, RDH. What day would you like to move it to?');
    r = await call.say('Wednesday afternoon');
    expect(call.actions.argsOf('check_availability')[0]).toMatchObject({ serviceId: 'cleaning', providerId: 'maria', wish: { date: '2026-11-25', partOfDay: 'afternoon' } });
    expect(call.actions.argsOf('check_availability')[0].excludeBookingId).toBeTruthy();
    expect(heard(r)).toBe('On Wednesday I have 1 PM, 2 PM, or 4:15 PM. Which works best?');
    r = await call.say('the 2 PM');
    expect(call.actions.argsOf('hold_slot')).toEqual([{ serviceId: 'cleaning', providerId: 'maria', start: at('2026-11-25T14:00') }]);
    expect(heard(r)).toBe(
      "I'll move your teeth cleaning from Tuesday, November 24th at 3 PM to Wednesday, November 25th at 2 PM with Maria Gomez, RDH. Is that right?",
    );
    expect(r.summary).toBe('reschedule a teeth cleaning');
    r = await call.say('yes');
    expect(call.actions.argsOf('reschedule_appointment')).toEqual([{ bookingId: 'bk-clean', holdId: 'hold-1' }]);
    expect(heard(r)).toBe('Done. Your teeth cleaning is now on Wednesday, November 25th at 2 PM with Maria Gomez, RDH. Is there anything else I can help with?');
    expect(r.outcome).toBe('rescheduled');
  });

  it('uses the new day said in the same breath as the request', async () => {
    const call = new Call({ script: { 'can I move my cleaning to Wednesday': u('reschedule', { date: '2026-11-25', serviceId: 'cleaning' }) } });
    call.actions.on('find_appointments', { ok: true, data: { appointments: [CLEANING] } });
    await call.start();
    const r = await call.say('can I move my cleaning to Wednesday');
    expect(call.actions.argsOf('check_availability')[0]).toMatchObject({ serviceId: 'cleaning', providerId: 'maria', wish: { date: '2026-11-25' } });
    expect(heard(r)).toContain('Which works best?');
  });

  it('keeps a new time said while we look up the appointment', async () => {
    const call = new Call({ script: { 'move my appointment': u('reschedule'), 'Thursday afternoon': u('unknown', { date: '2026-11-25', partOfDay: 'afternoon' }), 'Ann Lee': u('unknown', { name: 'Ann Lee' }) } });
    call.actions.on('find_appointments', { ok: true, data: { appointments: [] } }, { ok: true, data: { appointments: [CLEANING] } });
    await call.start();
    await call.say('move my appointment');
    let r = await call.say('Thursday afternoon');
    expect(heard(r)).toBe('Got it. And what name or phone number was the appointment booked under?');
    expect(call.actions.argsOf('find_appointments')).toHaveLength(1);
    r = await call.say('Ann Lee');
    expect(call.actions.argsOf('check_availability')[0]).toMatchObject({ serviceId: 'cleaning', providerId: 'maria', wish: { date: '2026-11-25', partOfDay: 'afternoon' } });
  });

  it('switches from cancel to reschedule when the caller would rather move it', async () => {
    const call = new Call({ script: { cancel: u('cancel'), 'actually can I move it to Wednesday': u('reschedule', { date: '2026-11-25' }) } });
    call.actions.on('find_appointments', { ok: true, data: { appointments: [CLEANING] } });
    await call.start();
    await call.say('cancel');
    await call.say('actually can I move it to Wednesday');
    expect(call.state.flow).toBe('reschedule');
    expect(call.actions.argsOf('find_appointments')).toHaveLength(1);
    expect(call.actions.argsOf('check_availability')[0]).toMatchObject({ wish: { date: '2026-11-25' } });
  });
});

describe('rules brain: check an appointment', () => {
  it('reads out the appointment', async () => {
    const call = new Call({ script: { 'when is my appointment': u('check_appointment') } });
    call.actions.on('find_appointments', { ok: true, data: { appointments: [{ ...CLEANING, status: 'pending_review' }] } });
    await call.start();
    const r = await call.say('when is my appointment');
    expect(heard(r)).toBe(
      "I see your teeth cleaning on Tuesday, November 24th at 3 PM with Maria Gomez, RDH. It's waiting for the front desk to confirm it. Is there anything else I can help with?",
    );
    expect(r.outcome).toBe('answered');
    expect(r.summary).toBe('check an appointment');
  });

  it('reads out several appointments at once', async () => {
    const call = new Call({ script: { 'when are my appointments': u('check_appointment') } });
    call.actions.on('find_appointments', { ok: true, data: { appointments: [CLEANING, EXAM] } });
    await call.start();
    const r = await call.say('when are my appointments');
    expect(heard(r)).toContain('I see 2 appointments: your teeth cleaning on Tuesday, November 24th at 3 PM');
    expect(heard(r)).toContain('and your dental exam on Tuesday, December 1st at 10 AM with Dr. Emily Lee.');
  });
});
