import type { Clock, Logger } from '../../core/kernel/index.js';

export interface SignInThrottleLimits {
  /** Failures a source may have before each further attempt must wait. */
  freeFailures: number;
  /** The first wait after the free failures; each further failure doubles it. */
  initialDelayMs: number;
  /** The wait never grows past this. */
  maxDelayMs: number;
  /** Failures after which the source is locked out for `lockoutMs`. */
  lockoutAfter: number;
  lockoutMs: number;
  /** A source that stays quiet this long starts over. */
  forgetAfterMs: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInThrottleLimits = {
  freeFailures: 3,
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  lockoutAfter: 10,
  lockoutMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
};

export interface SignInThrottleOptions extends Partial<SignInThrottleLimits> {
  clock: Clock;
  logger: Logger;
}

interface SourceState {
  failures: number;
  lastFailureAt: number;
  /** No attempt is heard before this instant. */
  blockedUntil: number;
}

/**
 * Slows password guessing per source (a remote address, or the desktop window): a few free
 * tries, then a doubling wait, then a lockout. Pure bookkeeping over the clock port, so tests
 * move a fake clock instead of sleeping.
 */
export class SignInThrottle {
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly limits: SignInThrottleLimits;
  private readonly sources = new Map<string, SourceState>();

  constructor(options: SignInThrottleOptions) {
    const { clock, logger, ...limits } = options;
    this.clock = clock;
    this.logger = logger;
    this.limits = { ...DEFAULT_SIGN_IN_LIMITS, ...limits };
  }

  check(source: string): { allowed: boolean; retryAfterMs: number } {
    const state = this.current(source);
    if (!state) return { allowed: true, retryAfterMs: 0 };
    const wait = state.blockedUntil - this.clock.now();
    return wait > 0 ? { allowed: false, retryAfterMs: wait } : { allowed: true, retryAfterMs: 0 };
  }

  recordFailure(source: string): void {
    const now = this.clock.now();
    const state = this.current(source) ?? { failures: 0, lastFailureAt: now, blockedUntil: 0 };
    state.failures += 1;
    state.lastFailureAt = now;
    const { freeFailures, initialDelayMs, maxDelayMs, lockoutAfter, lockoutMs } = this.limits;
    if (state.failures >= lockoutAfter) {
      state.blockedUntil = now + lockoutMs;
      this.logger.warn({ source, failures: state.failures, lockedForMs: lockoutMs }, 'sign-in locked out for this source');
    } else if (state.failures > freeFailures) {
      const delay = Math.min(maxDelayMs, initialDelayMs * 2 ** (state.failures - freeFailures - 1));
      state.blockedUntil = now + delay;
      this.logger.warn({ source, failures: state.failures, delayMs: delay }, 'sign-in slowed down after repeated failures');
    } else {
      this.logger.info({ source, failures: state.failures }, 'sign-in failed');
    }
    this.sources.set(source, state);
  }

  recordSuccess(source: string): void {
    this.sources.delete(source);
  }

  private current(source: string): SourceState | undefined {
    const state = this.sources.get(source);
    if (state && this.clock.now() - state.lastFailureAt > this.limits.forgetAfterMs && state.blockedUntil <= this.clock.now()) {
      this.sources.delete(source);
      return undefined;
    }
    return state;
  }
}
