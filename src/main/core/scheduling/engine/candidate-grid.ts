import { MINUTE_MS, MINUTES_PER_DAY } from './local-time.js';
import type { OpenSpan } from './schedule-rules.js';

/** Longer than any clock change repeats (one hour almost everywhere). */
const REPEAT_LOOKBACK_MINUTES = 180;

/**
 * Visits, in increasing order, every candidate start in `span` (instants whose wall clock is on the
 * step grid anchored at the working interval's opening, see zone-calendar.ts for the DST rules) whose visit of `durationMs` fits inside the span and
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
    const anchor = day.start + span.anchorMinute * MINUTE_MS;
    const first = Math.max(span.start, notBefore);
    let start = anchor;
    if (first > start) start += Math.ceil((first - start) / stepMs) * stepMs;
    for (; start + durationMs <= span.end; start += stepMs) visit(start);
    return;
  }
  // A change day: a grid wall time may not exist (gap) or may name two instants (repeated hour);
  // every instant inside the span is a candidate once, visited in time order.
  // A second occurrence reads at most a few hours less than the anchor, and first occurrences
  // only grow with the wall time, so the walk starts a little before the anchor and stops once
  // even a first occurrence ends past the span.
  const starts: number[] = [];
  const firstMinute = span.anchorMinute - stepMinutes * Math.floor(Math.min(span.anchorMinute, REPEAT_LOOKBACK_MINUTES) / stepMinutes);
  for (let minute = firstMinute; minute < MINUTES_PER_DAY; minute += stepMinutes) {
    const instants = day.wallInstants(minute);
    if (instants.length > 0 && (instants[0] as number) + durationMs > span.end) break;
    for (const start of instants) {
      if (start >= span.start && start >= notBefore && start + durationMs <= span.end) starts.push(start);
    }
  }
  starts.sort((a, b) => a - b);
  for (const start of starts) visit(start);
}
