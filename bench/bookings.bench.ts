import { DateTime } from 'luxon';
import pino from 'pino';
import { createCore } from '../src/main/app/create-core.js';
import { FakeClock } from '../test/support/fake-clock.js';
import { makeTempDir } from '../test/support/temp-dir.js';
import { testConfig } from '../test/support/test-config.js';
import { benchTenant } from './bench-tenant.js';
import type { Bench, BenchResult } from './bench-types.js';

const NOW = '2026-11-23T05:00:00Z';

function openBenchCore(providers: number) {
  const temp = makeTempDir('frontdesk-bench-');
  const clock = FakeClock.at(NOW);
  const core = createCore({ ...testConfig(temp.dir), seedDemo: false }, { clock, logger: pino({ level: 'silent' }) });
  core.tenants.save(benchTenant(providers), 'bench');
  return { core, close: () => (core.close(), temp.cleanup()) };
}

/** Every free slot start of the bench practice, provider by provider, day by day (non-conflicting). */
function slotStarts(count: number, providers: number): { providerId: string; start: number }[] {
  const out: { providerId: string; start: number }[] = [];
  const first = DateTime.fromISO('2026-11-24T08:00', { zone: 'America/New_York' });
  for (let dayIndex = 0; out.length < count; dayIndex++) {
    const day = first.plus({ days: dayIndex });
    for (let p = 0; p < providers && out.length < count; p++) {
      for (let k = 0; k < 8 && out.length < count; k++) out.push({ providerId: `p${p}`, start: day.plus({ minutes: 30 * k }).toMillis() });
    }
  }
  return out;
}

async function throughput(): Promise<BenchResult[]> {
  const providers = 20;
  const count = 5_000;
  const { core, close } = openBenchCore(providers);
  const starts = slotStarts(count, providers);
  // Warm the statements and the engine.
  for (const s of starts.slice(0, 200)) {
    await core.bookings.book({ tenantId: 'bench-practice', serviceId: 'visit', providerId: s.providerId, start: s.start, status: 'confirmed', source: 'staff', actor: 'bench', customer: { name: 'Warm' } });
  }
  const measured = starts.slice(200);
  const t0 = performance.now();
  for (const s of measured) {
    await core.bookings.book({ tenantId: 'bench-practice', serviceId: 'visit', providerId: s.providerId, start: s.start, status: 'confirmed', source: 'staff', actor: 'bench', customer: { phone: `+1202555${String(s.start % 10_000).padStart(4, '0')}` } });
  }
  const seconds = (performance.now() - t0) / 1000;
  close();
  const perSecond = measured.length / seconds;
  return [
    {
      name: 'booking throughput, non-conflicting, one process',
      value: Math.round(perSecond),
      unit: 'bookings/s',
      target: '≥ 1,000 bookings/s',
      pass: perSecond >= 1000,
      detail: `${measured.length} bookings after 200 warm-up, each: mutex + IMMEDIATE transaction + re-check + insert + history, WAL on disk`,
    },
  ];
}

async function races(): Promise<BenchResult[]> {
  const rounds = 20;
  const { core, close } = openBenchCore(1);
  const durations: number[] = [];
  let perfect = 0;
  for (let round = 0; round < rounds; round++) {
    const start = DateTime.fromISO('2026-11-24T08:00', { zone: 'America/New_York' }).plus({ days: round }).toISO()!;
    const t0 = performance.now();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        core.dispatch('bookings/create', { tenantId: 'bench-practice', serviceId: 'visit', providerId: 'p0', start, customer: { name: `caller ${i}` } }, { actor: 'bench', transport: 'internal' }),
      ),
    );
    durations.push(performance.now() - t0);
    const winners = results.filter((r) => r.ok).length;
    const conflicts = results.filter((r) => !r.ok && r.error.code === 'conflict').length;
    if (winners === 1 && conflicts === 199) perfect++;
  }
  close();
  durations.sort((a, b) => a - b);
  return [
    {
      name: '200-way race on one slot: rounds with exactly one winner',
      value: perfect,
      unit: `of ${rounds} rounds`,
      target: 'every round',
      pass: perfect === rounds,
      detail: `median ${durations[Math.floor(rounds / 2)]!.toFixed(1)} ms to settle all 200 attempts`,
    },
  ];
}

export const bookingsBench: Bench = async () => [...(await throughput()), ...(await races())];
