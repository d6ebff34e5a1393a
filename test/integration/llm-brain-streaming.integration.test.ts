import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/app/create-core.js';
import { CircuitBreaker, LlmBrain, message, LlmFailure, PracticeBrain, RulesBrain, understand, type LlmLimits, type TurnInput } from '../../src/main/core/conversation/index.js';
import { createLogger } from '../../src/main/infra/logging.js';
import { createOpenAiLlmClient } from '../../src/main/infra/openai/openai-llm-client.js';
import { FakeClock } from '../support/fake-clock.js';
import { FakeOpenAiServer, reply, type ModelScript } from '../support/openai/fake-openai-server.js';
import { makeTempDir } from '../support/temp-dir.js';
import { testConfig } from '../support/test-config.js';

const KEY = 'sk-stream-test-42';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(script: ModelScript, limits: Partial<LlmLimits> = {}) {
  const openai = await new FakeOpenAiServer(script).start();
  const { dir, cleanup } = makeTempDir();
  const clock = FakeClock.at('2026-11-23T14:00:00Z');
  const core: Core = createCore(testConfig(dir), { clock });
  core.seedDemoIfEmpty();
  cleanups.push(cleanup, () => core.close(), () => openai.stop());
  const client = createOpenAiLlmClient({ apiKey: () => KEY, baseUrl: openai.baseUrl, model: 'fake-model' });
  const usage: { promptTokens: number; completionTokens: number }[] = [];
  const llm = new LlmBrain({ client, usage: { record: (e) => usage.push(e) }, upcoming: () => [], logger: createLogger('silent'), limits: { fillerAfterMs: 60_000, firstTokenTimeoutMs: 20_000, turnTimeoutMs: 30_000, ...limits } });
  const tenant = core.tenants.get('bright-smiles').config;
  const input = (text: string, extra: Partial<TurnInput<unknown>> = {}): TurnInput<any> => ({
    state: llm.initialState(),
    utterance: { kind: 'speech', text, confidence: 0.9 },
    tenant: { ...tenant, brain: 'llm' },
    caller: { phone: '+15555550199', customer: null },
    callId: 'call-stream-1',
    turn: 1,
    now: clock.now(),
    actions: core.actions,
    ...extra,
  });
  return { openai, core, llm, client, usage, input };
}

describe('the LLM brain streaming (real SDK against the fake)', () => {
  it('speaks a filler when the first token is slow, then the sentences as they come; the filler is not in the record', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { llm, input } = await setup(() => ({ kind: 'reply', text: 'Sure, I can help with that. What day works for you?', firstTokenGate: gate }), { fillerAfterMs: 20 });
    const heard: string[] = [];
    const result = await llm.turn(
      input('I need a cleaning', {
        onSentence: (s) => {
          heard.push(s);
          if (s === message('en', 'llm.filler')) release();
        },
      }),
    );
    expect(heard).toEqual([message('en', 'llm.filler'), 'Sure, I can help with that.', 'What day works for you?']);
    expect(result.say).toEqual(['Sure, I can help with that.', 'What day works for you?']);
  });

  it('stops acting the moment its turn is cancelled: a tool call after the first sentence never runs', async () => {
    const { llm, core, input } = await setup(() => reply('Okay, holding that time now.', [{ name: 'hold_slot', args: { serviceId: 'cleaning', providerId: 'maria', start: '2026-11-24T15:00' } }]));
    const controller = new AbortController();
    const result = await llm.turn(input('book it', { signal: controller.signal, onSentence: () => controller.abort() }));
    expect(result.say).toEqual(['Okay, holding that time now.']);
    expect(result.next).toBe('listen');
    expect(core.bookings.list('bright-smiles', {})).toEqual([]);
    expect(result.state.messages.at(-1)).toEqual({ role: 'assistant', content: 'Okay, holding that time now.' });
  });

  it('streaming failover: what the caller already heard stays said, and the rules brain carries on from the same words', async () => {
    const { llm, input } = await setup(() => ({ kind: 'reply', text: 'Let me check the schedule for you. One moment while I look at Tuesday.', cutAfterEvents: 8 }));
    const clock = FakeClock.at('2026-11-23T14:00:00Z');
    const brain = new PracticeBrain({ rules: new RulesBrain({ understand }), llm, breaker: new CircuitBreaker(clock), llmConfigured: () => true, logger: createLogger('silent') });
    const heard: string[] = [];
    const start = await brain.turn({ ...input('', { utterance: { kind: 'start' } }), state: brain.initialState() });
    const result = await brain.turn({ ...input('I need a cleaning next Tuesday afternoon', { onSentence: (s) => heard.push(s) }), state: start.state });
    expect(heard[0]).toBe('Let me check the schedule for you.');
    expect(heard).toEqual(result.say);
    expect(result.say.join(' ')).toMatch(/On Tuesday, December 1st, I have 1 PM, 2 PM, or 3 PM/);
    expect(result.state).toMatchObject({ active: 'rules', failedOver: 'unreachable' });
  });

  it('the practice brain streams too: pieces as they are ready (fillers marked), the result as the return value', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { llm, input } = await setup(() => ({ kind: 'reply', text: 'Sure. What day works for you?', firstTokenGate: gate }), { fillerAfterMs: 20 });
    const brain = new PracticeBrain({ rules: new RulesBrain({ understand }), llm, breaker: new CircuitBreaker(FakeClock.at('2026-11-23T14:00:00Z')), llmConfigured: () => true, logger: createLogger('silent') });
    const start = await brain.turn({ ...input('', { utterance: { kind: 'start' } }), state: brain.initialState() });
    const run = brain.pieces({ ...input('I need a cleaning'), state: start.state });
    const pieces = [];
    for (;;) {
      const step = await run.next();
      if (step.done) {
        expect(step.value).toMatchObject({ next: 'listen', say: [], state: { active: 'llm', failedOver: null } });
        break;
      }
      pieces.push(step.value);
      if (step.value.filler) release();
    }
    expect(pieces).toEqual([
      { text: message('en', 'llm.filler'), filler: true },
      { text: 'Sure.', filler: false },
      { text: 'What day works for you?', filler: false },
    ]);
  });

  it('sends the key as a bearer token and never retries: one request per failure, and a 429\'s retry-after is kept', async () => {
    const { openai, client } = await setup(() => ({ kind: 'status', status: 429, retryAfterSeconds: 7 }));
    const failure = await collect(client.stream({ model: 'm', messages: [{ role: 'user', content: 'hi' }], tools: [], maxTokens: 50 }, new AbortController().signal)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(LlmFailure);
    expect(failure).toMatchObject({ kind: 'rate_limited', retryAfterMs: 7000 });
    expect(openai.requests).toHaveLength(1);
    expect(openai.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('puts split tool-call deltas back together by index and reports usage', async () => {
    const { client } = await setup(() => ({
      kind: 'reply',
      text: 'Checking.',
      toolCalls: [
        { name: 'check_availability', args: { serviceId: 'cleaning', when: 'next Tuesday afternoon' } },
        { name: 'find_appointments', args: {} },
      ],
      usage: { prompt: 321, completion: 12 },
    }));
    const chunks = await collect(client.stream({ model: 'm', messages: [{ role: 'user', content: 'hi' }], tools: [], maxTokens: 50 }, new AbortController().signal));
    const argsFragments = chunks.filter((c) => c.kind === 'tool_call' && c.index === 0 && c.arguments).length;
    expect(argsFragments).toBeGreaterThan(3);
    const { ToolCallAccumulator } = await import('../../src/main/core/conversation/llm-brain/tool-calls.js');
    const acc = new ToolCallAccumulator();
    for (const c of chunks) if (c.kind === 'tool_call') acc.add(c);
    expect(acc.complete(new Set(['check_availability', 'find_appointments'])).map((c) => [c.call.function.name, c.args])).toEqual([
      ['check_availability', { serviceId: 'cleaning', when: 'next Tuesday afternoon' }],
      ['find_appointments', {}],
    ]);
    expect(chunks.filter((c) => c.kind === 'finish')).toEqual([{ kind: 'finish', reason: 'tool_calls' }]);
    expect(chunks.at(-1)).toEqual({ kind: 'usage', promptTokens: 321, completionTokens: 12 });
  });

  it('without a key or a local base URL it is not configured and says so', async () => {
    const client = createOpenAiLlmClient({ apiKey: () => null, baseUrl: null, model: 'm' });
    expect(client.endpoint()).toEqual({ baseUrl: 'https://api.openai.com/v1', defaultModel: 'm', configured: false });
    await expect(collect(client.stream({ model: 'm', messages: [], tools: [], maxTokens: 5 }, new AbortController().signal))).rejects.toMatchObject({ kind: 'not_configured' });
  });
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
