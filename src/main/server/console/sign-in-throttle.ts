import type { Clock, Logger } from '../../core/kernel/index.js';

/**
 * How hard password guessing is made, per source (an IP address, or whatever the caller keys by).
 * The defaults let a person mistype a few times unhindered; a guesser waits longer after every
 * miss and is locked out after a handful, so a password cannot be found by trying.
 */
export interface SignInLimits {
  /** Misses allowed back to back before any delay. */
  freeFailures: number;
  /** The delay after the first miss beyond the free ones; it doubles with every further miss. */
  baseDelayMs: number;
  /** The delay never grows beyond this (until the lockout takes over). */
  maxDelayMs: number;
  /** This many misses within `failureWindowMs` lock the source out. */
  lockoutFailures: number;
  lockoutMs: number;
  /** Misses older than this (counted from the latest) are forgotten. */
  failureWindowMs: number;
  /** At most this many sources are remembered; the longest-quiet ones are forgotten first. */
  maxSources: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  freeFailures: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  lockoutFailures: 10,
  lockoutMs: 15 * 60_000,
  failureWindowMs: 15 * 60_000,
  maxSources: 10_000,
};

export interface SignInVerdict {
  /** False: refuse without checking the password. */
  allowed: boolean;
  /** When `allowed` is false, how long until the next attempt is considered (0 when allowed). */
  retryAfterMs: number;
}

interface SourceState {
  failures: number;
  lastFailureAt: number;
  /** No attempt is considered before this instant (a delay or a lockout). */
  blockedUntil: number;
  lockedOut: boolean;
}

/**
 * Throttles sign-in attempts per source: a growing delay after each miss and a lockout after
 * repeated misses. Callers ask `check` before verifying a password and refuse without verifying
 * when it says no, then report the outcome with `recordFailure` / `recordSuccess`. Every miss and
 * every lockout is logged with the source and the count, never with what was tried.
 */
export class SignInThrottle {
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly limits: SignInLimits;
  /** Insertion order doubles as recency: a touched source is moved to the end. */
  private readonly sources = new Map<string, SourceState>();

  constructor(options: { clock: Clock; logger: Logger } & Partial<SignInLimits>) {
    const { clock, logger, ...limits } = options;
    this.clock = clock;
    this.logger = logger;
    this.limits = { ...DEFAULT_SIGN_IN_LIMITS, ...stripUndefined(limits) };
  }

  check(source: string): SignInVerdict {
    const state = this.current(source);
    if (!state) return { allowed: true, retryAfterMs: 0 };
    const wait = state.blockedUntil - this.clock.now();
    return wait > 0 ? { allowed: false, retryAfterMs: wait } : { allowed: true, retryAfterMs: 0 };
  }

  recordFailure(source: string): void {
    const now = this.clock.now();
    const previous = this.current(source);
    const failures = (previous?.failures ?? 0) + 1;
    const { freeFailures, baseDelayMs, maxDelayMs, lockoutFailures, lockoutMs } = this.limits;
    const lockedOut = failures >= lockoutFailures;
    const delay = lockedOut ? lockoutMs : failures <= freeFailures ? 0 : Math.min(maxDelayMs, baseDelayMs * 2 ** (failures - freeFailures - 1));
    this.remember(source, { failures, lastFailureAt: now, blockedUntil: now + delay, lockedOut });
    if (lockedOut && !previous?.lockedOut) {
      this.logger.warn({ source, failures, lockoutMs }, 'console sign-in locked out after repeated wrong passwords');
    } else {
      this.logger.warn({ source, failures, retryAfterMs: delay }, 'console sign-in failed');
    }
  }

  recordSuccess(source: string): void {
    const state = this.sources.get(source);
    if (!state) return;
    this.sources.delete(source);
    this.logger.info({ source, failuresBefore: state.failures }, 'console sign-in succeeded after failures');
  }

  /** The state of `source`, or null once its misses are old enough to forget. */
  private current(source: string): SourceState | null {
    const state = this.sources.get(source);
    if (!state) return null;
    const now = this.clock.now();
    const expired = state.lockedOut ? now >= state.blockedUntil : now - state.lastFailureAt >= this.limits.failureWindowMs;
    if (!expired) return state;
    this.sources.delete(source);
    return null;
  }

  private remember(source: string, state: SourceState): void {
    this.sources.delete(source);
    this.sources.set(source, state);
    while (this.sources.size > this.limits.maxSources) {
      const oldest = this.sources.keys().next().value;
      if (oldest === undefined) break;
      this.sources.delete(oldest);
    }
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
