import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from '../../../src/main/core/calls/rate-limiter.js';
import { FakeClock } from '../../support/fake-clock.js';

describe('SlidingWindowLimiter', () => {
  it('allows up to max per window per key, then recovers as the window slides', () => {
    const clock = FakeClock.at('2026-11-23T14:00:00Z');
    const limiter = new SlidingWindowLimiter({ max: 3, windowMs: 60_000 }, clock);
    expect([limiter.allow('a'), limiter.allow('a'), limiter.allow('a'), limiter.allow('a')]).toEqual([true, true, true, false]);
    expect(limiter.allow('b')).toBe(true);
    clock.advance(59_999);
    expect(limiter.allow('a')).toBe(false);
    clock.advance(1);
    expect(limiter.allow('a')).toBe(true);
  });
});
