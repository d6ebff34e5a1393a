import { afterEach, describe, expect, it } from 'vitest';
import { createDeepgramSpeech } from '../../src/main/infra/deepgram/deepgram-speech.js';
import { FakeDeepgram } from '../support/deepgram/fake-deepgram.js';

const KEY = 'dg-speak-socket-key';
const MS_PER_CHARACTER = 50;
let deepgram: FakeDeepgram | null = null;
afterEach(async () => {
  await deepgram?.stop();
  deepgram = null;
});

/** The fake's audio for a text: as long as a person would take to say it (at least 0.3 s). */
const audioBytesOf = (text: string) => Math.max(2400, Math.round(text.length * MS_PER_CHARACTER * 8));

async function bytesOf(audio: AsyncIterable<Uint8Array>, onChunk: () => void = () => {}): Promise<number> {
  let bytes = 0;
  for await (const chunk of audio) {
    bytes += chunk.length;
    onChunk();
  }
  return bytes;
}

describe("the speak socket through the real SDK (Deepgram's speak v1 protocol)", () => {
  it('sends Speak + Flush per sentence and gets each sentence its own audio, in order', async () => {
    deepgram = new FakeDeepgram(KEY, { msPerCharacter: MS_PER_CHARACTER });
    const { tts } = createDeepgramSpeech({ apiKey: () => KEY, baseUrl: await deepgram.start() });
    const failures: unknown[] = [];
    const voice = await tts.connect({ voice: 'aura-2-thalia-en', failed: (error) => failures.push(error) });
    const sentences = ['Thanks for calling.', 'How can I help you today?'];
    // Both sent at once, as a brain yields them: the audio still comes back sentence by sentence.
    const bytes = await Promise.all(sentences.map((text) => bytesOf(voice.synthesize(text, new AbortController().signal))));
    expect(bytes).toEqual(sentences.map(audioBytesOf));
    const socket = deepgram.speakSockets[0]!;
    expect(socket.control).toEqual([{ type: 'Speak', text: sentences[0] }, { type: 'Flush' }, { type: 'Speak', text: sentences[1] }, { type: 'Flush' }]);
    expect(Object.fromEntries(socket.query)).toEqual({ model: 'aura-2-thalia-en', encoding: 'mulaw', sample_rate: '8000' });
    voice.close();
    await new Promise((resolve) => socket.socket.once('close', resolve));
    expect(socket.control.at(-1)).toEqual({ type: 'Close' });
    expect(failures).toEqual([]);
  });

  it('a Clear drops the audio still arriving for the cleared sentence: the next sentence gets exactly its own', async () => {
    deepgram = new FakeDeepgram(KEY, { msPerCharacter: MS_PER_CHARACTER, slowSpeech: true });
    const { tts } = createDeepgramSpeech({ apiKey: () => KEY, baseUrl: await deepgram.start() });
    const failures: unknown[] = [];
    const voice = await tts.connect({ voice: 'aura-2-thalia-en', failed: (error) => failures.push(error) });
    const cutIn = new AbortController();
    const long = 'This sentence is long enough to be cut off well before its end.';
    const heardOfLong = await bytesOf(voice.synthesize(long, cutIn.signal), () => cutIn.abort());
    expect(heardOfLong).toBeLessThan(audioBytesOf(long));

    const next = 'Next one.';
    expect(await bytesOf(voice.synthesize(next, new AbortController().signal))).toBe(audioBytesOf(next));
    expect(deepgram.speakSockets[0]!.control.map((m) => m.type)).toEqual(['Speak', 'Flush', 'Clear', 'Speak', 'Flush']);
    expect(failures).toEqual([]);
    voice.close();
  });

  it('a dropped socket fails the sentence in flight and reports it; a refused one rejects the connect', async () => {
    deepgram = new FakeDeepgram(KEY, { msPerCharacter: MS_PER_CHARACTER, slowSpeech: true });
    const { tts } = createDeepgramSpeech({ apiKey: () => KEY, baseUrl: await deepgram.start() });
    const failures: unknown[] = [];
    const voice = await tts.connect({ voice: 'aura-2-thalia-en', failed: (error) => failures.push(error) });
    const audio = bytesOf(voice.synthesize('A sentence the socket will not finish.', new AbortController().signal), () => deepgram!.dropSpeakSockets());
    await expect(audio).rejects.toThrow(/closed the speak socket \(1011\)/);
    expect(failures).toHaveLength(1);
    await expect(bytesOf(voice.synthesize('Anything more?', new AbortController().signal))).rejects.toThrow(/1011/);
    await expect(tts.connect({ voice: 'aura-2-thalia-en', failed: () => {} })).rejects.toBeDefined();
  });
});
