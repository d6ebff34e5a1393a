import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { availableSlots, checkSlot } from '../../../src/main/core/scheduling/engine/index.js';
import type { BusyInterval, Slot, SlotRejection } from '../../../src/main/core/scheduling/engine/index.js';
import { tenantConfigSchema } from '../../../src/shared/contract/index.js';
import type { Provider, TenantConfig, TenantConfigInput } from '../../../src/shared/contract/index.js';

/*
 * A brute-force reference, written without the engine's code: it lists every real minute of a
 * local day with Luxon, marks each one open or closed, and tries every wall minute as a start.
 * It follows the documented semantics:
 *  - a rule time T on date d is the first instant whose wall clock on d reads T or later
 *    ("24:00" is the first instant of the next day);
 *  - open minutes are those inside an hours interval and outside every time off; a maximal run of
 *    open minutes within one hours interval is one open span;
 *  - candidate starts are the instants in the span whose wall time is on the step grid (wall ≡
 *    anchor mod step, anchor = the wall time at which the hours interval opens, whatever time off
 *    cuts out of it); a wall time shown twice (a fall-back day's repeated hour) gives two
 *    candidates, one that never shows gives none;
 *  - a candidate fits when all its real minutes lie in its span; buffers and busy time are real time.
 */

const MIN = 60_000;

interface WallMinute {
  t: number;
  wall: number;
  /** The first instant of the day showing this wall time. */
  first: boolean;
}

const dayTables = new Map<string, { minutes: WallMinute[]; wallAt: Map<number, number> }>();

/** Every minute-aligned instant whose local date is `date`, in time order, with its wall clock reading. */
function dayTable(zone: string, date: string) {
  const key = `${zone} ${date}`;
  let table = dayTables.get(key);
  if (!table) {
    const minutes: WallMinute[] = [];
    const seen = new Set<number>();
    // Luxon's idea of midnight is only a starting point for the walk; three hours of slack covers any shift.
    let t = DateTime.fromISO(date, { zone }).toMillis() - 3 * 60 * MIN;
    for (;;) {
      const dt = DateTime.fromMillis(t, { zone });
      const local = dt.toISODate() as string;
      if (local > date) break;
      if (local === date) {
        const wall = dt.hour * 60 + dt.minute;
        minutes.push({ t, wall, first: !seen.has(wall) });
        seen.add(wall);
      }
      t += MIN;
    }
    table = { minutes, wallAt: new Map(minutes.map((m) => [m.t, m.wall])) };
    dayTables.set(key, table);
  }
  return table;
}

function ruleInstant(zone: string, date: string, clock: string): number {
  const target = Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
  const { minutes } = dayTable(zone, date);
  const hit = minutes.find((m) => m.wall >= target);
  return hit ? hit.t : (minutes.at(-1) as WallMinute).t + MIN;
}

const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

interface RefSpan {
  start: number;
  end: number;
  candidates: number[];
}

const spanMemo = new WeakMap<TenantConfig, Map<string, RefSpan[]>>();

function refSpans(tenant: TenantConfig, provider: Provider, step: number, durationMin: number, date: string): RefSpan[] {
  let memo = spanMemo.get(tenant);
  if (!memo) spanMemo.set(tenant, (memo = new Map()));
  const key = `${provider.id} ${step} ${durationMin} ${date}`;
  let spans = memo.get(key);
  if (!spans) memo.set(key, (spans = computeSpans(tenant, provider, step, durationMin, date)));
  return spans;
}

function computeSpans(tenant: TenantConfig, provider: Provider, step: number, durationMin: number, date: string): RefSpan[] {
  const zone = tenant.timezone;
  const closed = tenant.closures.some((c) => ('date' in c ? c.date === date : c.from <= date && date <= c.to));
  if (closed) return [];
  const special = tenant.specialHours.find((s) => s.date === date);
  const weekday = WEEKDAY_KEYS[new Date(`${date}T12:00:00Z`).getUTCDay()] as (typeof WEEKDAY_KEYS)[number];
  const hours = special ? special.hours : (provider.hours ?? tenant.hours)[weekday];
  const offs = provider.timeOff.map((o) => [ruleInstant(zone, o.from.slice(0, 10), o.from.slice(11)), ruleInstant(zone, o.to.slice(0, 10), o.to.slice(11))] as const);
  const table = dayTable(zone, date);
  const spans: RefSpan[] = [];
  for (const [from, to] of hours) {
    const a = ruleInstant(zone, date, from);
    const b = ruleInstant(zone, date, to);
    const open: boolean[] = [];
    for (let t = a; t < b; t += MIN) open.push(!offs.some(([f, e]) => f <= t && t < e));
    let i = 0;
    while (i < open.length) {
      if (!open[i]) {
        i++;
        continue;
      }
      let j = i;
      while (j < open.length && open[j]) j++;
      const start = a + i * MIN;
      const end = a + j * MIN;
      const anchor = table.wallAt.get(a) as number;
      const candidates: number[] = [];
      for (const m of table.minutes) {
        if ((m.wall - anchor) % step !== 0 || m.t < start) continue;
        if (m.t + durationMin * MIN <= end) candidates.push(m.t);
      }
      spans.push({ start, end, candidates });
      i = j;
    }
  }
  return spans;
}

interface RefQuery {
  tenant: TenantConfig;
  serviceId: string;
  providerId: string | null;
  fromDate: string;
  toDate: string;
  now: number;
  busy: BusyInterval[];
}

function refWindow(tenant: TenantConfig, now: number) {
  const today = DateTime.fromMillis(now, { zone: tenant.timezone }).startOf('day');
  return { earliest: now + tenant.booking.minNoticeMinutes * MIN, lastDate: today.plus({ days: tenant.booking.maxAdvanceDays }).toISODate() as string };
}

function refFree(tenant: TenantConfig, serviceId: string, providerId: string, start: number, busy: BusyInterval[]): boolean {
  const s = tenant.services.find((x) => x.id === serviceId) as TenantConfig['services'][number];
  const from = start - s.bufferBeforeMinutes * MIN;
  const to = start + (s.durationMinutes + s.bufferAfterMinutes) * MIN;
  return busy.every((b) => b.providerId !== providerId || b.end <= from || b.start >= to);
}

function refSlots(q: RefQuery): Slot[] {
  const service = q.tenant.services.find((s) => s.id === q.serviceId) as TenantConfig['services'][number];
  const ids = q.providerId ? [q.providerId] : service.providerIds;
  const { earliest, lastDate } = refWindow(q.tenant, q.now);
  const out: (Slot & { order: number })[] = [];
  ids.forEach((id, order) => {
    const provider = q.tenant.providers.find((p) => p.id === id) as Provider;
    for (let d = DateTime.fromISO(q.fromDate); (d.toISODate() as string) <= q.toDate; d = d.plus({ days: 1 })) {
      const date = d.toISODate() as string;
      if (date > lastDate) continue;
      for (const span of refSpans(q.tenant, provider, q.tenant.booking.slotStepMinutes, service.durationMinutes, date)) {
        for (const start of span.candidates) {
          if (start < earliest || !refFree(q.tenant, q.serviceId, id, start, q.busy)) continue;
          out.push({ providerId: id, start, end: start + service.durationMinutes * MIN, order });
        }
      }
    }
  });
  out.sort((a, b) => a.start - b.start || a.order - b.order);
  return out.map(({ providerId, start, end }) => ({ providerId, start, end }));
}

/** The reason checkSlot must give for `start`, in its documented order. */
function refReason(q: RefQuery, providerId: string, start: number): SlotRejection | 'ok' {
  const service = q.tenant.services.find((s) => s.id === q.serviceId) as TenantConfig['services'][number];
  const provider = q.tenant.providers.find((p) => p.id === providerId) as Provider;
  const date = DateTime.fromMillis(start, { zone: q.tenant.timezone }).toISODate() as string;
  const spans = refSpans(q.tenant, provider, q.tenant.booking.slotStepMinutes, service.durationMinutes, date);
  const end = start + service.durationMinutes * MIN;
  const span = spans.find((s) => s.start <= start && end <= s.end);
  if (!span) return 'closed';
  if (!span.candidates.includes(start)) return 'not_on_grid';
  const { earliest, lastDate } = refWindow(q.tenant, q.now);
  if (start < earliest) return 'too_soon';
  if (date > lastDate) return 'too_far';
  if (!refFree(q.tenant, q.serviceId, providerId, start, q.busy)) return 'busy';
  return 'ok';
}

// ---------------------------------------------------------------- generators

/** Each zone with dates worth testing: its DST changes and a plain day or a year end. */
const ZONE_DATES: Record<string, string[]> = {
  'America/New_York': ['2026-03-08', '2026-11-01', '2026-06-30'],
  'Europe/London': ['2026-03-29', '2026-10-25', '2026-12-31'],
  'Asia/Kolkata': ['2026-01-15', '2026-12-31'],
  'Australia/Sydney': ['2026-04-05', '2026-10-04', '2026-01-15'],
};

const plusDays = (date: string, days: number) => DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate() as string;
const localPlusMinutes = (date: string, minutes: number) => DateTime.fromISO(date, { zone: 'utc' }).plus({ minutes }).toFormat("yyyy-MM-dd'T'HH:mm");
const clock = (m: number) => (m === 1440 ? '24:00' : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);

// Boundaries lean towards the small hours, where the clocks change.
const boundary = fc.oneof(fc.integer({ min: 0, max: 1440 }), fc.constantFrom(0, 60, 90, 120, 150, 180, 240, 1440), fc.integer({ min: 0, max: 96 }).map((q) => q * 15));

const dayHours = fc
  .tuple(fc.uniqueArray(boundary, { minLength: 0, maxLength: 6 }), fc.boolean())
  .map(([points, touch]) => {
    const sorted = [...points].sort((a, b) => a - b);
    const intervals: [string, string][] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      let from = sorted[i] as number;
      const to = sorted[i + 1] as number;
      // Sometimes start right where the previous interval ended: touching intervals stay separate.
      const previous = intervals.at(-1);
      if (touch && previous) from = Math.min(from, Number(previous[1].slice(0, 2)) * 60 + Number(previous[1].slice(3)));
      if (from < to) intervals.push([clock(from), clock(to)]);
    }
    return intervals;
  });

const weekHours = fc.record({ mon: dayHours, tue: dayHours, wed: dayHours, thu: dayHours, fri: dayHours, sat: dayHours, sun: dayHours });

const scenario = fc
  .constantFrom(...Object.keys(ZONE_DATES))
  .chain((zone) => fc.record({ zone: fc.constant(zone), base: fc.constantFrom(...(ZONE_DATES[zone] as string[])) }))
  .chain(({ zone, base }) => {
    const regionDate = fc.integer({ min: -2, max: 3 }).map((d) => plusDays(base, d));
    const timeOff = fc
      .record({ date: regionDate, startMinute: fc.integer({ min: 0, max: 1439 }), length: fc.integer({ min: 1, max: 2000 }) })
      .map(({ date, startMinute, length }) => ({ from: localPlusMinutes(date, startMinute), to: localPlusMinutes(date, startMinute + length) }));
    const providerCount = fc.integer({ min: 1, max: 3 });
    return providerCount.chain((count) => {
      const ids = ['p-a', 'p-b', 'p-c'].slice(0, count);
      return fc.record({
        zone: fc.constant(zone),
        base: fc.constant(base),
        hours: weekHours,
        providers: fc.tuple(
          ...ids.map((id) =>
            fc.record({
              id: fc.constant(id),
              name: fc.constant(`Provider ${id}`),
              hours: fc.option(weekHours, { nil: null, freq: 2 }),
              timeOff: fc.array(timeOff, { maxLength: 3 }),
            }),
          ),
        ),
        serviceProviders: fc.shuffledSubarray(ids, { minLength: 1 }),
        queryProvider: fc.option(fc.constantFrom(...ids), { nil: null }),
        step: fc.constantFrom(5, 10, 15, 20, 30),
        duration: fc.oneof(fc.integer({ min: 1, max: 150 }), fc.constantFrom(15, 30, 45, 60)),
        bufferBefore: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 })),
        bufferAfter: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 })),
        minNotice: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1500 })),
        maxAdvance: fc.integer({ min: 1, max: 5 }),
        closures: fc.array(
          fc.oneof(
            regionDate.map((date) => ({ date })),
            fc.tuple(regionDate, fc.integer({ min: 0, max: 2 })).map(([from, len]) => ({ from, to: plusDays(from, len) })),
          ),
          { maxLength: 2 },
        ),
        specialHours: fc.uniqueArray(fc.record({ date: regionDate, hours: dayHours }), { maxLength: 2, selector: (s) => s.date }),
        // now: anywhere from two days before the base date to two days after, to the millisecond.
        nowOffset: fc.integer({ min: -2 * 1440 * MIN, max: 3 * 1440 * MIN }),
        fromOffset: fc.integer({ min: -1, max: 2 }),
        length: fc.integer({ min: 0, max: 2 }),
        busy: fc.array(
          fc.record({
            provider: fc.constantFrom(...ids),
            startOffset: fc.integer({ min: -1440, max: 5 * 1440 }),
            ms: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: MIN - 1 })),
            minutes: fc.integer({ min: 1, max: 240 }),
          }),
          { maxLength: 12 },
        ),
      });
    });
  })
  .map((g) => {
    const input: TenantConfigInput = {
      id: 'prop',
      name: 'Property Practice',
      timezone: g.zone,
      country: 'US',
      greeting: 'Hi',
      hours: g.hours,
      closures: g.closures,
      specialHours: g.specialHours,
      booking: { slotStepMinutes: g.step, minNoticeMinutes: g.minNotice, maxAdvanceDays: g.maxAdvance, holdMinutes: 5 },
      providers: g.providers,
      services: [
        {
          id: 'svc',
          name: 'Service',
          durationMinutes: g.duration,
          bufferBeforeMinutes: g.bufferBefore,
          bufferAfterMinutes: g.bufferAfter,
          providerIds: g.serviceProviders,
        },
      ],
    };
    const tenant = tenantConfigSchema.parse(input);
    const baseStart = DateTime.fromISO(g.base, { zone: g.zone }).toMillis();
    const fromDate = plusDays(g.base, g.fromOffset);
    const providerId = g.queryProvider && g.serviceProviders.includes(g.queryProvider) ? g.queryProvider : null;
    const busy: BusyInterval[] = g.busy.map((b) => {
      const start = baseStart + b.startOffset * MIN + b.ms;
      return { providerId: b.provider, start, end: start + b.minutes * MIN };
    });
    return { tenant, serviceId: 'svc', providerId, fromDate, toDate: plusDays(fromDate, g.length), now: baseStart + g.nowOffset, busy } satisfies RefQuery;
  });

const fmt = (t: TenantConfig, slots: Slot[]) =>
  slots.map((s) => `${s.providerId} ${DateTime.fromMillis(s.start, { zone: t.timezone }).toISO()} ${(s.end - s.start) / MIN}m`);

describe('availableSlots against a brute-force reference', () => {
  it('agrees on thousands of random rule sets, zones, DST days and busy times', () => {
    fc.assert(
      fc.property(scenario, (q) => {
        expect(fmt(q.tenant, availableSlots(q))).toEqual(fmt(q.tenant, refSlots(q)));
      }),
      { numRuns: 2000 },
    );
  }, 120_000);

  it('checkSlot accepts exactly the listed slots and names the rule any other start breaks', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 4 * 1440 }), { minLength: 4, maxLength: 4 }),
        (q, picks, probes) => {
          const slots = availableSlots(q);
          const service = q.tenant.services[0] as TenantConfig['services'][number];
          const provider = q.tenant.providers.find((p) => p.id === (q.providerId ?? service.providerIds[0])) as Provider;
          const listed = slots.filter((s) => s.providerId === provider.id).map((s) => s.start);
          // Every start the hours could offer over the range, whatever the window and busy time say.
          const offered: number[] = [];
          for (let d = 0; d <= 2; d++) {
            for (const span of refSpans(q.tenant, provider, q.tenant.booking.slotStepMinutes, service.durationMinutes, plusDays(q.fromDate, d))) {
              offered.push(...span.candidates);
            }
          }
          const base = DateTime.fromISO(q.fromDate, { zone: q.tenant.timezone }).toMillis();
          const sample = (list: number[], from: number, count: number) =>
            list.length === 0 ? [] : picks.slice(from, from + count).map((i) => list[i % list.length] as number);
          const starts = new Set([...sample(listed, 0, 4), ...sample(offered, 4, 8), ...probes.map((p) => base + p * MIN)]);
          for (const start of starts) {
            const result = checkSlot({ tenant: q.tenant, serviceId: q.serviceId, providerId: provider.id, start, now: q.now, busy: q.busy });
            expect(result.ok ? 'ok' : result.reason).toBe(refReason(q, provider.id, start));
            const date = DateTime.fromMillis(start, { zone: q.tenant.timezone }).toISODate() as string;
            if (date >= q.fromDate && date <= q.toDate) expect(result.ok).toBe(listed.includes(start));
            if (!result.ok) expect(result.message).toMatch(/^[A-Z0-9].{10,}\.$/);
          }
        },
      ),
      { numRuns: 1000 },
    );
  }, 120_000);
});
