import { describe, expect, it } from 'vitest';
import { message } from '../../src/main/core/conversation/index.js';
import type { ModelScript, ModelStep } from '../support/openai/fake-openai-server.js';
import { LLM_TENANT as T, startLlmStreamHarness, useLlmHarness } from '../support/openai/llm-call-harness.js';
import { scriptedReceptionist } from '../support/openai/scripted-receptionist.js';

const ANN = '+15555550199';
const start = useLlmHarness(startLlmStreamHarness);

/** A gate the test opens: the fake model stops writing until then. */
function gate() {
  let open!: () => void;
  const until = new Promise<void>((resolve) => (open = resolve));
  return { until, open };
}

/** The good receptionist, except request `index` answers with `step`. */
function withStep(index: number, step: ModelStep): ModelScript {
  const good = scriptedReceptionist();
  return (request, i) => (i === index ? step : good(request, i));
}

type Harness = Awaited<ReturnType<typeof start>>;

const spoken = (s: Harness) => s.deepgram.speaks.map((r) => r.text);
const heardLine = (s: Harness, text: string) => s.h.nextEvent('call/transcript-appended', (p) => p.turn.speaker === 'receptionist' && p.turn.text === text);
const heardMatching = (s: Harness, pattern: RegExp) => s.h.nextEvent('call/transcript-appended', (p) => p.turn.speaker === 'receptionist' && pattern.test(p.turn.text));

async function receptionistLines(s: Harness, callSid: string): Promise<string[]> {
  const record = await s.callRecord(callSid);
  return record.transcript.filter((t: any) => t.speaker === 'receptionist').map((t: any) => t.text);
}

async function answeredCall(s: Harness) {
  const call = await s.call(ANN);
  const leg = call.stream!;
  await s.replyPlayed(leg, 0);
  return { call, leg };
}

describe('stream mode through the LLM brain (Media Streams, Deepgram and OpenAI faked at their protocols)', () => {
  it('the caller hears the first sentence while the model is still writing; the rest follows, then the tool result', async () => {
    const model = gate();
    const first = 'Let me look that up for you.';
    const s = await start(
      withStep(0, {
        kind: 'reply',
        text: `${first} I am checking the schedule now.`,
        toolCalls: [{ name: 'check_availability', args: { serviceId: 'cleaning', when: 'next Tuesday afternoon' } }],
        // The first sentence is complete once the next one has begun.
        pauseAfterChars: { chars: first.length + 2, until: model.until },
      }),
    );
    const { call, leg } = await answeredCall(s);
    await s.say(leg, 'I need a cleaning next Tuesday afternoon');

    // Synthesized, sent to Twilio and played (Twilio echoed its mark) while the model is paused mid-reply.
    await heardLine(s, first);
    expect(s.openai.finishedStreams).toBe(0);
    expect(spoken(s)).not.toContain('I am checking the schedule now.');
    expect(s.openai.requests).toHaveLength(1);

    model.open();
    await heardMatching(s, /Which would you like\?/);
    const lines = await receptionistLines(s, call.sid);
    expect(lines.slice(1)).toEqual([first, 'I am checking the schedule now.', expect.stringMatching(/^I have Tuesday, December 1 at 1:00 PM/), 'Which would you like?']);
    expect(spoken(s)).toEqual(lines);
    await call.hangup();
  }, 120_000);

  it('a slow first token gets the call\'s one filler, never the brain\'s own as well', async () => {
    const model = gate();
    const s = await start(withStep(0, { kind: 'reply', text: 'Sure, I can help with that. What day works for you?', firstTokenGate: model.until }), {
      sessionFillerAfterMs: 50,
      limits: { fillerAfterMs: 10 },
    });
    const { call, leg } = await answeredCall(s);
    await s.say(leg, 'I need a cleaning');
    await heardLine(s, message('en', 'call.fillerChecking'));
    model.open();
    await heardLine(s, 'What day works for you?');
    expect((await receptionistLines(s, call.sid)).slice(1)).toEqual([message('en', 'call.fillerChecking'), 'Sure, I can help with that.', 'What day works for you?']);
    expect(spoken(s)).not.toContain(message('en', 'llm.filler'));
    await call.hangup();
  }, 120_000);

  it('a sentence with an invented time is never spoken; the sentence before it is, and the model is asked again', async () => {
    const s = await start(scriptedReceptionist({ inventTime: { time: '10:00 AM', times: 'once' } }));
    const { call, leg } = await answeredCall(s);
    await s.say(leg, 'I need a cleaning next Tuesday afternoon');
    await heardMatching(s, /Which would you like\?/);
    const lines = await receptionistLines(s, call.sid);
    expect(lines.slice(1)).toEqual(['Sure.', expect.stringMatching(/^I have Tuesday, December 1 at 1:00 PM/), 'Which would you like?']);
    expect(spoken(s).join(' ')).not.toMatch(/10(:00)? ?AM/i);
    // The model was told what the caller heard and that its reply was not spoken.
    expect(s.openai.requests[1]!.body.messages.at(-2)).toEqual({ role: 'assistant', content: 'Sure.' });
    expect(s.openai.requests[1]!.body.messages.at(-1)!.content).toMatch(/Your reply was not spoken: it mentioned 10:00/);
    await call.hangup();
  }, 120_000);

  it('an endpoint that fails mid-sentence: what was heard stays, the rules brain carries on, nothing said twice or lost', async () => {
    const s = await start(withStep(0, { kind: 'reply', text: 'Let me check the schedule for you. One moment while I look at Tuesday.', cutAfterEvents: 8 }));
    const { call, leg } = await answeredCall(s);
    await s.say(leg, 'I need a cleaning next Tuesday afternoon');
    await heardMatching(s, /On Tuesday, December 1st, I have 1 PM, 2 PM, or 3 PM/);
    await s.replyPlayed(leg, 0);
    const lines = await receptionistLines(s, call.sid);
    expect(lines[1]).toBe('Let me check the schedule for you.');
    expect(lines.slice(2).join(' ')).toMatch(/^On Tuesday, December 1st, I have 1 PM, 2 PM, or 3 PM/);
    expect(lines.join(' ')).not.toMatch(/One moment while I look/);
    expect(spoken(s)).toEqual(lines);
    expect(new Set(lines).size).toBe(lines.length);
    // The rules brain keeps the call: it books the rest without asking the model again.
    const asked = s.openai.requests.length;
    for (const line of ['the first one', 'Ann Lee', 'yes']) await s.turn(leg, line);
    expect(await s.h.run<any[]>('bookings/list', { tenantId: T, statuses: ['confirmed'] })).toMatchObject([{ start: '2026-12-01T13:00:00-05:00' }]);
    expect(s.openai.requests.length).toBe(asked);
    await call.hangup();
  }, 120_000);

  it('the caller cutting in while the model writes abandons the turn: its hold is given back, its tool calls never run', async () => {
    const model = gate();
    const first = 'All right, I am holding that one for you.';
    // Requests: 0 check times, 1 offer, 2 hold the first, 3 (after the hold) the read-back, paused.
    const good = scriptedReceptionist();
    const script: ModelScript = (request, i) =>
      i === 3
        ? {
            kind: 'reply',
            text: `${first} Shall I book it now?`,
            toolCalls: [{ name: 'book_appointment', args: { holdId: 'whatever', customerName: 'Ann Lee' } }],
            pauseAfterChars: { chars: first.length + 2, until: model.until },
          }
        : good(request, i);
    const s = await start(script);
    const { call, leg } = await answeredCall(s);
    await s.turn(leg, 'I need a cleaning next Tuesday afternoon');
    await s.say(leg, 'the first one');
    await heardLine(s, first);
    expect(await s.h.run<any[]>('bookings/list', { tenantId: T, statuses: ['held'] })).toHaveLength(1);

    await s.say(leg, 'actually wait, what time do you open on Saturday');
    await leg.until(() => s.openai.requests.length === 5, 'the next turn to reach the model');
    model.open();
    expect(await s.h.run<any[]>('bookings/list', { tenantId: T, statuses: ['held', 'confirmed', 'pending_review'] })).toEqual([]);
    const detail = await s.h.run<any>('calls/get', { tenantId: T, callId: (await s.callRecord(call.sid)).id });
    expect(detail.actions.map((a: any) => a.action)).toEqual(['check_availability', 'hold_slot']);
    expect(spoken(s)).not.toContain('Shall I book it now?');
    // The abandoned turn kept no state: the next request continues from the last completed turn.
    const next = s.openai.requests[4]!.body.messages;
    expect(next.at(-1)).toEqual({ role: 'user', content: 'actually wait, what time do you open on Saturday' });
    expect(next.at(-2)!.content).toMatch(/Which would you like\?$/);
    await call.hangup();
  }, 120_000);

  it('the caller cutting into a finished reply: the model remembers only what was heard', async () => {
    const long = 'We are open Monday to Friday from eight in the morning. On Saturdays we see patients in the morning only. We are closed on Sundays.';
    const s = await start(withStep(0, { kind: 'reply', text: long }), { msPerCharacter: 70, leadMs: 1_000 });
    const { call, leg } = await answeredCall(s);
    const since = leg.fromApp.length;
    await s.say(leg, 'when are you open');
    await leg.until(() => leg.fromApp.slice(since).filter((m) => m.event === 'media').length >= 60, 'the reply to be playing');
    // The turn itself is over (its latency is on record only once it was answered, not abandoned): only the playing is cut.
    while ((await s.callRecord(call.sid)).latency.length < 2) await leg.pause(20);
    await s.say(leg, 'sorry, I meant on Saturday');
    await leg.until(() => s.openai.requests.length === 2, 'the next turn to reach the model');
    const remembered = s.openai.requests[1]!.body.messages.at(-2)!;
    expect(remembered.role).toBe('assistant');
    expect(remembered.content).toMatch(/\[interrupted by the caller\]$/);
    expect(long.startsWith(remembered.content!.replace(' [interrupted by the caller]', ''))).toBe(true);
    expect(remembered.content!.length).toBeLessThan(long.length);
    await call.hangup();
  }, 120_000);
});
