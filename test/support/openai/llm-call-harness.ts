import { readFileSync } from 'node:fs';
import type { LlmLimits } from '../../../src/main/core/conversation/index.js';
import { startCallHarness, type CallHarness } from '../call-harness.js';
import { FakeOpenAiServer, type ModelScript } from './fake-openai-server.js';

export const LLM_TENANT = 'bright-smiles';
export const TEST_KEY = 'sk-test-0123456789';

/** The appliance with OPENAI_BASE_URL pointing at the fake and the demo practice on the LLM brain. */
export async function startLlmCallHarness(script: ModelScript, options: { limits?: Partial<LlmLimits>; brain?: 'rules' | 'llm'; edit?: (practice: any) => void } = {}) {
  const openai = await new FakeOpenAiServer(script).start();
  const h: CallHarness = await startCallHarness({
    config: { llm: { apiKey: TEST_KEY, baseUrl: openai.baseUrl, model: 'fake-model' } },
    deps: { llmLimits: { fillerAfterMs: 60_000, firstTokenTimeoutMs: 20_000, turnTimeoutMs: 30_000, ...options.limits } },
  });
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
