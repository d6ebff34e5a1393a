import { describe, expect, it } from 'vitest';
import type { ModelScript, ModelStep } from '../support/openai/fake-openai-server.js';
import { LLM_TENANT as T, startLlmCallHarness, TEST_KEY, useLlmHarness } from '../support/openai/llm-call-harness.js';
import { scriptedReceptionist } from '../support/openai/scripted-receptionist.js';

const ANN = '+15555550199';
const start = useLlmHarness(startLlmCallHarness);

/** The good receptionist until request `from`, then `step` for every request after. */
function failingFrom(from: number, step: ModelStep): ModelScript {
  const good = scriptedReceptionist();
  return (request, index) => (index >= from ? step : good(request, index));
}

const RULES_OFFER = /On Tuesday, December 1st, I have 1 PM, 2 PM, or 3 PM/;

describe('failover: the caller never hears silence', () => {
  it('an endpoint that fails mid-call (500) leaves the caller with the rules brain, which books the rest of the call', async () => {
    const { h, openai } = await start(failingFrom(2, { kind: 'status', status: 500 }));
    const call = await h.converse(ANN, ['I need a cleaning next Tuesday afternoon']);
    expect(call.heard().join(' ')).toMatch(/I have Tuesday, December 1 at 1:00 PM/);
    await call.say('the first one', { confidence: 0.93 });
    const afterFailure = call.heard();
    expect(afterFailure.length).toBeGreaterThan(0);
    expect(call.state).toBe('listening');
    const requestsAtFailure = openai.requests.length;
    for (const line of ['a cleaning next Tuesday afternoon', 'the first one', 'Ann Lee', 'yes']) {
      if (/name/i.test(call.transcript.at(-1) ?? '') || line !== 'Ann Lee') await call.say(line, { confidence: 0.93 });
    }
    expect(call.transcript.join(' ')).toMatch(/You're all set for your teeth cleaning on Tuesday, December 1st at 1 PM/);
    // The rules brain keeps the call: the failing endpoint is not asked again.
    expect(openai.requests.length).toBe(requestsAtFailure);
    const bookings = await h.run<any[]>('bookings/list', { tenantId: T, statuses: ['confirmed', 'pending_review'] });
    expect(bookings).toMatchObject([{ start: '2026-12-01T13:00:00-05:00' }]);
  });

  it.each<[string, ModelStep]>([
    ['a 500', { kind: 'status', status: 500 }],
    ['a malformed tool call (arguments that are not JSON)', { kind: 'reply', toolCalls: [{ name: 'check_availability', args: '{"serviceId": "clea' }] }],
    ['a tool the router does not have', { kind: 'reply', toolCalls: [{ name: 'delete_all_bookings', args: {} }] }],
    ['a data line that is not JSON', { kind: 'garbage' }],
    ['a stream that stops mid-way', { kind: 'reply', text: 'Let me look that up for you. One second while I check.', cutAfterEvents: 4 }],
    ['no first token before the deadline', { kind: 'hang' }],
  ])('%s: the rules brain answers the same words at once', async (_name, step) => {
    const { h } = await start(() => step, { limits: { firstTokenTimeoutMs: 300 } });
    const call = await h.converse(ANN, ['I need a cleaning next Tuesday afternoon']);
    expect(call.heard().join(' ')).toMatch(RULES_OFFER);
    expect(call.state).toBe('listening');
  });

  it('a 429 with retry-after opens the circuit: health shows it and new calls start on the rules brain until it passes', async () => {
    const { h, openai } = await start(failingFrom(0, { kind: 'status', status: 429, retryAfterSeconds: 120 }));
    const first = await h.converse(ANN, ['I need a cleaning next Tuesday afternoon']);
    expect(first.heard().join(' ')).toMatch(RULES_OFFER);
    await first.hangup();
    const health = await h.run<any>('health/get', {});
    expect(health.llm).toMatchObject({ configured: true, model: 'fake-model', circuit: 'open', consecutiveFailures: 1, lastFailure: { kind: 'rate_limited' } });
    expect(health.llm.openUntil).toBe(h.clock.now() + 120_000);
    expect(JSON.stringify(health)).not.toContain(TEST_KEY);

    const asked = openai.requests.length;
    const second = await h.converse('+15555550142', ['I need a cleaning next Tuesday afternoon']);
    expect(second.heard().join(' ')).toMatch(RULES_OFFER);
    expect(openai.requests.length).toBe(asked);
    await second.hangup();

    h.clock.advance(121_000);
    openai.script = scriptedReceptionist();
    expect((await h.run<any>('health/get', {})).llm.circuit).toBe('half_open');
    const third = await h.converse('+15555550143', ['I need a cleaning next Tuesday afternoon']);
    expect(third.heard().join(' ')).toMatch(/I have Tuesday, December 1 at 1:00 PM/);
    expect((await h.run<any>('health/get', {})).llm.circuit).toBe('closed');
  });

  it('three endpoint failures in a row open the circuit for new calls', async () => {
    const { h } = await start(() => ({ kind: 'status', status: 503 }));
    for (const from of ['+15555550161', '+15555550162', '+15555550163']) {
      const call = await h.converse(from, ['what are your hours']);
      await call.hangup();
    }
    expect((await h.run<any>('health/get', {})).llm).toMatchObject({ circuit: 'open', consecutiveFailures: 3, lastFailure: { kind: 'server_error' } });
  });

  it('a practice on the rules brain never reaches the endpoint', async () => {
    const { h, openai } = await start(scriptedReceptionist(), { brain: 'rules' });
    const call = await h.converse(ANN, ['I need a cleaning next Tuesday afternoon']);
    expect(call.heard().join(' ')).toMatch(RULES_OFFER);
    expect(openai.requests).toHaveLength(0);
  });
});
