import { describe, expect, it } from 'vitest';
import { DEFAULT_BARGE_IN, isInterruption, type HeardWord } from '../../../src/main/core/calls/index.js';

const words = (...spec: [string, number, number][]): HeardWord[] => spec.map(([word, start, end]) => ({ word, start, end }));

describe('barge-in gate', () => {
  it('lets backchannels and noise through without interrupting', () => {
    expect(isInterruption(words(['mm-hmm', 0, 0.4]), DEFAULT_BARGE_IN)).toBe(false);
    expect(isInterruption(words(['okay', 0, 0.3], ['yeah', 0.3, 0.6]), DEFAULT_BARGE_IN)).toBe(false);
    expect(isInterruption(words(['Uh-huh.', 0, 0.9]), DEFAULT_BARGE_IN)).toBe(false);
    expect(isInterruption([], DEFAULT_BARGE_IN)).toBe(false);
  });

  it('interrupts on two real words, or one held long enough', () => {
    expect(isInterruption(words(['wait', 0, 0.3], ['Tuesday', 0.3, 0.7]), DEFAULT_BARGE_IN)).toBe(true);
    expect(isInterruption(words(['no', 0, 0.3]), DEFAULT_BARGE_IN)).toBe(false);
    expect(isInterruption(words(['noooo', 0, 0.8]), DEFAULT_BARGE_IN)).toBe(true);
    expect(isInterruption(words(['okay', 0, 0.3], ['stop', 0.3, 0.5]), { minWords: 1, minSpeechMs: 10_000 })).toBe(true);
  });
});
