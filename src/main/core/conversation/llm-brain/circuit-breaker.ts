import type { Clock } from '../../kernel/index.js';
import type { LlmFailure } from './ports.js';

export interface BreakerStatus {
  state: 'closed' | 'open' | 'half_open';
  /** Epoch ms until which new calls stay on the rules brain. */
  openUntil: number | null;
  consecutiveFailures: number;
  lastFailure: { at: number; kind: string; message: string } | null;
}

/**
 * Keeps new calls on the rules brain while the LLM endpoint is failing: after `threshold` endpoint
 * failures in a row it opens for `cooldownMs` (or as long as a 429's retry-after asks), then lets
 * one call try (half-open); a success closes it. Calls already on the LLM fail over turn by turn.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil: number | null = null;
  private lastFailure: BreakerStatus['lastFailure'] = null;

  constructor(
    private readonly clock: Clock,
    private readonly options: { threshold: number; cooldownMs: number } = { threshold: 3, cooldownMs: 60_000 },
  ) {}

  /** Whether a new call may start on the LLM brain. */
  allowsNewCall(): boolean {
    return this.openUntil === null || this.clock.now() >= this.openUntil;
  }

  succeeded(): void {
    this.failures = 0;
    this.openUntil = null;
  }

  failed(failure: LlmFailure): void {
    const now = this.clock.now();
    this.failures += 1;
    this.lastFailure = { at: now, kind: failure.kind, message: failure.message };
    const halfOpen = this.openUntil !== null && now >= this.openUntil;
    if (failure.retryAfterMs !== null || halfOpen || this.failures >= this.options.threshold) {
      this.openUntil = now + Math.max(this.options.cooldownMs, failure.retryAfterMs ?? 0);
    }
  }

  status(): BreakerStatus {
    const now = this.clock.now();
    const state = this.openUntil === null ? 'closed' : now < this.openUntil ? 'open' : 'half_open';
    return { state, openUntil: state === 'open' ? this.openUntil : null, consecutiveFailures: this.failures, lastFailure: this.lastFailure };
  }
}
