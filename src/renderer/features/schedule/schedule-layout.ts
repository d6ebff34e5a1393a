import type { BookingDto, BookingStatus } from '../../../shared/contract/scheduling.js';
import type { TenantConfig } from '../../../shared/contract/tenant.js';
import { addDays, formatDay, formatDayLong, formatMinuteOfDay, localDateOfIso, minuteOfDay, parseClockMinutes, startOfWeek, weekdayKey } from '../../components/wall-clock.js';

export type ScheduleView = 'day' | 'week';

/** The week view's provider choice that shows everyone: each day one column, bookings side by side where they overlap. */
export const ALL_PROVIDERS = 'all';

/** What the schedule draws: the living bookings and the visits that happened (or did not). */
export const SCHEDULE_STATUSES = ['confirmed', 'pending_review', 'held', 'arrived', 'completed', 'no_show'] as const satisfies readonly BookingStatus[];

/** [start, end) in minutes since local midnight. */
export type MinuteSpan = readonly [number, number];

const DAY_MINUTES = 24 * 60;
const DEFAULT_WINDOW: MinuteSpan = [8 * 60, 18 * 60];

/** The local dates a view shows: the day itself, or Monday to Sunday of its week. */
export function visibleDates(view: ScheduleView, anchor: string): string[] {
  if (view === 'day') return [anchor];
  const monday = startOfWeek(anchor);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The anchor one step back (-1) or forward (+1): a day in day view, a week in week view. */
export function shiftAnchor(view: ScheduleView, anchor: string, direction: -1 | 1): string {
  return addDays(anchor, direction * (view === 'day' ? 1 : 7));
}

/** "Monday, November 23, 2026" style heading for a day, "Nov 23 – 29, 2026" for a week. */
export function rangeTitle(view: ScheduleView, anchor: string): string {
  const dates = visibleDates(view, anchor);
  const first = dates[0] ?? anchor;
  const last = dates[dates.length - 1] ?? anchor;
  if (view === 'day') return formatDayLong(first);
  const [fy, fm] = [first.slice(0, 4), first.slice(5, 7)];
  const [ly, lm] = [last.slice(0, 4), last.slice(5, 7)];
  const month = (d: string) => formatDay(d).split(', ')[1] ?? d;
  if (fy === ly && fm === lm) return `${month(first)} – ${Number(last.slice(8, 10))}, ${ly}`;
  if (fy === ly) return `${month(first)} – ${month(last)}, ${ly}`;
  return `${month(first)}, ${fy} – ${month(last)}, ${ly}`;
}

export interface DayRules {
  /** When the provider can see people that day (before time off). */
  open: MinuteSpan[];
  /** Time off cut out of the day. */
  timeOff: MinuteSpan[];
  /** Why the day differs from the usual week: "Closed · Thanksgiving", "Special hours · Christmas Eve". */
  note: string | null;
  closed: boolean;
}

/**
 * A provider's hours on a date, by the same precedence the appliance uses: a closure closes the
 * day, special hours replace the week, the provider's own week replaces the practice's.
 */
export function providerDayRules(config: Pick<TenantConfig, 'hours' | 'closures' | 'specialHours' | 'providers'>, providerId: string, date: string): DayRules {
  const provider = config.providers.find((p) => p.id === providerId);
  const timeOff = provider ? timeOffOn(provider.timeOff, date) : [];
  const closure = config.closures.find((c) => ('date' in c ? c.date === date : c.from <= date && date <= c.to));
  if (closure) return { open: [], timeOff, note: closure.reason ? `Closed · ${closure.reason}` : 'Closed', closed: true };
  const special = config.specialHours.find((s) => s.date === date);
  const weekday = weekdayKey(date);
  const hours = special ? special.hours : (provider?.hours ?? config.hours)[weekday];
  const open = hours.map(([from, to]): MinuteSpan => [parseClockMinutes(from), parseClockMinutes(to)]);
  const note = special ? (special.reason ? `Special hours · ${special.reason}` : 'Special hours') : open.length === 0 ? 'Not working' : null;
  return { open, timeOff, note, closed: open.length === 0 };
}

function timeOffOn(entries: readonly { from: string; to: string }[], date: string): MinuteSpan[] {
  const spans: MinuteSpan[] = [];
  for (const entry of entries) {
    const fromDate = entry.from.slice(0, 10);
    const toDate = entry.to.slice(0, 10);
    if (toDate < date || fromDate > date) continue;
    const start = fromDate < date ? 0 : parseClockMinutes(entry.from.slice(11, 16));
    const end = toDate > date ? DAY_MINUTES : parseClockMinutes(entry.to.slice(11, 16));
    if (end > start) spans.push([start, end]);
  }
  return spans;
}

/** The parts of [window] outside `open`: drawn shaded as "closed". */
export function closedSpans(open: readonly MinuteSpan[], window: MinuteSpan): MinuteSpan[] {
  const sorted = [...open].sort((a, b) => a[0] - b[0]);
  const out: MinuteSpan[] = [];
  let cursor = window[0];
  for (const [from, to] of sorted) {
    if (to <= cursor) continue;
    if (from >= window[1]) break;
    if (from > cursor) out.push([cursor, Math.min(from, window[1])]);
    cursor = Math.max(cursor, to);
  }
  if (cursor < window[1]) out.push([cursor, window[1]]);
  return out;
}

/**
 * The hours the grid shows: from the earliest opening to the latest closing across what is on
 * screen, widened to take in any booking outside hours, in whole hours. 8–18 when all is closed.
 */
export function scheduleWindow(spans: readonly MinuteSpan[]): MinuteSpan {
  if (spans.length === 0) return DEFAULT_WINDOW;
  let start = Infinity;
  let end = -Infinity;
  for (const [from, to] of spans) {
    start = Math.min(start, from);
    end = Math.max(end, to);
  }
  start = Math.max(0, Math.floor(start / 60) * 60);
  end = Math.min(DAY_MINUTES, Math.ceil(end / 60) * 60);
  if (end - start < 4 * 60) end = Math.min(DAY_MINUTES, start + 4 * 60);
  return [start, end];
}

export interface PlacedBooking {
  booking: BookingDto;
  startMinute: number;
  endMinute: number;
  /** Side-by-side position among bookings that overlap it (0-based) and how many share the width. */
  lane: number;
  lanes: number;
}

/**
 * Bookings of one column laid out for drawing. Overlaps are rare (the appliance refuses them for
 * living bookings) but a completed visit and a new booking can share a time, so they sit side by
 * side rather than on top of each other.
 */
export function placeBookings(bookings: readonly BookingDto[]): PlacedBooking[] {
  const items = bookings
    .map((booking) => {
      const startMinute = minuteOfDay(booking.start);
      const sameDay = localDateOfIso(booking.end) === localDateOfIso(booking.start);
      const endMinute = sameDay ? minuteOfDay(booking.end) : DAY_MINUTES;
      return { booking, startMinute, endMinute: Math.max(endMinute, startMinute + 5), lane: 0, lanes: 1 };
    })
    .sort((a, b) => a.startMinute - b.startMinute || b.endMinute - a.endMinute);

  // Sweep clusters of transitively overlapping bookings; within one, take the first free lane.
  let cluster: PlacedBooking[] = [];
  let clusterEnd = -1;
  const laneEnds: number[] = [];
  const closeCluster = () => {
    const lanes = Math.max(1, ...cluster.map((p) => p.lane + 1));
    for (const p of cluster) p.lanes = lanes;
    cluster = [];
    laneEnds.length = 0;
  };
  for (const item of items) {
    if (item.startMinute >= clusterEnd) closeCluster();
    let lane = laneEnds.findIndex((end) => end <= item.startMinute);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = item.endMinute;
    item.lane = lane;
    cluster.push(item);
    clusterEnd = Math.max(clusterEnd, item.endMinute);
  }
  closeCluster();
  return items;
}

export interface ScheduleColumn {
  key: string;
  date: string;
  /** Null: the column mixes every provider (the all-providers week); rules are the practice's. */
  providerId: string | null;
  providerName: string;
  title: string;
  subtitle: string;
  rules: DayRules;
  bookings: PlacedBooking[];
}

/** Day view: one column per provider. Week view: one column per day for one provider, or for all of them. */
export function buildColumns(
  view: ScheduleView,
  anchor: string,
  config: Pick<TenantConfig, 'hours' | 'closures' | 'specialHours' | 'providers'>,
  bookings: readonly BookingDto[],
  weekProviderId: string | null,
): ScheduleColumn[] {
  const byKey = new Map<string, BookingDto[]>();
  for (const booking of bookings) {
    const key = `${localDateOfIso(booking.start)}|${booking.providerId}`;
    const list = byKey.get(key) ?? [];
    list.push(booking);
    byKey.set(key, list);
  }
  const column = (date: string, providerId: string, title: string, subtitle: string): ScheduleColumn => ({
    key: `${date}|${providerId}`,
    date,
    providerId,
    providerName: config.providers.find((p) => p.id === providerId)?.name ?? providerId,
    title,
    subtitle,
    rules: providerDayRules(config, providerId, date),
    bookings: placeBookings(byKey.get(`${date}|${providerId}`) ?? []),
  });
  if (view === 'day') return config.providers.map((p) => column(anchor, p.id, p.name, formatDay(anchor)));
  if (weekProviderId === ALL_PROVIDERS) {
    return visibleDates('week', anchor).map((date) => ({
      key: `${date}|${ALL_PROVIDERS}`,
      date,
      providerId: null,
      providerName: 'All providers',
      title: weekColumnTitle(date),
      subtitle: 'All providers',
      // The practice's own hours (no provider given): a provider's time off shows on their own week.
      rules: providerDayRules(config, '', date),
      bookings: placeBookings(bookings.filter((b) => localDateOfIso(b.start) === date)),
    }));
  }
  const provider = config.providers.find((p) => p.id === weekProviderId) ?? config.providers[0];
  if (!provider) return [];
  // The range title carries the month; a week column needs only "Mon 23".
  return visibleDates('week', anchor).map((date) => column(date, provider.id, weekColumnTitle(date), provider.name));
}

function weekColumnTitle(date: string): string {
  return formatDay(date).replace(/, \w+ /, ' ');
}

/** Every span the grid must show for these columns: open hours and bookings. */
export function spansToShow(columns: readonly ScheduleColumn[]): MinuteSpan[] {
  return columns.flatMap((c) => [...c.rules.open, ...c.bookings.map((b): MinuteSpan => [b.startMinute, b.endMinute])]);
}

/** "8 AM–12 PM, 1–5 PM": short enough for a week column. */
export function hoursSummary(open: readonly MinuteSpan[]): string {
  if (open.length === 0) return 'Closed';
  return open
    .map(([from, to]) => {
      const [fromTime = '', fromHalf = ''] = formatMinuteOfDay(from).replace(':00', '').split(' ');
      const end = formatMinuteOfDay(to).replace(':00', '');
      return end.endsWith(fromHalf) ? `${fromTime}–${end}` : `${fromTime} ${fromHalf}–${end}`;
    })
    .join(', ');
}

const OCCUPYING: readonly BookingStatus[] = ['confirmed', 'pending_review', 'held', 'arrived'];

/**
 * Who a click on an empty time in a column of everyone (the all-providers week) books with: the
 * first provider, in the practice's order, who works then and has nobody booked then; else the
 * first who works then; else the first provider. The booking dialog lets staff pick another, and
 * the appliance checks whichever they book like any booking.
 */
export function providerForClick(config: Pick<TenantConfig, 'hours' | 'closures' | 'specialHours' | 'providers'>, column: ScheduleColumn, minute: number): string | null {
  const within = (spans: readonly MinuteSpan[]) => spans.some(([from, to]) => from <= minute && minute < to);
  const working = config.providers.filter((p) => {
    const rules = providerDayRules(config, p.id, column.date);
    return within(rules.open) && !within(rules.timeOff);
  });
  const free = working.find(
    (p) => !column.bookings.some((b) => b.booking.providerId === p.id && OCCUPYING.includes(b.booking.status) && b.startMinute <= minute && minute < b.endMinute),
  );
  return (free ?? working[0] ?? config.providers[0])?.id ?? null;
}
