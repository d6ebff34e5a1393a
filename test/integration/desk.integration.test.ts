import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_SID, startCallHarness, type CallHarness } from '../support/call-harness.js';
import { TEST_AUTH_TOKEN } from '../support/test-config.js';
import { FakeTwilioRest } from '../support/twilio/fake-twilio-rest.js';

let h: CallHarness;
let rest: FakeTwilioRest;
afterEach(async () => {
  await h?.stop();
  await rest?.stop();
});

const T = 'bright-smiles';
const ANN = '+15555550199';
const DANA = 'Dana';

async function start() {
  rest = new FakeTwilioRest({ accountSid: ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
  await rest.start();
  h = await startCallHarness({ apiBase: rest.baseUrl });
  rest.attach(h.twilio);
}

async function liveCallId(callSid: string): Promise<string> {
  const active = await h.run<any[]>('calls/list-active', {});
  return active.find((c) => c.callSid === callSid).id;
}

describe('takeover from the desk', () => {
  it('types to the caller: "one moment", each typed line spoken, then hands back with the receptionist state intact', async () => {
    await start();
    const call = await h.converse(ANN, ['I want a dental exam tomorrow at 10 am']);
    const lastQuestion = call.heard().at(-1)!;
    const callId = await liveCallId(call.sid);

    const taken = await h.run('calls/take-over', { tenantId: T, callId, staffName: DANA });
    expect(taken).toMatchObject({ mode: 'staff' });
    await call.idle();
    expect(call.heard()).toEqual(['One moment please.']);

    await h.run('calls/say', { tenantId: T, callId, text: 'Hi, this is Dana at the front desk. Is 10 still good?', staffName: DANA });
    await call.idle();
    expect(call.heard()).toEqual(['Hi, this is Dana at the front desk. Is 10 still good?']);
    await call.say('yes that works', { confidence: 0.9 });
    expect(call.heard()).toEqual([]);

    await h.run('calls/hand-back', { tenantId: T, callId, staffName: DANA });
    await call.idle();
    expect(call.heard()).toEqual(['Thanks for waiting.', lastQuestion]);

    const detail = await h.run<any>('calls/get', { tenantId: T, callId });
    const staffTurns = detail.transcript.filter((t: any) => t.speaker === 'staff').map((t: any) => t.text);
    expect(staffTurns).toEqual(['Hi, this is Dana at the front desk. Is 10 still good?']);
    expect(detail.transcript.some((t: any) => t.speaker === 'caller' && t.text === 'yes that works')).toBe(true);
    expect(detail.mode).toBe('receptionist');
    const redirects = rest.requests.filter((r) => r.path.endsWith(`/Calls/${call.sid}.json`)).map((r) => r.params.Url);
    expect(redirects).toEqual(['https://frontdesk.example.com/twilio/staff', 'https://frontdesk.example.com/twilio/staff', 'https://frontdesk.example.com/twilio/resume']);
  });

  it('transfers the live call through the REST API to the practice transfer number', async () => {
    await start();
    const call = await h.converse(ANN, ['what are your hours']);
    const callId = await liveCallId(call.sid);
    const summary = await h.run('calls/transfer', { tenantId: T, callId, staffName: DANA });
    expect(summary).toMatchObject({ outcome: 'transferred' });
    await call.idle();
    const update = rest.requests.find((r) => r.path === `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls/${call.sid}.json`);
    expect(update?.params.Twiml).toMatch(/<Dial[^>]*>\+15555550100<\/Dial>/);
    expect(update?.auth).toMatchObject({ username: ACCOUNT_SID });
    expect(call.state).toBe('dialing');
    expect(call.dialed).toEqual(['+15555550100']);
  });

  it('refuses typing before takeover, and says so clearly when Twilio refuses the change', async () => {
    await start();
    const call = await h.converse(ANN, ['hello']);
    const callId = await liveCallId(call.sid);
    await expect(h.run('calls/say', { tenantId: T, callId, text: 'hi', staffName: DANA })).rejects.toMatchObject({ code: 'conflict' });
    rest.failNext({ status: 503 });
    await expect(h.run('calls/take-over', { tenantId: T, callId, staffName: DANA })).rejects.toMatchObject({ code: 'unavailable' });
    expect((await h.run<any>('calls/get', { tenantId: T, callId })).mode).toBe('receptionist');
  });
});

describe('rehearsal calls', () => {
  it('books through the real call path and shows on the live board', async () => {
    await start();
    const first = await h.run<any>('rehearsal/start', { tenantId: T });
    expect(first).toMatchObject({ state: 'listening', said: ['Thanks for calling Bright Smiles Dental.', 'How can I help you today?'] });
    expect((await h.run<any[]>('calls/list-active', {})).map((c) => c.id)).toContain(first.callId);
    await h.run('rehearsal/say', { callId: first.callId, text: "I'd like a dental exam tomorrow at 10 am" });
    await h.run('rehearsal/say', { callId: first.callId, text: 'Owen Owner' });
    const booked = await h.run<any>('rehearsal/say', { callId: first.callId, text: 'yes' });
    expect(booked.said.join(' ')).toMatch(/You're all set/);
    // A rehearsal books for real, marked as a test...
    expect(await h.run<any[]>('bookings/list', { tenantId: T })).toMatchObject([{ status: 'confirmed', rehearsal: true, customer: { name: 'Owen Owner' } }]);
    const done = await h.run<any>('rehearsal/say', { callId: first.callId, text: "no that's all, goodbye" });
    expect(done.state).toBe('ended');
    expect(await h.run<any[]>('calls/list-active', {})).toEqual([]);
    // ...and its bookings go when it ends, so the schedule holds only real patients.
    expect(await h.run<any[]>('bookings/list', { tenantId: T })).toEqual([]);
    await expect(h.run('rehearsal/say', { callId: first.callId, text: 'hello?' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('still says it booked (a test booking) when a question came after the booking', async () => {
    await start();
    const first = await h.run<any>('rehearsal/start', { tenantId: T });
    await h.run('rehearsal/say', { callId: first.callId, text: "I'd like a dental exam tomorrow at 10 am" });
    await h.run('rehearsal/say', { callId: first.callId, text: 'Owen Owner' });
    await h.run('rehearsal/say', { callId: first.callId, text: 'yes' });
    const answered = await h.run<any>('rehearsal/say', { callId: first.callId, text: 'what are your hours on friday' });
    expect(answered.said.join(' ')).toMatch(/Friday/);
    await h.run('rehearsal/hang-up', { callId: first.callId });
    const call = await h.run<any>('calls/get', { tenantId: T, callId: first.callId });
    expect(call).toMatchObject({ outcome: 'booked', rehearsal: true });
  });
});

describe('the review queue', () => {
  async function pendingWhitening(from = ANN, name = 'Ann Lee') {
    await h.converse(from, ['I would like a whitening consultation on Wednesday at 9 am', name, 'yes']);
    const [item] = await h.run<any[]>('review/list', { tenantId: T });
    return item;
  }

  it('shows why, who, what and the transcript; approving confirms, audits the staff name and texts the caller', async () => {
    await start();
    const item = await pendingWhitening();
    expect(item).toMatchObject({ reasons: ['Teeth whitening consultation needs review'], booking: { status: 'pending_review', customer: { name: 'Ann Lee', phone: ANN } } });
    expect(item.transcriptExcerpt[0]).toMatchObject({ speaker: 'caller', text: 'I would like a whitening consultation on Wednesday at 9 am' });

    const approved = await h.run<any>('review/approve', { tenantId: T, bookingId: item.booking.id, staffName: DANA });
    expect(approved.status).toBe('confirmed');
    const history = (await h.run<any>('bookings/get', { tenantId: T, bookingId: item.booking.id })).history;
    expect(history.at(-1)).toMatchObject({ action: 'approved', actor: DANA, toStatus: 'confirmed' });
    expect(await h.nextEvent('review/changed', (p) => p.pending === 0)).toMatchObject({ tenantId: T });

    const [sms] = await h.run<any[]>('outbox/list', { tenantId: T });
    expect(sms).toMatchObject({ to: ANN, body: expect.stringMatching(/^Bright Smiles Dental: your teeth whitening consultation on Wednesday, November 25 at 9:00 AM is confirmed/) });
    const sent = await h.nextEvent('outbox/changed', (p) => p.status === 'sent');
    expect(sent.providerId).toMatch(/^SM/);
    expect(rest.messages).toMatchObject([{ to: ANN, from: '+15555550123', body: sms.body }]);
    await expect(h.run('review/approve', { tenantId: T, bookingId: item.booking.id, staffName: DANA })).rejects.toMatchObject({ code: 'conflict' });
    expect(await h.run<any[]>('outbox/list', { tenantId: T })).toHaveLength(1);
  });

  it('rejects with a reason (slot released) and modifies to another free time', async () => {
    await start();
    const item = await pendingWhitening();
    await expect(h.run('review/reject', { tenantId: T, bookingId: item.booking.id, reason: '', staffName: DANA })).rejects.toMatchObject({ code: 'invalid_input' });
    const rejected = await h.run<any>('review/reject', { tenantId: T, bookingId: item.booking.id, reason: 'Dr. Patel is away', staffName: DANA });
    expect(rejected.status).toBe('cancelled');
    expect((await h.run<any>('bookings/get', { tenantId: T, bookingId: item.booking.id })).history.at(-1)).toMatchObject({ action: 'rejected', actor: DANA, details: { Reason: 'Dr. Patel is away' } });
    const slots = await h.run<any>('availability/list-slots', { tenantId: T, serviceId: 'whitening', from: '2026-11-25', to: '2026-11-25' });
    expect(slots.slots.map((s: any) => s.start)).toContain('2026-11-25T09:00:00-05:00');

    const second = await pendingWhitening('+15555550188', 'Bo Chen');
    const modified = await h.run<any>('review/modify', { tenantId: T, bookingId: second.booking.id, start: '2026-11-25T13:30', staffName: DANA });
    expect(modified).toMatchObject({ status: 'confirmed', start: '2026-11-25T13:30:00-05:00' });
    const texts = (await h.run<any[]>('outbox/list', { tenantId: T })).map((s) => s.body);
    expect(texts.some((b) => /couldn't confirm/.test(b))).toBe(true);
    expect(texts.some((b) => /on Wednesday, November 25 at 1:30 PM is confirmed/.test(b))).toBe(true);
  });
});

describe('the outbox', () => {
  it('retries a text Twilio failed to take, with backoff, and delivers it later', async () => {
    await start();
    rest.failNext({ status: 503 }, 1);
    const item = await (async () => {
      await h.converse(ANN, ['I would like a whitening consultation on Wednesday at 9 am', 'Ann Lee', 'yes']);
      const [pending] = await h.run<any[]>('review/list', { tenantId: T });
      await h.run('review/approve', { tenantId: T, bookingId: pending.booking.id, staffName: DANA });
      return h.nextEvent('outbox/changed', (p) => p.attempts === 1);
    })();
    expect(item).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringMatching(/Twilio refused the text/) });
    h.clock.advance(30_000);
    const sent = await h.nextEvent('outbox/changed', (p) => p.status === 'sent');
    expect(sent.attempts).toBe(2);
    expect(rest.messages).toHaveLength(1);
  });
});
