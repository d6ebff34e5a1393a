import type { BusyInterval } from './types.js';

/**
 * One provider's busy time, sorted and merged once so that a run of increasing candidates is
 * checked with a single forward sweep instead of a scan of every interval per candidate.
 */
export class BusyTimeline {
  private readonly starts: number[];
  private readonly ends: number[];
  private cursor = 0;
  private lastFrom = Number.NEGATIVE_INFINITY;

  constructor(intervals: readonly { start: number; end: number }[]) {
    const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
    this.starts = [];
    this.ends = [];
    for (const { start, end } of sorted) {
      const last = this.ends.length - 1;
      const lastEnd = this.ends[last];
      if (lastEnd !== undefined && start <= lastEnd) {
        if (end > lastEnd) this.ends[last] = end;
      } else {
        this.starts.push(start);
        this.ends.push(end);
      }
    }
  }

  /** Splits a mixed list into one timeline per provider. */
  static byProvider(busy: readonly BusyInterval[], providerIds: readonly string[]): Map<string, BusyTimeline> {
    const grouped = new Map<string, BusyInterval[]>(providerIds.map((id) => [id, []]));
    for (const interval of busy) grouped.get(interval.providerId)?.push(interval);
    return new Map([...grouped].map(([id, intervals]) => [id, new BusyTimeline(intervals)]));
  }

  /** Whether [from, to) meets any busy time. Fastest when `from` never decreases between calls. */
  overlaps(from: number, to: number): boolean {
    if (from < this.lastFrom) this.cursor = this.firstEndingAfter(from);
    this.lastFrom = from;
    const ends = this.ends;
    let i = this.cursor;
    while (i < ends.length && (ends[i] as number) <= from) i++;
    this.cursor = i;
    const start = this.starts[i];
    return start !== undefined && start < to;
  }

  private firstEndingAfter(instant: number): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.ends[mid] as number) <= instant) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
