import { MINUTE_MS, MINUTES_PER_DAY } from './local-time.js';
import type { OpenSpan } from './schedule-rules.js';

/**
 * Visits, in increasing order, every candidate start in `span` (wall-clock times anchor + k·step,
 * the anchor being the working interval's opening; see zone-calendar.ts for the DST rules) whose visit of `durationMs` fits inside the span and
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
  for (let minute = span.anchorMinute; minute < MINUTES_PER_DAY; minute += stepMinutes) {
    const start = day.wallInstant(minute);
    if (start === null) continue; // skipped by the spring-forward gap
    if (start + durationMs > span.end) break; // wall instants only grow with the wall time
    if (start >= span.start && start >= notBefore) visit(start);
  }
}
