import type { Clock } from '../../src/main/core/kernel/index.js';

/** A clock tests move by hand: no sleeps, no flakiness. */
export class FakeClock implements Clock {
  constructor(private current: number) {}

  static at(iso: string): FakeClock {
    return new FakeClock(Date.parse(iso));
  }

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(iso: string): void {
    this.current = Date.parse(iso);
  }
}
