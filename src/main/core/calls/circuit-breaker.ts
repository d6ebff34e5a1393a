import type { Clock } from '../kernel/index.js';

/**
 * Guards a vendor the call path depends on (Deepgram): after a failure, new calls skip it for a
 * cool-down and use the fallback; the first call after the cool-down tries it again (half-open),
 * and a success closes the breaker.
 */
export class CircuitBreaker {
  private openUntil: number | null = null;
  private lastErrorText: string | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly coolDownMs = 30_000,
    private readonly onChange: () => void = () => {},
  ) {}

  /** Whether a new call should try the vendor now. */
  allows(): boolean {
    return this.openUntil === null || this.clock.now() >= this.openUntil;
  }

  succeeded(): void {
    if (this.openUntil === null && this.lastErrorText === null) return;
    this.openUntil = null;
    this.lastErrorText = null;
    this.onChange();
  }

  failed(error: unknown): void {
    this.openUntil = this.clock.now() + this.coolDownMs;
    this.lastErrorText = error instanceof Error ? error.message : String(error);
    this.onChange();
  }

  get retryAt(): number | null {
    return this.allows() ? null : this.openUntil;
  }

  get lastError(): string | null {
    return this.lastErrorText;
  }
}
