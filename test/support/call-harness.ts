import { createApp, type App, type AppConfig } from '../../src/main/app/index.js';
import type { AppDeps } from '../../src/main/app/create-app.js';
import type { AnyEvent } from '../../src/shared/contract/index.js';
import { FakeClock } from './fake-clock.js';
import { makeTempDir } from './temp-dir.js';
import { testConfig, TEST_AUTH_TOKEN } from './test-config.js';
import { SimulatedTwilio } from './twilio/simulated-twilio.js';

export const PUBLIC_URL = 'https://frontdesk.example.com';
export const ACCOUNT_SID = 'AC00000000000000000000000000000000';
export const PRACTICE_NUMBER = '+15555550123';

/**
 * The running appliance (real HTTP, real SQLite) with a simulated Twilio signing as Twilio does
 * over the public URL, a hand-moved clock, and every contract event recorded.
 */
export async function startCallHarness(options: { now?: string; deps?: AppDeps; apiBase?: string; dir?: string; deepgram?: { url: string; apiKey: string }; config?: Partial<AppConfig> } = {}) {
  // A given data folder outlives the harness (a restart test reopens it); a fresh one is removed.
  const { dir, cleanup } = options.dir ? { dir: options.dir, cleanup: () => {} } : makeTempDir();
  const clock = FakeClock.at(options.now ?? '2026-11-23T14:00:00Z');
  const config = testConfig(dir, { publicUrl: PUBLIC_URL, serveConsole: false, ...options.config });
  config.twilio = { accountSid: ACCOUNT_SID, authToken: TEST_AUTH_TOKEN, apiBase: options.apiBase ?? null };
  if (options.deepgram) {
    const { url, apiKey } = options.deepgram;
    config.deepgram = { apiKey: () => apiKey, baseUrl: url };
  }
  const app: App = createApp(config, { clock, ...options.deps });
  const events: AnyEvent[] = [];
  app.subscribe((e) => events.push(e));
  const { webhookUrl } = await app.start();
  const webhookBase = webhookUrl.replace(/\/twilio\/voice$/, '');
  const twilio = new SimulatedTwilio({ webhookBase, publicUrl: PUBLIC_URL, authToken: TEST_AUTH_TOKEN, accountSid: ACCOUNT_SID });
  const run = async <T = any>(name: string, input: unknown): Promise<T> => {
    const result = await app.dispatch(name, input, { actor: 'test', transport: 'internal' });
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.output as T;
  };
  return {
    app,
    clock,
    dir,
    events,
    twilio,
    webhookBase,
    run,
    /** Places a call and has the caller say each line in turn; returns the call. */
    async converse(from: string, lines: (string | { say: string; confidence: number })[]) {
      const call = await twilio.placeCall({ from, to: PRACTICE_NUMBER });
      for (const line of lines) {
        if (call.state !== 'listening') throw new Error(`call is ${call.state} before "${typeof line === 'string' ? line : line.say}"; heard: ${call.transcript.join(' | ')}`);
        if (typeof line === 'string') await call.say(line, { confidence: 0.93 });
        else await call.say(line.say, { confidence: line.confidence });
      }
      return call;
    },
    /** Resolves at the first event that matches (events already seen count too). */
    nextEvent<N extends AnyEvent['name']>(name: N, match: (payload: Extract<AnyEvent, { name: N }>['payload']) => boolean = () => true) {
      const seen = events.find((e) => e.name === name && match(e.payload as never));
      if (seen) return Promise.resolve(seen.payload as Extract<AnyEvent, { name: N }>['payload']);
      return new Promise<Extract<AnyEvent, { name: N }>['payload']>((resolve) => {
        const off = app.subscribe((e) => {
          if (e.name === name && match(e.payload as never)) {
            off();
            resolve(e.payload as never);
          }
        });
      });
    },
    async stop() {
      await app.stop();
      cleanup();
    },
  };
}

export type CallHarness = Awaited<ReturnType<typeof startCallHarness>>;
