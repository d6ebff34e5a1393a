import { readFileSync } from 'node:fs';
import { afterEach } from 'vitest';
import type { LlmLimits } from '../../../src/main/core/conversation/index.js';
import { startCallHarness, type CallHarness } from '../call-harness.js';
import { startStreamHarness, type StreamHarness } from '../stream-harness.js';
import { FakeOpenAiServer, type ModelScript } from './fake-openai-server.js';

export const LLM_TENANT = 'bright-smiles';
export const TEST_KEY = 'sk-test-0123456789';

export interface LlmHarnessOptions {
  limits?: Partial<LlmLimits>;
  brain?: 'rules' | 'llm';
  edit?: (practice: any) => void;
}

/** Generous bounds by default: a busy machine must not turn a slow fake into a failover. */
const llmLimits = (options: LlmHarnessOptions): Partial<LlmLimits> => ({ fillerAfterMs: 60_000, firstTokenTimeoutMs: 20_000, turnTimeoutMs: 30_000, ...options.limits });
const llmConfig = (openai: FakeOpenAiServer) => ({ llm: { apiKey: TEST_KEY, baseUrl: openai.baseUrl, model: 'fake-model' } });

/** The appliance with OPENAI_BASE_URL pointing at the fake and the demo practice on the LLM brain (gather mode). */
export async function startLlmCallHarness(script: ModelScript, options: LlmHarnessOptions = {}) {
  const openai = await new FakeOpenAiServer(script).start();
  const h: CallHarness = await startCallHarness({ config: llmConfig(openai), deps: { llmLimits: llmLimits(options) } });
  const practice = JSON.parse(readFileSync(new URL('../../../resources/demo-practice.json', import.meta.url), 'utf8'));
  practice.brain = options.brain ?? 'llm';
  options.edit?.(practice);
  await h.run('tenants/save', { config: practice });
  return {
    h,
    openai,
    async stop() {
      await h.stop();
      await openai.stop();
    },
  };
}

/** The same in stream mode: Media Streams, Deepgram faked at its protocol, the LLM brain behind. */
export async function startLlmStreamHarness(script: ModelScript, options: LlmHarnessOptions & { msPerCharacter?: number; sessionFillerAfterMs?: number; leadMs?: number } = {}) {
  const openai = await new FakeOpenAiServer(script).start();
  const s: StreamHarness = await startStreamHarness({
    config: llmConfig(openai),
    // The call's own filler only where a test asks for it: a busy machine must not add one.
    deps: { llmLimits: llmLimits(options), mediaStream: { fillerAfterMs: options.sessionFillerAfterMs ?? 60_000, ...(options.leadMs ? { leadMs: options.leadMs } : {}) } },
    ...(options.msPerCharacter ? { msPerCharacter: options.msPerCharacter } : {}),
  });
  const practice = await s.h.run<any>('tenants/get', { tenantId: LLM_TENANT });
  practice.brain = options.brain ?? 'llm';
  options.edit?.(practice);
  await s.h.run('tenants/save', { config: practice });
  return {
    ...s,
    openai,
    async stop() {
      await s.stop();
      await openai.stop();
    },
  };
}

/**
 * One harness per test, stopped after it: `const start = useLlmHarness(startLlmCallHarness)` in a
 * test file, then `const { h, openai } = await start(script)` in each test.
 */
export function useLlmHarness<O, H extends { stop(): Promise<void> }>(starter: (script: ModelScript, options?: O) => Promise<H>) {
  let running: H | undefined;
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });
  return async (script: ModelScript, options?: O): Promise<H> => {
    running = await starter(script, options);
    return running;
  };
}
