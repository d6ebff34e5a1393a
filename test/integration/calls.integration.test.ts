import { afterEach, describe, expect, it } from 'vitest';
import { startCallHarness, PRACTICE_NUMBER, PUBLIC_URL, type CallHarness } from '../support/call-harness.js';
import { twilioSignature } from '../support/twilio-signer.js';

let h: CallHarness;
afterEach(async () => h?.stop());

const ANN = '+15555550199';
const T = 'bright-smiles';

async function callRecord(callSid: string) {
  const calls = await h.run<any[]>('calls/list-recent', { tenantId: T });
  const summary = calls.find((c) => c.callSid === callSid);
  return h.run<any>('calls/get', { tenantId: T, callId: summary.id });
}

describe('a caller books, moves and cancels by phone (gather mode, rules brain)', () => {
  it('books "a cleaning next Tuesday afternoon", reschedules from the same number, then cancels; each call on record', async () => {
    h = await startCallHarness();
    const booking = await h.converse(ANN, ['Hi, I need a cleaning next Tuesday afternoon', 'the first one', 'Ann Lee', 'yes']);
    expect(booking.transcript.slice(0, 2).join(' ')).toBe('Thanks for calling Bright Smiles Dental. How can I help you today?');
    expect(booking.heard().join(' ')).toMatch(/You're all set for your teeth cleaning on Tuesday, December 1st at 1 PM/);
    await booking.say("no that's all, bye", { confidence: 0.9 });
    expect(booking.state).toBe('ended');

    let bookings = await h.run<any[]>('bookings/list', { tenantId: T });
    expect(bookings).toMatchObject([{ status: 'confirmed', serviceId: 'cleaning', start: '2026-12-01T13:00:00-05:00', source: 'phone', customer: { name: 'Ann Lee', phone: ANN } }]);

    const move = await h.converse(ANN, ['I need to move my appointment']);
    expect(move.transcript.slice(0, 3).join(' ')).toMatch(/Hi Ann/);
    expect(move.heard().join(' ')).toMatch(/I see your teeth cleaning on Tuesday, December 1st at 1 PM/);
    await move.say('Wednesday morning', { confidence: 0.9 });
    await move.say('the second one', { confidence: 0.9 });
    expect(move.heard().join(' ')).toMatch(/I'll move your teeth cleaning from Tuesday, December 1st at 1 PM to Wednesday, November 25th at 9 AM/);
    await move.say('yes', { confidence: 0.9 });
    expect(move.heard().join(' ')).toMatch(/Your teeth cleaning is now on Wednesday, November 25th at 9 AM/);
    await move.hangup();

    bookings = await h.run<any[]>('bookings/list', { tenantId: T, statuses: ['confirmed'] });
    expect(bookings).toMatchObject([{ id: bookings[0].id, start: '2026-11-25T09:00:00-05:00' }]);

    const cancel = await h.converse(ANN, ['I have to cancel my appointment', 'yes']);
    expect(cancel.heard().join(' ')).toMatch(/is cancelled/);
    await cancel.hangup();
    expect(await h.run<any[]>('bookings/list', { tenantId: T, statuses: ['confirmed', 'held', 'pending_review'] })).toEqual([]);

    const [booked, moved, cancelled] = await Promise.all([booking, move, cancel].map((c) => callRecord(c.sid)));
    expect(booked).toMatchObject({ outcome: 'booked', active: false, from: ANN, callerName: 'Ann Lee' });
    expect(moved).toMatchObject({ outcome: 'rescheduled', active: false });
    expect(cancelled).toMatchObject({ outcome: 'cancelled', active: false });
    expect(booked.transcript.map((t: any) => t.speaker)).toContain('caller');
    expect(booked.transcript.find((t: any) => t.speaker === 'caller')).toMatchObject({ text: 'Hi, I need a cleaning next Tuesday afternoon', confidence: 0.93, lowConfidence: false });
    expect(booked.actions.map((a: any) => a.action)).toEqual(['check_availability', 'hold_slot', 'book_appointment']);
    expect(booked.actions.every((a: any) => a.ok && a.durationMs >= 0)).toBe(true);
  });

  it('publishes live events: started, transcript as it is spoken, ended', async () => {
    h = await startCallHarness();
    const call = await h.converse(ANN, ['what are your hours']);
    await call.hangup();
    const names = h.events.map((e) => e.name).filter((n) => n.startsWith('call/'));
    expect(names[0]).toBe('call/started');
    expect(names).toContain('call/transcript-appended');
    expect(names.at(-1)).toBe('call/ended');
    const spoken = h.events.filter((e) => e.name === 'call/transcript-appended').map((e: any) => `${e.payload.turn.speaker}: ${e.payload.turn.text}`);
    expect(spoken.slice(0, 2)).toEqual(['receptionist: Thanks for calling Bright Smiles Dental.', 'receptionist: How can I help you today?']);
    expect(spoken).toContain('caller: what are your hours');
  });
});

describe('every intent', () => {
  it('answers hours and FAQ questions, then says goodbye', async () => {
    h = await startCallHarness();
    const call = await h.converse(ANN, ['what are your hours']);
    expect(call.heard().join(' ')).toMatch(/open Monday to Wednesday/i);
    await call.say('do you take delta dental insurance', { confidence: 0.9 });
    expect(call.heard().join(' ')).toMatch(/We accept most PPO plans/);
    await call.say('where are you located', { confidence: 0.9 });
    expect(call.heard().join(' ')).toMatch(/120 Main Street/);
    await call.say('no thank you goodbye', { confidence: 0.9 });
    expect(call.state).toBe('ended');
    expect((await callRecord(call.sid)).outcome).toBe('answered');
  });

  it('checks availability and flows into a booking', async () => {
    h = await startCallHarness();
    const call = await h.converse(ANN, ['do you have anything for a dental exam on Friday morning']);
    expect(call.heard().join(' ')).toMatch(/Friday.*Which works best/);
    await call.say('the first one', { confidence: 0.9 });
    await call.say('Ann Lee', { confidence: 0.9 });
    await call.say('yes please', { confidence: 0.9 });
    expect(call.heard().join(' ')).toMatch(/You're all set for your dental exam on Friday, November 27th/);
    expect(await h.run<any[]>('bookings/list', { tenantId: T })).toMatchObject([{ serviceId: 'exam', status: 'confirmed', start: expect.stringMatching(/^2026-11-27T/) }]);
  });

  it('tells a caller their appointment', async () => {
    h = await startCallHarness();
    await h.run('bookings/create', { tenantId: T, serviceId: 'exam', providerId: 'dr-lee', start: '2026-11-24T10:00', customer: { phone: ANN, name: 'Ann Lee' } });
    const call = await h.converse(ANN, ['when is my appointment']);
    expect(call.heard().join(' ')).toMatch(/dental exam on Tuesday, November 24th at 10 AM/);
  });

  it('puts a caller who asks for a person through to the front desk', async () => {
    h = await startCallHarness();
    const call = await h.converse(ANN, ['can I talk to a real person please']);
    expect(call.state).toBe('dialing');
    expect(call.dialed).toEqual(['+15555550100']);
    await call.dialEnded('completed');
    expect((await callRecord(call.sid)).outcome).toBe('transferred');
  });

  it('takes a message when the desk does not answer a transfer', async () => {
    h = await startCallHarness();
    const call = await h.converse(ANN, ['operator']);
    await call.dialEnded('no-answer');
    expect(call.heard().join(' ')).toMatch(/nobody at the front desk could take your call/);
    await call.say('Please call me back about my bill', { confidence: 0.9 });
    expect(call.state).toBe('ended');
    expect(await h.run<any[]>('messages/list', { tenantId: T })).toMatchObject([{ reason: 'Please call me back about my bill', callbackNumber: ANN }]);
  });

  it('takes a message with the reason and the callback number', async () => {
    h = await startCallHarness();
    const call = await h.converse(ANN, ['can I leave a message', 'I want to know if my x-rays arrived']);
    expect(call.heard().join(' ')).toMatch(/Can I have your name/);
    await call.say('Ann Lee', { confidence: 0.9 });
    expect(call.heard().join(' ')).toMatch(/call you back at the number you're calling from/);
    await call.say('yes', { confidence: 0.9 });
    expect(await h.run<any[]>('messages/list', { tenantId: T })).toMatchObject([{ reason: expect.stringMatching(/x-rays/), callbackNumber: ANN, urgent: false }]);
    expect((await callRecord(call.sid)).outcome).toBe('message');
  });

  it('puts an emergency straight through', async () => {
    h = await startCallHarness();
    const call = await h.converse(ANN, ['my gums are bleeding a lot']);
    expect(call.transcript.join(' ')).toMatch(/urgent/i);
    expect(call.state).toBe('dialing');
    expect(call.dialed).toEqual(['+15555550100']);
  });

  it('corrects a read-back: "no, Thursday instead" re-checks only the day', async () => {
    h = await startCallHarness();
    const call = await h.converse(ANN, ['I want a dental exam tomorrow at 10 am', 'Ann Lee']);
    expect(call.heard().join(' ')).toMatch(/Tuesday, November 24th at 10 AM .* Shall I book it/);
    await call.say('no, Wednesday instead', { confidence: 0.9 });
    const heard = call.heard().join(' ');
    expect(heard).toMatch(/Wednesday, November 25th at 10 AM/);
    expect(heard).not.toMatch(/Tuesday/);
  });
});

describe('never dead air', () => {
  it('reprompts on silence twice, then offers a message or the desk, then hands over', async () => {
    h = await startCallHarness();
    const call = await h.twilio.placeCall({ from: ANN, to: PRACTICE_NUMBER });
    call.heard();
    await call.silence();
    expect(call.heard().length).toBeGreaterThan(0);
    await call.silence();
    expect(call.heard().join(' ')).toMatch(/take a message or put you through/);
    await call.silence();
    expect(['dialing', 'ended']).toContain(call.state);
  });

  it('asks again when the speech confidence is low at a read-back, and flags the booking for review', async () => {
    h = await startCallHarness();
    const call = await h.converse(ANN, ['I want a dental exam tomorrow at 10 am', 'Ann Lee', { say: 'yes', confidence: 0.2 }]);
    expect(call.heard().join(' ')).not.toMatch(/all set/);
    await call.say('yes', { confidence: 0.95 });
    expect(call.heard().join(' ')).toMatch(/front desk will confirm by text/);
    expect(await h.run<any[]>('bookings/list', { tenantId: T })).toMatchObject([{ status: 'pending_review', reviewReason: expect.stringMatching(/low speech confidence/) }]);
    const record = await callRecord(call.sid);
    expect(record.transcript.find((t: any) => t.confidence === 0.2)).toMatchObject({ lowConfidence: true });
  });

  it('offers a person after two misunderstandings', async () => {
    h = await startCallHarness();
    const call = await h.converse(ANN, ['purple monkey dishwasher', 'the quick brown fox']);
    expect(call.heard().join(' ')).toMatch(/front desk|message/);
  });

  it('holds a booking for a service that requires review and tells the caller the desk will confirm', async () => {
    h = await startCallHarness();
    const call = await h.converse(ANN, ['I would like a whitening consultation on Wednesday at 9 am', 'Ann Lee', 'yes']);
    expect(call.heard().join(' ')).toMatch(/front desk will confirm by text/);
    expect(await h.run<any[]>('bookings/list', { tenantId: T })).toMatchObject([{ status: 'pending_review', reviewReason: 'Teeth whitening consultation needs review' }]);
  });

  it('answers a call to an unknown number politely and hangs up', async () => {
    h = await startCallHarness();
    const call = await h.twilio.placeCall({ from: ANN, to: '+15555550999' });
    expect(call.transcript.join(' ')).toMatch(/isn't set up with our answering service/);
    expect(call.state).toBe('ended');
  });

  it('refuses a forged request with 403 and answers nothing', async () => {
    h = await startCallHarness();
    const params = { CallSid: 'CA' + 'f'.repeat(32), From: ANN, To: PRACTICE_NUMBER, AccountSid: 'AC' + '0'.repeat(32) };
    const res = await fetch(`${h.webhookBase}/twilio/voice`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': twilioSignature('wrong-token', `${PUBLIC_URL}/twilio/voice`, params) },
      body: new URLSearchParams(params).toString(),
    });
    expect(res.status).toBe(403);
    expect(await h.run<any[]>('calls/list-active', {})).toEqual([]);
  });

  it('gives a retried webhook (same idempotency token) the same TwiML and repeats no effect', async () => {
    h = await startCallHarness();
    const call = await h.converse(ANN, ['I want a dental exam tomorrow at 10 am', 'Ann Lee']);
    await call.say('yes', { confidence: 0.95 });
    const original = call.lastTwiml;
    const retried = await call.retryLast();
    expect(retried).toBe(original);
    const bookings = await h.run<any[]>('bookings/list', { tenantId: T, statuses: ['confirmed', 'pending_review'] });
    expect(bookings).toHaveLength(1);
    const record = await callRecord(call.sid);
    expect(record.actions.filter((a: any) => a.action === 'book_appointment')).toHaveLength(1);
    expect(record.transcript.filter((t: any) => t.speaker === 'caller' && t.text === 'yes')).toHaveLength(1);
  });

  it('turns an exception inside an action into words and a way forward, never an HTTP 500', async () => {
    h = await startCallHarness({ deps: { externalBusy: { busyFor: async () => { throw new Error('calendar exploded'); } } } });
    const call = await h.converse(ANN, ['I want a cleaning tomorrow morning']);
    expect(call.applicationError).toBeUndefined();
    expect(call.heard().join(' ')).toMatch(/sorry/i);
    expect(['listening', 'dialing', 'ended']).toContain(call.state);
    const record = await callRecord(call.sid);
    expect(record.actions).toMatchObject([{ action: 'check_availability', ok: false }]);
  });

  it('hands the call to the message taker when the brain itself fails', async () => {
    h = await startCallHarness({ deps: { brain: { name: 'broken', initialState: () => ({}), turn: async () => { throw new Error('brain melted'); } } } });
    const call = await h.twilio.placeCall({ from: ANN, to: PRACTICE_NUMBER });
    expect(call.heard().join(' ')).toMatch(/I'm sorry, I'm having trouble on my end right now/);
    await call.say('This is Ann, please call me about tomorrow', { confidence: 0.9 });
    expect(call.heard().join(' ')).toMatch(/We've got your message/);
    expect(call.state).toBe('ended');
    expect(await h.run<any[]>('messages/list', { tenantId: T })).toMatchObject([{ reason: 'This is Ann, please call me about tomorrow', callbackNumber: ANN }]);
  });

  it('ignores status callbacks that arrive out of order', async () => {
    h = await startCallHarness();
    const call = await h.twilio.placeCall({ from: ANN, to: PRACTICE_NUMBER });
    await call.sendStatus('completed', { sequenceNumber: 3 });
    await call.sendStatus('in-progress', { sequenceNumber: 1 });
    const record = await callRecord(call.sid);
    expect(record).toMatchObject({ active: false, twilioStatus: 'completed', outcome: 'abandoned' });
  });

  it('politely refuses a caller who rings again and again', async () => {
    h = await startCallHarness();
    const heard: string[] = [];
    for (let i = 0; i < 7; i++) {
      const call = await h.twilio.placeCall({ from: '+15555550177', to: PRACTICE_NUMBER });
      heard.push(call.transcript[0] ?? '');
      if (call.state !== 'ended') await call.hangup();
    }
    expect(heard.slice(0, 6).every((t) => t.startsWith('Thanks for calling'))).toBe(true);
    expect(heard).toHaveLength(7);
    expect(heard[6]).toMatch(/receiving a lot of calls/);
    h.clock.advance(10 * 60_000);
    expect((await h.twilio.placeCall({ from: '+15555550177', to: PRACTICE_NUMBER })).transcript[0]).toMatch(/Thanks for calling/);
  });
});

describe('no double booking under load', () => {
  it('50 simultaneous callers asking for the same 3 slots: no double booking, every caller hears a valid answer', async () => {
    h = await startCallHarness();
    const wishes = ['tomorrow at 9 am', 'tomorrow at 10 am', 'tomorrow at 11 am'];
    const calls = await Promise.all(
      Array.from({ length: 50 }, (_, i) => h.converse(`+1555555${String(3000 + i)}`, [`I'd like a dental exam with doctor Lee ${wishes[i % 3]}`, `Caller ${i}`]).catch((e) => e)),
    );
    expect(calls.filter((c) => c instanceof Error)).toEqual([]);
    await Promise.all(calls.map((c) => (c.state === 'listening' ? c.say('yes', { confidence: 0.95 }) : null)));
    for (const call of calls) {
      expect(call.applicationError).toBeUndefined();
      expect(call.transcript.length).toBeGreaterThan(1);
    }
    const active = await h.run<any[]>('bookings/list', { tenantId: T, statuses: ['confirmed', 'pending_review', 'held'] });
    const leeBookings = active.filter((b) => b.providerId === 'dr-lee');
    const starts = leeBookings.map((b) => b.start);
    expect(new Set(starts).size).toBe(starts.length);
    for (const wanted of ['2026-11-24T09:00:00-05:00', '2026-11-24T10:00:00-05:00', '2026-11-24T11:00:00-05:00']) {
      expect(leeBookings.filter((b) => b.start === wanted && b.status !== 'held').length).toBeLessThanOrEqual(1);
    }
  });
});
