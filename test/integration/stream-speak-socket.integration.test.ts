import { afterEach, describe, expect, it } from 'vitest';
import { startStreamHarness, type StreamHarness } from '../support/stream-harness.js';

let s: StreamHarness;
afterEach(async () => s?.stop());

const BEA = '+15555550166';

describe("stream mode speaks on Deepgram's speak socket", () => {
  it('a barge-in while a sentence is still being made sends clear to Twilio and Clear on the speak socket; the socket speaks the next answer', async () => {
    // Speech made at real pace: the greeting is still coming from Deepgram when the caller cuts in.
    s = await startStreamHarness({ msPerCharacter: 70, slowSpeech: true });
    const call = await s.call(BEA);
    const leg = call.stream!;
    await leg.until(() => leg.playedFrames >= 25, 'the greeting to be playing');
    const speak = s.deepgram.speakSockets[0]!;
    await s.say(leg, 'I need a cleaning next Tuesday afternoon');
    await leg.until(() => leg.clears > 0, 'the receptionist to stop');
    await leg.until(() => speak.control.some((m) => m.type === 'Clear'), 'Clear on the speak socket');
    const clearAt = leg.fromApp.findIndex((m) => m.event === 'clear');
    await s.replyPlayed(leg, clearAt + 1);

    // The greeting's audio stopped coming: Deepgram made less audio than every sentence spoken takes.
    const greeting = s.deepgram.speaks[0]!.text;
    const flushesBeforeClear = speak.control.slice(0, speak.control.findIndex((m) => m.type === 'Clear')).filter((m) => m.type === 'Flush').length;
    expect(flushesBeforeClear).toBeGreaterThan(0);
    const wholeAudio = s.deepgram.speaks.reduce((bytes, r) => bytes + Math.max(2400, Math.round(r.text.length * 70 * 8)), 0);
    expect(speak.audioBytes).toBeLessThan(wholeAudio);
    const record = await s.callRecord(call.sid);
    const heard = record.transcript.find((t: any) => t.speaker === 'receptionist')!;
    expect(heard.interrupted).toBe(true);
    expect(greeting.startsWith(heard.text)).toBe(true);
    // The answer to the caller came over the same socket, after the Clear.
    const answer = s.deepgram.speaks.at(-1)!;
    expect(answer.via).toBe('socket');
    const clearedAt = speak.control.findIndex((m) => m.type === 'Clear');
    expect(speak.control.slice(clearedAt).some((m) => m.type === 'Speak' && m.text === answer.text)).toBe(true);
    expect(s.deepgram.speakSockets).toHaveLength(1);
    await s.lastLineRecorded();
    expect((await s.callRecord(call.sid)).transcript.some((t: any) => t.speaker === 'receptionist' && t.text === answer.text)).toBe(true);
    await call.hangup();
  }, 120_000);

  it('a speak socket Deepgram refuses: the call speaks one request per sentence and books as usual', async () => {
    s = await startStreamHarness();
    s.deepgram.speakSocketsDown = true;
    const call = await s.call(BEA);
    expect(call.state).toBe('streaming');
    const leg = call.stream!;
    await s.replyPlayed(leg, 0);
    await s.turn(leg, 'I need a cleaning next Tuesday afternoon');
    expect(s.deepgram.speakSockets).toHaveLength(0);
    expect(s.deepgram.speaks.length).toBeGreaterThan(1);
    expect(s.deepgram.speaks.every((r) => r.via === 'rest' && r.query.get('container') === 'none' && r.query.get('encoding') === 'mulaw')).toBe(true);
    expect(leg.isOpen).toBe(true);
    await s.lastLineRecorded();
    const record = await s.callRecord(call.sid);
    expect(record.transcript.filter((t: any) => t.speaker === 'receptionist').map((t: any) => t.text)).toEqual(s.deepgram.speaks.map((r) => r.text));
    await call.hangup();
  }, 120_000);

  it('a speak socket that drops mid-call: the next answers go one request per sentence, on the same stream, nothing lost', async () => {
    s = await startStreamHarness();
    const call = await s.call(BEA);
    const leg = call.stream!;
    await s.replyPlayed(leg, 0);
    const spokenOnSocket = s.deepgram.speaks.length;
    s.deepgram.dropSpeakSockets();
    await s.turn(leg, 'I need a cleaning next Tuesday afternoon');
    await s.turn(leg, 'the first one');

    expect(leg.isOpen).toBe(true);
    expect(call.state).toBe('streaming');
    const later = s.deepgram.speaks.slice(spokenOnSocket);
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((r) => r.via === 'rest')).toBe(true);
    await s.lastLineRecorded();
    const record = await s.callRecord(call.sid);
    expect(record.transcript.filter((t: any) => t.speaker === 'caller').map((t: any) => t.text)).toEqual(['I need a cleaning next Tuesday afternoon', 'the first one']);
    const said = record.transcript.filter((t: any) => t.speaker === 'receptionist').map((t: any) => t.text);
    expect(said).toEqual(s.deepgram.speaks.map((r) => r.text));
    expect(record.transcript.some((t: any) => t.interrupted)).toBe(false);
    await call.hangup();
  }, 120_000);
});
