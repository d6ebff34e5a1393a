import { DateTime } from 'luxon';
import { availableSlots } from '../src/main/core/scheduling/engine/index.js';
import type { AvailabilityQuery, BusyInterval } from '../src/main/core/scheduling/engine/index.js';
import { tenantConfigSchema } from '../src/shared/contract/index.js';
import type { TenantConfig, TenantConfigInput } from '../src/shared/contract/index.js';
import type { Bench, BenchResult } from './bench-types.js';

export interface Timing {
  median: number;
  p95: number;
  mean: number;
  samples: number[];
}

/** Runs `fn` `warmup` times unmeasured (JIT, caches), then `iterations` times; milliseconds. */
export function measure(fn: () => unknown, options: { warmup?: number; iterations?: number } = {}): Timing {
  const { warmup = 10, iterations = 50 } = options;
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    fn();
    samples.push(performance.now() - started);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95), mean: samples.reduce((a, b) => a + b, 0) / samples.length, samples };
}

/** A small deterministic PRNG (mulberry32), so every run benchmarks the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ZONE = 'America/New_York';
// Monday 2 March 2026, so the 90 days cross the spring-forward change on 8 March.
const NOW = DateTime.fromISO('2026-03-02T07:30', { zone: ZONE }).toMillis();
const FROM = '2026-03-02';

/** A busy multi-provider practice: lunch breaks, providers on their own hours, closures, time off. */
export function benchTenant(providerCount: number): TenantConfig {
  const day: [string, string][] = [
    ['08:00', '12:00'],
    ['13:00', '17:00'],
  ];
  const late: [string, string][] = [
    ['10:00', '14:00'],
    ['14:30', '19:00'],
  ];
  const providers = Array.from({ length: providerCount }, (_, i) => ({
    id: `provider-${i + 1}`,
    name: `Provider ${i + 1}`,
    hours: i % 4 === 3 ? { mon: late, tue: late, wed: [], thu: late, fri: late, sat: [['09:00', '13:00']] as [string, string][], sun: [] } : null,
    timeOff: [
      { from: `2026-03-${String(10 + (i % 15)).padStart(2, '0')}T13:00`, to: `2026-03-${String(10 + (i % 15)).padStart(2, '0')}T17:00`, reason: 'Course' },
      ...(i % 5 === 0 ? [{ from: '2026-04-13T00:00', to: '2026-04-18T00:00', reason: 'Vacation' }] : []),
    ],
  }));
  const input: TenantConfigInput = {
    id: 'bench',
    name: 'Bench Clinic',
    timezone: ZONE,
    country: 'US',
    greeting: 'Hello',
    hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [['09:00', '12:00']], sun: [] },
    closures: [{ date: '2026-04-03', reason: 'Good Friday' }, { date: '2026-05-25', reason: 'Memorial Day' }, { from: '2026-04-27', to: '2026-04-29' }],
    specialHours: [{ date: '2026-03-20', hours: [['09:00', '13:00']] }],
    booking: { slotStepMinutes: 15, minNoticeMinutes: 60, maxAdvanceDays: 120, holdMinutes: 5 },
    providers,
    services: [
      {
        id: 'visit',
        name: 'Visit',
        durationMinutes: 30,
        bufferBeforeMinutes: 5,
        bufferAfterMinutes: 10,
        providerIds: providers.map((p) => p.id),
      },
    ],
  };
  return tenantConfigSchema.parse(input);
}

/** `count` random bookings (blocked intervals) that never overlap for one provider, within the days. */
export function benchBusy(tenant: TenantConfig, days: number, count: number, seed = 7): BusyInterval[] {
  const random = seededRandom(seed);
  const taken = new Map<string, { start: number; end: number }[]>();
  const busy: BusyInterval[] = [];
  const start = DateTime.fromISO(FROM, { zone: ZONE });
  let attempts = 0;
  while (busy.length < count && attempts++ < count * 50) {
    const provider = tenant.providers[Math.floor(random() * tenant.providers.length)];
    if (!provider) continue;
    const begin = start.plus({ days: Math.floor(random() * days) }).set({ hour: 8 + Math.floor(random() * 10), minute: 15 * Math.floor(random() * 4) });
    const interval = { providerId: provider.id, start: begin.toMillis(), end: begin.plus({ minutes: 30 + 15 * Math.floor(random() * 4) }).toMillis() };
    const list = taken.get(provider.id) ?? [];
    if (list.some((b) => b.start < interval.end && interval.start < b.end)) continue;
    list.push(interval);
    taken.set(provider.id, list);
    busy.push(interval);
  }
  // Callers hand the engine busy time in no particular order.
  return busy.sort(() => random() - 0.5);
}

function runCase(name: string, query: AvailabilityQuery, target: number | null): BenchResult[] {
  let slots = 0;
  const timing = measure(() => {
    slots = availableSlots(query).length;
  });
  const detail = `${slots} slots, ${query.busy.length} busy intervals`;
  return [
    target === null
      ? { name: `${name} (median)`, value: round(timing.median), unit: 'ms', detail }
      : { name: `${name} (median)`, value: round(timing.median), unit: 'ms', target: `< ${target} ms median`, pass: timing.median < target, detail },
    { name: `${name} (p95)`, value: round(timing.p95), unit: 'ms' },
  ];
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export const availabilityBench: Bench = async () => {
  const large = benchTenant(20);
  const small = benchTenant(1);
  const to = (days: number) => DateTime.fromISO(FROM).plus({ days: days - 1 }).toISODate() as string;
  return [
    ...runCase(
      'availability: 20 providers × 90 days, 5,000 bookings',
      { tenant: large, serviceId: 'visit', providerId: null, fromDate: FROM, toDate: to(90), now: NOW, busy: benchBusy(large, 90, 5000) },
      50,
    ),
    ...runCase(
      'availability: 1 provider × 14 days, 50 bookings',
      { tenant: small, serviceId: 'visit', providerId: 'provider-1', fromDate: FROM, toDate: to(14), now: NOW, busy: benchBusy(small, 14, 50) },
      null,
    ),
  ];
};
