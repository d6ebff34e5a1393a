import type { Clock } from '../core/kernel/index.js';

/**
 * Real time, optionally pinned: with FRONTDESK_NOW the clock starts at that instant and runs on
 * at real speed, so demos and tests see a fixed "today" while timeouts still elapse.
 */
export function createSystemClock(pinnedStart: number | null): Clock {
  if (pinnedStart === null) return { now: () => Date.now() };
  const offset = pinnedStart - Date.now();
  return { now: () => Date.now() + offset };
}
