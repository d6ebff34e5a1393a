import type { Clock } from '../kernel/index.js';

export interface RateLimit {
  max: number;
  windowMs: number;
}

/**
 * Sliding-window counts per key, on the clock port. Keeps only timestamps inside the window, so
 * memory is bounded by (calls per window) × (keys active in the window).
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: RateLimit,
    private readonly clock: Clock,
  ) {}

  /** Counts a hit and says whether it is within the limit. */
  allow(key: string): boolean {
    const now = this.clock.now();
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - this.limit.windowMs);
    if (recent.length >= this.limit.max) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.prune(now);
    return true;
  }

  private prune(now: number): void {
    for (const [key, times] of this.hits) if (!times.some((t) => t > now - this.limit.windowMs)) this.hits.delete(key);
  }
}

/** A person rarely calls the same practice more than a few times in ten minutes; a loop does. */
export const CALLER_LIMIT: RateLimit = { max: 6, windowMs: 10 * 60_000 };
/** Far above what a practice's lines carry; it stops a flood before it reaches the brain. */
export const TENANT_LIMIT: RateLimit = { max: 120, windowMs: 60_000 };
