import { describe, expect, it } from 'vitest';
import type { Logger } from '../../../src/main/core/kernel/index.js';
import { SignInThrottle } from '../../../src/main/server/console/sign-in-throttle.js';
import { FakeClock } from '../../support/fake-clock.js';

function recordingLogger() {
  const lines: { level: string; obj: Record<string, unknown>; msg: string | undefined }[] = [];
  const logger: Logger = {
    child: () => logger,
    debug: (obj, msg) => lines.push({ level: 'debug', obj: obj as Record<string, unknown>, msg }),
    info: (obj, msg) => lines.push({ level: 'info', obj: obj as Record<string, unknown>, msg }),
    warn: (obj, msg) => lines.push({ level: 'warn', obj: obj as Record<string, unknown>, msg }),
    error: (obj, msg) => lines.push({ level: 'error', obj: obj as Record<string, unknown>, msg }),
  };
  return { logger, lines };
}

function throttle(limits: Partial<ConstructorParameters<typeof SignInThrottle>[0]> = {}) {
  const clock = FakeClock.at('2026-11-23T14:00:00Z');
  const { logger, lines } = recordingLogger();
  return { clock, lines, throttle: new SignInThrottle({ clock, logger, ...limits }) };
}

describe('SignInThrottle', () => {
  it('lets a person mistype a few times, then makes each further try wait longer', () => {
    const { clock, throttle: t } = throttle({ freeFailures: 3, baseDelayMs: 1_000, maxDelayMs: 8_000, lockoutFailures: 100 });
    for (let i = 0; i < 3; i++) {
      expect(t.check('10.0.0.5')).toEqual({ allowed: true, retryAfterMs: 0 });
      t.recordFailure('10.0.0.5');
    }
    expect(t.check('10.0.0.5').allowed).toBe(true);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      t.recordFailure('10.0.0.5');
      const verdict = t.check('10.0.0.5');
      expect(verdict.allowed).toBe(false);
      waits.push(verdict.retryAfterMs);
      clock.advance(verdict.retryAfterMs);
      expect(t.check('10.0.0.5').allowed).toBe(true);
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
  });

  it('keeps sources apart: one guesser does not slow anyone else', () => {
    const { throttle: t } = throttle({ freeFailures: 0 });
    t.recordFailure('10.0.0.5');
    expect(t.check('10.0.0.5').allowed).toBe(false);
    expect(t.check('10.0.0.6').allowed).toBe(true);
  });

  it('locks a source out after repeated misses, for the lockout period', () => {
    const { clock, lines, throttle: t } = throttle({ lockoutFailures: 10, lockoutMs: 15 * 60_000 });
    for (let i = 0; i < 10; i++) t.recordFailure('10.0.0.5');
    expect(t.check('10.0.0.5')).toEqual({ allowed: false, retryAfterMs: 15 * 60_000 });
    clock.advance(15 * 60_000 - 1);
    expect(t.check('10.0.0.5').allowed).toBe(false);
    clock.advance(1);
    expect(t.check('10.0.0.5').allowed).toBe(true);
    expect(lines.filter((l) => l.msg?.includes('locked out'))).toHaveLength(1);
  });

  it('refuses the sixtieth wrong password in a minute without it being checked', () => {
    const { clock, throttle: t } = throttle();
    let checked = 0;
    for (let attempt = 1; attempt <= 60; attempt++) {
      clock.advance(1_000);
      if (!t.check('10.0.0.5').allowed) continue;
      checked++;
      t.recordFailure('10.0.0.5');
    }
    expect(t.check('10.0.0.5').allowed).toBe(false);
    expect(checked).toBeLessThanOrEqual(10);
  });

  it('forgets misses after a success or after the window', () => {
    const { clock, throttle: t } = throttle({ freeFailures: 1, failureWindowMs: 60_000 });
    t.recordFailure('a');
    t.recordFailure('a');
    t.recordSuccess('a');
    t.recordFailure('a');
    expect(t.check('a').allowed).toBe(true);
    clock.advance(60_000);
    t.recordFailure('a');
    expect(t.check('a').allowed).toBe(true);
  });

  it('logs every miss and the lockout with the source and count, never a password', () => {
    const { lines, throttle: t } = throttle({ lockoutFailures: 3 });
    for (let i = 0; i < 3; i++) t.recordFailure('10.0.0.5');
    expect(lines.map((l) => [l.level, l.msg, l.obj.source, l.obj.failures])).toEqual([
      ['warn', 'console sign-in failed', '10.0.0.5', 1],
      ['warn', 'console sign-in failed', '10.0.0.5', 2],
      ['warn', 'console sign-in locked out after repeated wrong passwords', '10.0.0.5', 3],
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/password"/);
  });

  it('remembers a bounded number of sources', () => {
    const { throttle: t } = throttle({ maxSources: 2, freeFailures: 0 });
    t.recordFailure('a');
    t.recordFailure('b');
    t.recordFailure('c');
    expect(t.check('a').allowed).toBe(true);
    expect(t.check('c').allowed).toBe(false);
  });
});
