import { afterEach, describe, expect, it } from 'vitest';
import { startCallHarness, PRACTICE_NUMBER, type CallHarness } from '../support/call-harness.js';
import { FakeDeepgram } from '../support/deepgram/fake-deepgram.js';
import { voiceFor } from '../../src/main/server/public/stream-voices.js';
import { DEEPGRAM_KEY, startStreamHarness, TENANT, type StreamHarness } from '../support/stream-harness.js';

let s: StreamHarness | null = null;
let h: CallHarness | null = null;
let deepgram: FakeDeepgram | null = null;
afterEach(async () => {
  await s?.stop();
  await h?.stop();
  await deepgram?.stop();
  s = h = deepgram = null;
});

const ANA = '+15555550177';
const STREAM_VOICE = { mode: 'stream', ttsVoice: 'aura-2-thalia-en', sttModel: 'nova-3' } as const;

async function speaking(harness: CallHarness, languages: ('en' | 'es')[]) {
  const config = await harness.run<any>('tenants/get', { tenantId: TENANT });
  const greeting = languages[0] === 'es' ? 'Gracias por llamar a Bright Smiles Dental. ¿En qué le puedo ayudar?' : config.greeting;
  await harness.run('tenants/save', { config: { ...config, languages, greeting, voice: STREAM_VOICE } });
}

describe('stream mode and Spanish callers', () => {
  it('a caller who presses 2 on a media stream goes on in gather mode, hearing the answer in Spanish with the es-MX voice', async () => {
    s = await startStreamHarness();
    await speaking(s.h, ['en', 'es']);
    const call = await s.call(ANA);
    expect(call.state).toBe('streaming');
    const leg = call.stream!;
    await s.replyPlayed(leg, 0);
    // The greeting offers Spanish in English, spoken by the stream's voice.
    expect(s.deepgram.speaks.map((t) => t.text).join(' ')).toMatch(/para español, oprima 2/i);
    const spokenBefore = s.deepgram.speaks.length;

    leg.press('2');
    leg.press('#');
    await leg.closed;
    await call.idle();
    expect(call.state).toBe('listening');
    // Nothing Spanish went to the English voice; Twilio says it, in Mexican Spanish.
    expect(s.deepgram.speaks).toHaveLength(spokenBefore);
    expect(call.heard().join(' ')).toMatch(/Con gusto, seguimos en español\. ¿En qué le puedo ayudar\?/);
    expect(call.lastTwiml).toMatch(/language="es-MX"/);
    expect(call.lastTwiml).toMatch(/voice="Polly\.Mia"/);

    // The call goes on in gather mode, in Spanish, from the same state; the record has each line once.
    await call.say('Quisiera dejar un mensaje', { confidence: 0.92 });
    expect(call.lastTwiml).toMatch(/language="es-MX"/);
    const record = await s.callRecord(call.sid);
    const spanishLines = record.transcript.filter((t: any) => /seguimos en español/.test(t.text));
    expect(spanishLines).toHaveLength(1);
    await call.hangup();
  }, 120_000);

  it('a practice that greets in Spanish streams in Spanish: the recognizer listens for es and a Spanish Aura voice speaks', async () => {
    s = await startStreamHarness();
    await speaking(s.h, ['es', 'en']);
    const call = await s.call(ANA);
    expect(call.state).toBe('streaming');
    const leg = call.stream!;
    await s.replyPlayed(leg, 0);
    expect(s.deepgram.listens[0]!.query.get('language')).toBe('es');
    expect(s.deepgram.speakSockets[0]!.query.get('model')).toBe('aura-2-estrella-es');
    expect(s.deepgram.speaks.map((r) => r.text).join(' ')).toMatch(/Gracias por llamar a Bright Smiles Dental/);

    await s.turn(leg, 'Quisiera dejar un mensaje');
    // Answered on the same stream, in Spanish, by the Spanish voice.
    expect(leg.isOpen).toBe(true);
    expect(s.deepgram.speakSockets).toHaveLength(1);
    expect(s.deepgram.speaks.at(-1)!.via).toBe('socket');
    await s.lastLineRecorded();
    const record = await s.callRecord(call.sid);
    expect(record.transcript.filter((t: any) => t.speaker === 'caller').map((t: any) => t.text)).toEqual(['Quisiera dejar un mensaje']);
    await call.hangup();
  }, 120_000);

  it('a Spanish caller who asks for English goes on in gather mode, answered in English by Twilio', async () => {
    s = await startStreamHarness();
    await speaking(s.h, ['es', 'en']);
    const call = await s.call(ANA);
    const leg = call.stream!;
    await s.replyPlayed(leg, 0);
    const spokenBefore = s.deepgram.speaks.length;
    // The stream may close before the clip's trailing silence is sent: not waiting for the last frame.
    void s.say(leg, 'in english please');
    await leg.closed;
    await call.idle();
    expect(call.state).toBe('listening');
    // Nothing English went to the Spanish voice; the answer is Twilio's, in English.
    expect(s.deepgram.speaks).toHaveLength(spokenBefore);
    expect(call.lastTwiml).toMatch(/language="en-US"/);
    const record = await s.callRecord(call.sid);
    expect(record.transcript.filter((t: any) => t.speaker === 'caller').map((t: any) => t.text)).toEqual(['in english please']);
    await call.hangup();
  }, 120_000);

  it('an English practice voice is never asked to read Spanish: the Spanish default stands in for it', async () => {
    expect(voiceFor('aura-2-thalia-en', 'es')).toBe('aura-2-estrella-es');
    expect(voiceFor('aura-2-thalia-en', 'en')).toBe('aura-2-thalia-en');
    expect(voiceFor('aura-2-nestor-es', 'es')).toBe('aura-2-nestor-es');
    expect(voiceFor('aura-2-nestor-es', 'en')).toBe('aura-2-thalia-en');
  });
});

describe('the Deepgram key lives in the vault', () => {
  it('a key set with secrets/set turns stream mode on for the next call, without a restart', async () => {
    deepgram = new FakeDeepgram(DEEPGRAM_KEY, { msPerCharacter: 12 });
    const url = await deepgram.start();
    // Only the base URL is configured: no key in the environment or on the command line.
    h = await startCallHarness({ deepgram: { url, apiKey: '' } });
    await speaking(h, ['en']);
    expect((await h.run<any>('health/get', {})).voice).toMatchObject({ deepgram: 'not-configured' });

    const before = await h.twilio.placeCall({ from: ANA, to: PRACTICE_NUMBER });
    expect(before.lastTwiml).not.toContain('<Connect>');
    await before.hangup();

    await h.run('secrets/set', { name: 'DEEPGRAM_API_KEY', value: DEEPGRAM_KEY });
    const after = await h.twilio.placeCall({ from: '+15555550188', to: PRACTICE_NUMBER });
    expect(after.state).toBe('streaming');
    await after.stream!.until(() => after.stream!.fromApp.some((m) => m.event === 'media'), 'the stream greeting');
    const health = await h.run<any>('health/get', {});
    expect(health.voice).toMatchObject({ deepgram: 'available' });
    expect(health.vendors).toMatchObject({ deepgram: 'configured' });
    expect(JSON.stringify(health)).not.toContain(DEEPGRAM_KEY);
    await after.hangup();
  }, 60_000);
});
