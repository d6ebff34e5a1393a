import { describe, expect, it } from 'vitest';
import type { RecognizedTurn } from '../../../src/main/core/calls/index.js';
import { DIGIT_GRACE_MS, TurnAssembler, type LiveResult } from '../../../src/main/infra/deepgram/turn-assembler.js';

function result(text: string, start: number, flags: { is_final?: boolean; speech_final?: boolean }): LiveResult {
  const list = text.split(' ').filter(Boolean);
  return {
    ...flags,
    start,
    duration: list.length * 0.3,
    channel: { alternatives: [{ transcript: text, confidence: 0.9, words: list.map((word, i) => ({ word, start: start + i * 0.3, end: start + i * 0.3 + 0.25 })) }] },
  };
}

/** Timers moved by hand: the digit grace fires when the test says so. */
function harness() {
  const finals: RecognizedTurn[] = [];
  const interims: string[] = [];
  const pending: { fn: () => void; at: number }[] = [];
  let now = 0;
  const assembler = new TurnAssembler(
    { interim: (w) => interims.push(w.map((x) => x.word).join(' ')), final: (t) => finals.push(t) },
    { set: (fn, ms) => (pending.push({ fn, at: now + ms }), pending.at(-1)), clear: (h) => pending.splice(pending.indexOf(h as never), 1) },
  );
  const advance = (ms: number) => {
    now += ms;
    for (const t of pending.filter((p) => p.at <= now)) {
      pending.splice(pending.indexOf(t), 1);
      t.fn();
    }
  };
  return { assembler, finals, interims, advance };
}

describe('turning Deepgram results into caller turns', () => {
  it('joins is_final segments until speech_final: an is_final alone does not end the turn', () => {
    const { assembler, finals, interims } = harness();
    assembler.result(result('I need a', 0, {}));
    assembler.result(result('I need a cleaning', 0, { is_final: true }));
    expect(finals).toEqual([]);
    assembler.result(result('next Tuesday', 1.2, {}));
    assembler.result(result('next Tuesday afternoon', 1.2, { is_final: true, speech_final: true }));
    expect(finals.map((f) => f.text)).toEqual(['I need a cleaning next Tuesday afternoon']);
    expect(finals[0]!.speechEndedAtAudioSec).toBeCloseTo(1.2 + 0.6 + 0.25);
    expect(interims).toContain('I need a cleaning next Tuesday');
  });

  it('ends the turn on UtteranceEnd when endpointing never said speech_final', () => {
    const { assembler, finals } = harness();
    assembler.result(result('the second one', 0, { is_final: true }));
    assembler.utteranceEnd();
    assembler.utteranceEnd();
    expect(finals.map((f) => f.text)).toEqual(['the second one']);
  });

  it('waits a little longer when the turn ends in digits, and keeps the rest of the number', () => {
    const { assembler, finals, advance } = harness();
    assembler.result(result('my number is 555 555', 0, { is_final: true, speech_final: true }));
    expect(finals).toEqual([]);
    advance(DIGIT_GRACE_MS / 2);
    assembler.result(result('0199', 2, { is_final: true, speech_final: true }));
    advance(DIGIT_GRACE_MS);
    expect(finals.map((f) => f.text)).toEqual(['my number is 555 555 0199']);
  });

  it('ends a digit turn after the grace when nothing more comes', () => {
    const { assembler, finals, advance } = harness();
    assembler.result(result('at two', 0, { is_final: true, speech_final: true }));
    advance(DIGIT_GRACE_MS);
    expect(finals.map((f) => f.text)).toEqual(['at two']);
  });
});
