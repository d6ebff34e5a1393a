import { DateTime, IANAZone } from 'luxon';
import type { Weekday } from '../../../../shared/contract/index.js';
import { MINUTE_MS, MINUTES_PER_DAY, addDays, localDateOf, weekdayOf } from './local-time.js';

const DAY_MS = MINUTES_PER_DAY * MINUTE_MS;

/**
 * Wall-clock ↔ instant conversion for one tenant zone. These are the engine's DST semantics,
 * and the tests' brute-force reference re-derives them independently:
 *
 * 1. A rule time T on date d ("09:00", "24:00", a time-off bound) is the first instant at which
 *    the clock on d reads T or later. So an ordinary time is just that instant; a time in the
 *    repeated hour of a fall-back day is its first occurrence; a time in a spring-forward gap is
 *    the instant of the jump (an opening at 02:30 opens when the clocks jump to 03:00); "24:00"
 *    is the first instant of the next day.
 * 2. Candidate starts are the instants whose wall clock reads a time on the step grid (a time t
 *    with t ≡ anchor mod step, anchor = what the clock reads when the working interval opens; time
 *    off, bookings and busy time remove slots but never move the anchor) and that lie inside an
 *    open span. A wall time that does not exist (spring-forward gap) is skipped.
 *    A wall time that occurs twice (the repeated hour of a fall-back day) names two distinct
 *    instants an hour apart, and each is a free hour of real time, so each is offered once, in time
 *    order: 01:30 EDT, then 01:00 EST, 01:30 EST. A start given without an offset inside that hour
 *    is ambiguous and is refused with both offsets named (see parseInstant).
 * 3. Durations, buffers and interval bounds are real elapsed time between instants: a 60-minute
 *    visit starting 01:30 on a spring-forward day ends at 03:30 by the clock.
 *
 * Luxon decides where the day starts and ends and whether its offset changes. On the vast majority
 * of days it does not, and then a wall minute is that many real minutes after the day's first
 * instant; only transition days pay for a Luxon conversion per wall time.
 */
export class LocalDay {
  constructor(
    readonly date: string,
    readonly weekday: Weekday,
    /** First instant of the day. */
    readonly start: number,
    /** First instant of the next day. */
    readonly end: number,
    /** True when the zone keeps one offset for the whole day. */
    readonly uniform: boolean,
    private readonly zone: string,
  ) {}

  /** The instant the clock first reads `minute`, or null when that wall time does not exist. */
  wallInstant(minute: number): number | null {
    return this.wallInstants(minute)[0] ?? null;
  }

  /** Every instant the clock reads `minute` (rule 2): none in a gap, two in a repeated hour, in time order. */
  wallInstants(minute: number): number[] {
    if (minute < 0 || minute >= MINUTES_PER_DAY) return [];
    if (this.uniform) return [this.start + minute * MINUTE_MS];
    const [year, month, day] = this.date.split('-').map(Number);
    const hour = Math.floor(minute / 60);
    const dt = DateTime.fromObject({ year, month, day, hour, minute: minute % 60 }, { zone: this.zone });
    // Luxon moves a non-existent wall time forward out of the gap; that is how we detect the gap.
    if (dt.toISODate() !== this.date || dt.hour !== hour || dt.minute !== minute % 60) return [];
    const possible = dt.getPossibleOffsets().map((candidate) => candidate.toMillis());
    const all = possible.length > 0 ? possible : [dt.toMillis()];
    return [...new Set(all)].filter((instant) => this.contains(instant)).sort((a, b) => a - b);
  }

  /** Rule 1: the first instant at which the clock on this day reads `minute` or later. */
  ruleInstant(minute: number): number {
    if (this.uniform) return this.start + Math.min(minute, MINUTES_PER_DAY) * MINUTE_MS;
    for (let m = minute; m < MINUTES_PER_DAY; m++) {
      const instant = this.wallInstant(m);
      if (instant !== null) return instant;
    }
    return this.end;
  }

  /** What the clock reads at `instant` (which must lie within this day), in whole minutes. */
  minuteOf(instant: number): number {
    if (this.uniform) return Math.floor((instant - this.start) / MINUTE_MS);
    const dt = DateTime.fromMillis(instant, { zone: this.zone });
    return dt.hour * 60 + dt.minute;
  }

  contains(instant: number): boolean {
    return instant >= this.start && instant < this.end;
  }
}

/** Builds and caches the `LocalDay`s one query touches; create one per query (no global state). */
export class ZoneCalendar {
  private readonly days = new Map<string, LocalDay>();
  private readonly starts = new Map<string, number>();
  private readonly ianaZone: IANAZone;

  constructor(readonly zone: string) {
    this.ianaZone = IANAZone.create(zone);
    if (!this.ianaZone.isValid) throw new RangeError(`unknown time zone "${zone}"`);
  }

  day(date: string): LocalDay {
    let day = this.days.get(date);
    if (!day) {
      const start = this.startOf(date);
      const next = addDays(date, 1);
      // The usual day: one offset from its first instant until 24 hours later, when the clock
      // reads the next midnight. Zones change offset at most once a day, so equal offsets at both
      // ends mean no change in between; a change at midnight itself fails the midnight check.
      const guess = start + DAY_MS;
      const uniform = this.ianaZone.offset(start) === this.ianaZone.offset(guess - 1) && this.readsMidnightOf(guess, next);
      if (uniform && !this.starts.has(next)) this.starts.set(next, guess);
      day = new LocalDay(date, weekdayOf(date), start, uniform ? guess : this.startOf(next), uniform, this.zone);
      this.days.set(date, day);
    }
    return day;
  }

  dayContaining(instant: number): LocalDay {
    return this.day(localDateOf(instant, this.zone));
  }

  /** A local "YYYY-MM-DDTHH:MM" as an instant, by rule 1. */
  localDateTimeInstant(value: string): number {
    const date = value.slice(0, 10);
    const minute = Number(value.slice(11, 13)) * 60 + Number(value.slice(14, 16));
    return this.day(date).ruleInstant(minute);
  }

  /** The first instant of `date`. */
  private startOf(date: string): number {
    let start = this.starts.get(date);
    if (start === undefined) {
      // Midnight can itself fall in a gap in a few zones; Luxon then lands on the first real
      // instant. Where midnight repeats, the day starts at its first occurrence.
      const dt = DateTime.fromISO(date, { zone: this.zone });
      if (!dt.isValid) throw new RangeError(`not a date "YYYY-MM-DD": ${date}`);
      start = dt.toMillis();
      for (const possible of dt.getPossibleOffsets()) start = Math.min(start, possible.toMillis());
      this.starts.set(date, start);
    }
    return start;
  }

  private readsMidnightOf(instant: number, date: string): boolean {
    const dt = DateTime.fromMillis(instant, { zone: this.zone });
    return dt.hour === 0 && dt.minute === 0 && dt.second === 0 && dt.millisecond === 0 && dt.toISODate() === date;
  }
}
