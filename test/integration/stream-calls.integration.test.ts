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
