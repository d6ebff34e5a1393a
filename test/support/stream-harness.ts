import type { AppDeps } from '../../src/main/app/create-app.js';
import type { AppConfig } from '../../src/main/app/index.js';
import { phraseAudio } from './audio/phrase-audio.js';
import { startCallHarness, PRACTICE_NUMBER, type CallHarness } from './call-harness.js';
import { FakeDeepgram } from './deepgram/fake-deepgram.js';
import type { MediaStreamLeg } from './twilio/media-stream-leg.js';
import type { SimulatedCall } from './twilio/simulated-twilio.js';

export const DEEPGRAM_KEY = 'dg-test-key-0123456789';
export const TENANT = 'bright-smiles';

/**
 * The running appliance with the demo practice in stream mode, Deepgram faked at its protocol
 * (the real SDK talks to it), and Twilio simulated down to the media socket.
 */
export async function startStreamHarness(options: { msPerCharacter?: number; slowSpeech?: boolean; deps?: AppDeps; config?: Partial<AppConfig> } = {}) {
  const deepgram = new FakeDeepgram(DEEPGRAM_KEY, { msPerCharacter: options.msPerCharacter ?? 12, slowSpeech: options.slowSpeech ?? false });
  const url = await deepgram.start();
  const h: CallHarness = await startCallHarness({ deepgram: { url, apiKey: DEEPGRAM_KEY }, ...(options.deps ? { deps: options.deps } : {}), ...(options.config ? { config: options.config } : {}) });
  const config = await h.run<any>('tenants/get', { tenantId: TENANT });
  await h.run('tenants/save', { config: { ...config, voice: { mode: 'stream', ttsVoice: 'aura-2-thalia-en', sttModel: 'nova-3' } } });

  const callRecord = async (callSid: string) => {
    const calls = await h.run<any[]>('calls/list-recent', { tenantId: TENANT });
    const summary = calls.find((c) => c.callSid === callSid);
    return h.run<any>('calls/get', { tenantId: TENANT, callId: summary.id });
  };

  return {
    h,
    deepgram,
    callRecord,
    /** Resolves once the receptionist's last sentence so far is in the transcript (it is recorded when Twilio's mark says it played). */
    async lastLineRecorded(): Promise<void> {
      const last = deepgram.speaks.at(-1)!.text;
      await h.nextEvent('call/transcript-appended', (p) => p.turn.text === last);
    },
    /** A caller rings the practice; the answer is a media stream. */
    async call(from: string): Promise<SimulatedCall> {
      return h.twilio.placeCall({ from, to: PRACTICE_NUMBER });
    },
    /** Resolves when the receptionist has answered since `since` (messages from the app) and all of it has played. */
    async replyPlayed(leg: MediaStreamLeg, since: number): Promise<void> {
      await leg.until(() => leg.fromApp.slice(since).some((m) => m.event === 'media'), 'the receptionist to answer');
      await leg.until(() => leg.drained, 'the answer to play to the end');
    },
    /** The caller says a phrase (real speech) that the fake recognizer knows the text of. */
    async say(leg: MediaStreamLeg, text: string): Promise<void> {
      const audio = phraseAudio(text);
      deepgram.learn(audio, text);
      await leg.say(audio);
    },
    /** Says a phrase and waits for the whole answer to play. */
    async turn(leg: MediaStreamLeg, text: string): Promise<void> {
      const since = leg.fromApp.length;
      await this.say(leg, text);
      await this.replyPlayed(leg, since);
    },
    async stop() {
      await h.stop();
      await deepgram.stop();
    },
  };
}

export type StreamHarness = Awaited<ReturnType<typeof startStreamHarness>>;
