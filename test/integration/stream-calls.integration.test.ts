import { afterEach, describe, expect, it } from 'vitest';
import type { Brain } from '../../src/main/core/conversation/index.js';
import { startStreamHarness, TENANT, type StreamHarness } from '../support/stream-harness.js';

let s: StreamHarness;
afterEach(async () => s?.stop());

const ANN = '+15555550199';

describe('stream mode: Twilio Media Streams with Deepgram speech', () => {
  it('books, reschedules and cancels by voice over a signed media socket; the transcript holds what was heard', async () => {
    s = await startStreamHarness();
    const call = await s.call(ANN);
    expect(call.state).toBe('streaming');
    expect(call.lastTwiml).toContain('<Connect><Stream url="wss://frontdesk.example.com/twilio/stream"');
    expect(call.lastTwiml).toContain('<Parameter name="tenantId" value="bright-smiles"/>');
    const leg = call.stream!;
    await s.replyPlayed(leg, 0);
    for (const line of ['I need a cleaning next Tuesday afternoon', 'the first one', 'Ann Lee', 'yes']) await s.turn(leg, line);
    expect(s.deepgram.speaks.at(-1)!.text).toMatch(/anything else/i);
    await s.say(leg, "no that's all, bye");
    // The goodbye plays to the end, then the stream closes and Twilio hangs up.
    await leg.closed;
    await call.idle();
    expect(call.state).toBe('ended');
    expect(call.played.at(-1)).toEqual({ verb: 'Hangup' });

    const listen = s.deepgram.listens[0]!;
    expect(listen.query.get('encoding')).toBe('mulaw');
    expect(listen.query.get('sample_rate')).toBe('8000');
    expect(listen.query.get('interim_results')).toBe('true');
    expect(listen.query.get('utterance_end_ms')).toBe('1000');
    expect(listen.keyterms).toEqual(expect.arrayContaining(['Bright Smiles Dental', 'Teeth cleaning']));
    // One speak socket for the call: raw μ-law 8 kHz in the practice's voice, a Speak + Flush per sentence.
    expect(s.deepgram.speakSockets).toHaveLength(1);
    const speak = s.deepgram.speakSockets[0]!;
    expect(Object.fromEntries(speak.query)).toEqual({ model: 'aura-2-thalia-en', encoding: 'mulaw', sample_rate: '8000' });
    expect(s.deepgram.speaks.every((r) => r.via === 'socket' && r.authorization === 'Token dg-test-key-0123456789')).toBe(true);
    expect(speak.control.filter((m) => m.type === 'Flush')).toHaveLength(speak.control.filter((m) => m.type === 'Speak').length);
    expect(listen.query.get('language')).toBe('en');
    expect(leg.fromApp.every((m) => ['media', 'mark', 'clear'].includes(m.event))).toBe(true);

    let bookings = await s.h.run<any[]>('bookings/list', { tenantId: TENANT, statuses: ['confirmed'] });
    expect(bookings).toMatchObject([{ serviceId: 'cleaning', start: '2026-12-01T13:00:00-05:00', customer: { name: 'Ann Lee', phone: ANN } }]);
    const booked = await s.callRecord(call.sid);
    expect(booked.outcome).toBe('booked');
    expect(booked.transcript.filter((t: any) => t.speaker === 'caller').map((t: any) => t.text)).toEqual([
      'I need a cleaning next Tuesday afternoon',
      'the first one',
      'Ann Lee',
      'yes',
      "no that's all, bye",
    ]);
    expect(booked.transcript.some((t: any) => t.interrupted)).toBe(false);
    // Every answered turn has its latency: greeting, four answers and the goodbye.
    expect(booked.latency.map((l: any) => l.turn)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(booked.latency.every((l: any) => l.firstAudioMs >= 0 && l.firstSentenceMs >= 0 && l.firstAudioMs >= l.firstSentenceMs)).toBe(true);
    expect(booked.latency.slice(1).every((l: any) => l.endOfSpeechMs !== null && l.endOfSpeechMs >= 0)).toBe(true);
    const today = await s.h.run<any>('calls/get-latency', { tenantId: TENANT });
    expect(today).toMatchObject({ tenantId: TENANT, day: '2026-11-23', turns: 6 });
    expect(today.firstAudioP95Ms).toBeGreaterThanOrEqual(today.firstAudioP50Ms);

    const move = await s.call(ANN);
    await s.replyPlayed(move.stream!, 0);
    for (const line of ['I need to move my appointment', 'Wednesday morning', 'the second one', 'yes']) await s.turn(move.stream!, line);
    bookings = await s.h.run<any[]>('bookings/list', { tenantId: TENANT, statuses: ['confirmed'] });
    expect(bookings).toMatchObject([{ start: '2026-11-25T09:00:00-05:00' }]);
    expect((await s.callRecord(move.sid)).outcome).toBe('rescheduled');
    await move.hangup();

    const cancel = await s.call(ANN);
    await s.replyPlayed(cancel.stream!, 0);
    for (const line of ['I have to cancel my appointment', 'yes']) await s.turn(cancel.stream!, line);
    expect(await s.h.run<any[]>('bookings/list', { tenantId: TENANT, statuses: ['confirmed', 'held', 'pending_review'] })).toEqual([]);
    expect((await s.callRecord(cancel.sid)).outcome).toBe('cancelled');
    await cancel.hangup();
  }, 180_000);
});

describe('stream mode: barge-in and backchannels', () => {
  it('stops talking when the caller cuts in: clear, the turn abandoned, the transcript keeps what was heard', async () => {
    // A second of audio sent ahead (more than a mark's 25 frames): whenever the clear comes, a mark
    // is still buffered at Twilio, so the echo of a discarded mark is always there to check.
    s = await startStreamHarness({ msPerCharacter: 70, deps: { mediaStream: { leadMs: 1_000 } } });
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

describe('stream mode: the line is never silent', () => {
  it('says a filler while the brain is slow, then its answer', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowBrain: Brain = {
      name: 'slow',
      initialState: () => ({}),
      async turn(input) {
        if (input.utterance.kind === 'start') return { state: {}, say: ['Hello, this is the front desk.'], next: 'listen' };
        await gate;
        return { state: {}, say: ['Your answer is ready.'], next: 'listen' };
      },
    };
    s = await startStreamHarness({ deps: { brain: slowBrain } });
    const call = await s.call(ANN);
    const leg = call.stream!;
    await s.replyPlayed(leg, 0);
    const since = leg.fromApp.length;
    await s.say(leg, 'what are your hours');
    await s.h.nextEvent('call/transcript-appended', (p) => p.turn.text === 'One moment while I check that.');
    release();
    await s.h.nextEvent('call/transcript-appended', (p) => p.turn.text === 'Your answer is ready.');
    await s.replyPlayed(leg, since);
    expect(s.deepgram.speaks.map((r) => r.text)).toEqual(['Hello, this is the front desk.', 'One moment while I check that.', 'Your answer is ready.']);
    await call.hangup();
  }, 120_000);
});
