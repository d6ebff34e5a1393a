import type { DayHours, Provider, TenantConfig } from '../../../../shared/contract/index.js';
import { addDays, parseClock } from './local-time.js';
import type { TimeSpan } from './types.js';
import type { LocalDay } from './zone-calendar.js';
import { ZoneCalendar } from './zone-calendar.js';

/** One stretch in which a provider can see someone, after closures, special hours and time off. */
export interface OpenSpan extends TimeSpan {
  day: LocalDay;
  /**
   * What the clock reads when the working interval opens: the slot grid steps from here. Time
   * off, bookings and calendar busy time cut slots out of the grid but never shift it, so a caller
   * is offered the same times whatever happens to be blocked around them.
   */
  anchorMinute: number;
}

/** Why a day has the hours it has; lets messages name the cause. */
export type DayHoursSource =
  | { kind: 'closure'; reason: string | undefined }
  | { kind: 'special'; reason: string | undefined }
  | { kind: 'provider' }
  | { kind: 'practice' };

type SpecialHours = TenantConfig['specialHours'][number];

/**
 * The tenant's weekly rules turned into real instants, for the dates of one query. Time off is
 * converted only where it can touch those dates, so a long history of time off costs nothing.
 */
export class ScheduleRules {
  readonly calendar: ZoneCalendar;
  private readonly special = new Map<string, SpecialHours>();
  private readonly singleClosures = new Map<string, string | undefined>();
  private readonly rangeClosures: { from: string; to: string; reason: string | undefined }[] = [];
  private readonly timeOff = new Map<string, TimeSpan[]>();
  private readonly parsedHours = new WeakMap<DayHours, [number, number][]>();

  constructor(
    readonly tenant: TenantConfig,
    /** Local dates the caller will ask about (inclusive); time off outside is ignored. */
    private readonly fromDate: string,
    private readonly toDate: string,
  ) {
    this.calendar = new ZoneCalendar(tenant.timezone);
    for (const s of tenant.specialHours) this.special.set(s.date, s);
    for (const c of tenant.closures) {
      if ('date' in c) this.singleClosures.set(c.date, c.reason);
      else this.rangeClosures.push({ from: c.from, to: c.to, reason: c.reason });
    }
  }

  hoursOn(provider: Provider, day: LocalDay): { hours: DayHours; source: DayHoursSource } {
    const closure = this.closureOn(day.date);
    if (closure) return { hours: [], source: { kind: 'closure', reason: closure.reason } };
    const special = this.special.get(day.date);
    if (special) return { hours: special.hours, source: { kind: 'special', reason: special.reason } };
    if (provider.hours) return { hours: provider.hours[day.weekday], source: { kind: 'provider' } };
    return { hours: this.tenant.hours[day.weekday], source: { kind: 'practice' } };
  }

  /** The provider's open spans on `date`, in time order. */
  openSpans(provider: Provider, date: string): OpenSpan[] {
    const day = this.calendar.day(date);
    const { hours } = this.hoursOn(provider, day);
    if (hours.length === 0) return [];
    const offs = this.timeOffOf(provider);
    const spans: OpenSpan[] = [];
    for (const [from, to] of this.minutesOf(hours)) {
      const start = day.ruleInstant(from);
      const end = day.ruleInstant(to);
      if (end <= start) continue; // both ends inside one spring-forward gap
      const anchorMinute = day.minuteOf(start);
      let cursor = start;
      for (const off of offs) {
        if (off.end <= cursor) continue;
        if (off.start >= end) break;
        if (off.start > cursor) spans.push({ day, start: cursor, end: off.start, anchorMinute });
        cursor = Math.max(cursor, off.end);
        if (cursor >= end) break;
      }
      if (cursor < end) spans.push({ day, start: cursor, end, anchorMinute });
    }
    return spans;
  }

  /** Parsed once per hours list: the same weekly list serves every provider and every week. */
  private minutesOf(hours: DayHours): [number, number][] {
    let minutes = this.parsedHours.get(hours);
    if (!minutes) {
      // The schema keeps a day's intervals in order; sorting anyway keeps the sweep sound for a hand-built config.
      minutes = hours.map(([from, to]): [number, number] => [parseClock(from), parseClock(to)]).sort((a, b) => a[0] - b[0]);
      this.parsedHours.set(hours, minutes);
    }
    return minutes;
  }

  closureOn(date: string): { reason: string | undefined } | undefined {
    if (this.singleClosures.has(date)) return { reason: this.singleClosures.get(date) };
    return this.rangeClosures.find((c) => c.from <= date && date <= c.to);
  }

  /** Sorted by start; may overlap each other, which the cut above tolerates. */
  private timeOffOf(provider: Provider): TimeSpan[] {
    let spans = this.timeOff.get(provider.id);
    if (!spans) {
      // Only the dates matter for this coarse cut (a day either side is plenty for any offset);
      // the exact overlap falls out of the instants.
      const first = addDays(this.fromDate, -1);
      const last = addDays(this.toDate, 1);
      spans = provider.timeOff
        .filter((t) => t.to.slice(0, 10) >= first && t.from.slice(0, 10) <= last)
        .map((t) => ({ start: this.calendar.localDateTimeInstant(t.from), end: this.calendar.localDateTimeInstant(t.to) }))
        .filter((t) => t.end > t.start)
        .sort((a, b) => a.start - b.start);
      this.timeOff.set(provider.id, spans);
    }
    return spans;
  }
}
