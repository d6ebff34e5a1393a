import { afterEach, describe, expect, it } from 'vitest';
import { startStreamHarness, TENANT, type StreamHarness } from '../support/stream-harness.js';

let s: StreamHarness;
afterEach(async () => s?.stop());

const ANN = '+15555550199';

describe('stream mode: Twilio Media Streams with Deepgram speech', () => {
  it('books by voice over a signed media socket; the transcript holds what was heard', async () => {
    s = await startStreamHarness();
    const call = await s.call(ANN);
    expect(call.state).toBe('streaming');
    expect(call.lastTwiml).toContain('<Connect><Stream url="wss://frontdesk.example.com/twilio/stream"');
    const leg = call.stream!;
    await s.replyPlayed(leg, 0);
    await s.turn(leg, 'I need a cleaning next Tuesday afternoon');
    await s.turn(leg, 'the first one');
    await s.turn(leg, 'Ann Lee');
    await s.turn(leg, 'yes');

    const listen = s.deepgram.listens[0]!;
    expect(listen.query.get('encoding')).toBe('mulaw');
    expect(listen.query.get('sample_rate')).toBe('8000');
    expect(listen.query.get('interim_results')).toBe('true');
    expect(listen.keyterms).toEqual(expect.arrayContaining(['Bright Smiles Dental']));
    expect(s.deepgram.speaks.every((r) => r.query.get('container') === 'none' && r.authorization === 'Token dg-test-key-0123456789')).toBe(true);

    const bookings = await s.h.run<any[]>('bookings/list', { tenantId: TENANT });
    expect(bookings.filter((b) => b.status === 'confirmed' || b.status === 'pending_review')).toHaveLength(1);
    const record = await s.callRecord(call.sid);
    expect(record.outcome).toBe('booked');
    const lines = record.transcript.map((t: any) => `${t.speaker}: ${t.text}`);
    expect(lines).toContain('caller: I need a cleaning next Tuesday afternoon');
    expect(lines).toContain('caller: Ann Lee');
    expect(record.transcript.some((t: any) => t.interrupted)).toBe(false);
    await call.hangup();
  }, 120_000);
});

describe('stream mode: barge-in and backchannels', () => {
  it('stops talking when the caller cuts in: clear, the turn abandoned, the transcript keeps what was heard', async () => {
    s = await startStreamHarness({ msPerCharacter: 70 });
    const call = await s.call(ANN);
    const leg = call.stream!;
    // Let a second of the greeting play, then speak over it.
    await leg.until(() => leg.playedFrames >= 60, 'the greeting to be playing');
    await s.say(leg, 'I need a cleaning next Tuesday afternoon');
    await leg.until(() => leg.clears > 0, 'the receptionist to stop');
    await s.replyPlayed(leg, leg.fromApp.findIndex((m) => m.event === 'clear') + 1);

    expect(leg.echoed.some((m) => !m.played)).toBe(true);
    await s.h.nextEvent('call/transcript-appended', (p) => p.turn.text === s.deepgram.speaks.at(-1)!.text);
    const record = await s.callRecord(call.sid);
    const greeting = record.transcript.find((t: any) => t.speaker === 'receptionist')!;
    expect(greeting.interrupted).toBe(true);
    const fullGreeting = s.deepgram.speaks[0]!.text;
    expect(greeting.text.length).toBeGreaterThan(0);
    expect(fullGreeting.startsWith(greeting.text)).toBe(true);
    expect(greeting.text.length).toBeLessThan(fullGreeting.length);
    const callerAt = record.transcript.findIndex((t: any) => t.speaker === 'caller');
    expect(record.transcript[callerAt].text).toBe('I need a cleaning next Tuesday afternoon');
    // The answer to the caller's request came after what they heard of the greeting.
    expect(record.transcript.slice(callerAt + 1).some((t: any) => t.speaker === 'receptionist')).toBe(true);
    await call.hangup();
  }, 120_000);

  it('keeps talking through a backchannel ("mm-hmm") and does not take it as a turn', async () => {
    s = await startStreamHarness({ msPerCharacter: 70 });
    const call = await s.call(ANN);
    const leg = call.stream!;
    await leg.until(() => leg.playedFrames >= 25, 'the greeting to be playing');
    await s.say(leg, 'mm hmm');
    await s.replyPlayed(leg, 0);
    await leg.pause(1_500);

    expect(leg.clears).toBe(0);
    expect(leg.echoed.every((m) => m.played)).toBe(true);
    const record = await s.callRecord(call.sid);
    expect(record.transcript.every((t: any) => t.speaker === 'receptionist' && !t.interrupted)).toBe(true);
    expect(record.transcript.map((t: any) => t.text)).toEqual(s.deepgram.speaks.map((r) => r.text));
    await call.hangup();
  }, 120_000);
});
