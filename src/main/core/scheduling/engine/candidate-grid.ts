import { MINUTE_MS, MINUTES_PER_DAY } from './local-time.js';
import type { OpenSpan } from './schedule-rules.js';

/**
 * Visits, in increasing order, every candidate start in `span` (instants whose wall clock is on the
 * step grid, see zone-calendar.ts for the DST rules) whose visit of `durationMs` fits inside the span and
 * which is not before `notBefore`. A callback rather than an array: this is the engine's hot loop.
 */
export function forEachGridStart(
  span: OpenSpan,
  stepMinutes: number,
  durationMs: number,
  notBefore: number,
  visit: (start: number) => void,
): void {
  const { day } = span;
  if (day.uniform) {
    // One offset all day: wall-clock steps are real-time steps, no conversion per candidate.
    const stepMs = stepMinutes * MINUTE_MS;
    let start = span.start;
    if (notBefore > start) start += Math.ceil((notBefore - start) / stepMs) * stepMs;
    for (; start + durationMs <= span.end; start += stepMs) visit(start);
    return;
  }
  // A change day: a grid wall time may not exist (gap) or may name two instants (repeated hour);
  // every instant inside the span is a candidate once, visited in time order.
  const starts: number[] = [];
  for (let minute = span.anchorMinute % stepMinutes; minute < MINUTES_PER_DAY; minute += stepMinutes) {
    for (const start of day.wallInstants(minute)) {
      if (start >= span.start && start >= notBefore && start + durationMs <= span.end) starts.push(start);
    }
  }
  starts.sort((a, b) => a - b);
  for (const start of starts) visit(start);
}
