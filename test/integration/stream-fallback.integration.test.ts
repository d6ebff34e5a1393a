import { afterEach, describe, expect, it } from 'vitest';
import { PUBLIC_URL } from '../support/call-harness.js';
import { startStreamHarness, TENANT, type StreamHarness } from '../support/stream-harness.js';
import { TEST_AUTH_TOKEN } from '../support/test-config.js';
import { MediaStreamLeg } from '../support/twilio/media-stream-leg.js';

let s: StreamHarness;
afterEach(async () => s?.stop());

const ANN = '+15555550199';

async function confirmedBookings() {
  const bookings = await s.h.run<any[]>('bookings/list', { tenantId: TENANT });
  return bookings.filter((b) => b.status === 'confirmed' || b.status === 'pending_review');
}

describe('stream mode never leaves dead air', () => {
  it('Deepgram down at the start: the call greets and books in gather mode; new calls skip the stream until it answers again', async () => {
    s = await startStreamHarness();
    s.deepgram.down = true;
    const call = await s.call(ANN);
    // The stream closed at once and Twilio went on with the TwiML after <Connect>.
    await call.stream!.closed;
    await call.idle();
    expect(call.state).toBe('listening');
    expect(call.heard()).toEqual(['Thanks for calling Bright Smiles Dental.', 'How can I help you today?']);
    const health = await s.h.run<any>('health/get', {});
    expect(health.voice).toMatchObject({ deepgram: 'unavailable' });
    expect(JSON.stringify(health)).not.toContain('dg-test-key');

    for (const line of ['I need a cleaning next Tuesday afternoon', 'the first one', 'Ann Lee', 'yes']) await call.say(line, { confidence: 0.93 });
    expect(await confirmedBookings()).toHaveLength(1);

    // The breaker sends the next call straight to gather mode…
    const second = await s.call('+15555550188');
    expect(second.lastTwiml).not.toContain('<Connect>');
    expect(second.state).toBe('listening');
    await second.hangup();
    // …until the cool-down has passed and Deepgram answers again.
    s.deepgram.down = false;
    s.h.clock.advance(31_000);
    const third = await s.call('+15555550177');
    expect(third.state).toBe('streaming');
    await s.replyPlayed(third.stream!, 0);
    expect((await s.h.run<any>('health/get', {})).voice).toMatchObject({ deepgram: 'available' });
    await third.hangup();
    await call.hangup();
  }, 120_000);

  it('Deepgram dying mid-call: the same call goes on in gather mode from where it was and the booking completes', async () => {
    s = await startStreamHarness();
    const call = await s.call(ANN);
    const leg = call.stream!;
    await s.replyPlayed(leg, 0);
    await s.turn(leg, 'I need a cleaning next Tuesday afternoon');
    const question = s.deepgram.speaks.at(-1)!.text;

    s.deepgram.die();
    await leg.closed;
    await call.idle();
    expect(call.state).toBe('listening');
    expect(call.heard()).toEqual(['Sorry about that, the line cut out for a moment.', question]);
    for (const line of ['the first one', 'Ann Lee', 'yes']) await call.say(line, { confidence: 0.93 });

    expect(await confirmedBookings()).toHaveLength(1);
    const record = await s.callRecord(call.sid);
    expect(record.outcome).toBe('booked');
    const callerLines = record.transcript.filter((t: any) => t.speaker === 'caller').map((t: any) => t.text);
    expect(callerLines).toEqual(['I need a cleaning next Tuesday afternoon', 'the first one', 'Ann Lee', 'yes']);
    await call.hangup();
  }, 120_000);
});

describe('the media socket is Twilio\'s only', () => {
  it('refuses an upgrade signed with the wrong token or over the wrong scheme, and any path but /twilio/stream', async () => {
    s = await startStreamHarness();
    const wsBase = s.h.webhookBase.replace(/^http/, 'ws');
    const attempt = (options: { path?: string; signWith?: string }) =>
      MediaStreamLeg.open({
        physicalUrl: `${wsBase}${options.path ?? '/twilio/stream'}`,
        signedUrl: `${PUBLIC_URL.replace(/^https/, 'wss')}${options.path ?? '/twilio/stream'}`,
        authToken: TEST_AUTH_TOKEN,
        signWith: options.signWith,
        accountSid: 'AC00000000000000000000000000000000',
        callSid: 'CA00000000000000000000000000000000',
        parameters: {},
      }).then(
        async (leg) => {
          await leg.hangUp();
          return 101;
        },
        (error: { status?: number }) => error.status,
      );
    expect(await attempt({ signWith: 'forged-token' })).toBe(403);
    expect(await attempt({ path: '/twilio/voice' })).toBe(404);
    expect(await attempt({ path: '/api/health' })).toBe(404);
    // Signed over https:// instead of wss://: Twilio signs the URL it connected to.
    const wrongScheme = await MediaStreamLeg.open({
      physicalUrl: `${wsBase}/twilio/stream`,
      signedUrl: `${PUBLIC_URL}/twilio/stream`,
      authToken: TEST_AUTH_TOKEN,
      accountSid: 'AC00000000000000000000000000000000',
      callSid: 'CA00000000000000000000000000000000',
      parameters: {},
    }).catch((error: { status?: number }) => error.status);
    expect(wrongScheme).toBe(403);
  }, 60_000);
});

describe('staff in stream mode', () => {
  it('takes over, types lines spoken in the practice voice, hears the caller, and hands back', async () => {
    s = await startStreamHarness();
    const call = await s.call(ANN);
    const leg = call.stream!;
    await s.replyPlayed(leg, 0);
    await s.turn(leg, 'I need a cleaning next Tuesday afternoon');
    const lastQuestion = s.deepgram.speaks.at(-1)!.text;
    const callId = (await s.callRecord(call.sid)).id;

    let since = leg.fromApp.length;
    await s.h.run('calls/take-over', { tenantId: TENANT, callId, staffName: 'Dana' });
    await s.replyPlayed(leg, since);
    expect(s.deepgram.speaks.at(-1)!.text).toBe('One moment please.');

    since = leg.fromApp.length;
    await s.h.run('calls/say', { tenantId: TENANT, callId, text: 'Hi, this is Dana at the front desk.', staffName: 'Dana' });
    await s.replyPlayed(leg, since);
    expect(s.deepgram.speaks.at(-1)!.text).toBe('Hi, this is Dana at the front desk.');

    const spokenBefore = s.deepgram.speaks.length;
    await s.say(leg, 'I would rather talk to a person');
    await s.h.nextEvent('call/transcript-appended', (p) => p.turn.speaker === 'caller' && p.turn.text === 'I would rather talk to a person');
    await leg.pause(1_000);
    expect(s.deepgram.speaks.length).toBe(spokenBefore);

    since = leg.fromApp.length;
    await s.h.run('calls/hand-back', { tenantId: TENANT, callId, staffName: 'Dana' });
    await s.replyPlayed(leg, since);
    expect(s.deepgram.speaks.slice(-2).map((r) => r.text)).toEqual(['Thanks for waiting.', lastQuestion]);
    const detail = await s.callRecord(call.sid);
    expect(detail.mode).toBe('receptionist');
    expect(detail.transcript.filter((t: any) => t.speaker === 'staff').map((t: any) => t.text)).toEqual(['Hi, this is Dana at the front desk.']);
    expect(call.state).toBe('streaming');
    await call.hangup();
  }, 120_000);
});

describe('staff transfer in stream mode', () => {
  it('says the hold sentence in the practice voice, then Twilio dials the desk after the stream closes', async () => {
    s = await startStreamHarness();
    const call = await s.call(ANN);
    const leg = call.stream!;
    await s.replyPlayed(leg, 0);
    const callId = (await s.callRecord(call.sid)).id;
    await s.h.run('calls/transfer', { tenantId: TENANT, callId, staffName: 'Dana' });
    await leg.closed;
    await call.idle();
    expect(s.deepgram.speaks.at(-1)!.text).toBe('Please hold while I connect you with the front desk.');
    expect(leg.echoed.every((m) => m.played)).toBe(true);
    expect(call.state).toBe('dialing');
    expect(call.dialed).toEqual(['+15555550100']);
    expect((await s.callRecord(call.sid)).outcome).toBe('transferred');
    await call.hangup();
  }, 120_000);
});
