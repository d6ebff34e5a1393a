import type { TenantConfigInput } from '../src/shared/contract/index.js';

/** A busy practice for benchmarks: many providers open every day, a short service on a 15-minute grid. */
export function benchTenant(providerCount: number, id = 'bench-practice'): TenantConfigInput {
  const day: [string, string][] = [['08:00', '12:00'], ['13:00', '19:00']];
  const providers = Array.from({ length: providerCount }, (_, i) => ({ id: `p${i}`, name: `Provider ${i}`, hours: null }));
  return {
    id,
    name: 'Benchmark Practice',
    timezone: 'America/New_York',
    country: 'US',
    greeting: 'Hello.',
    phoneNumbers: [],
    hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day },
    booking: { slotStepMinutes: 15, minNoticeMinutes: 0, maxAdvanceDays: 365, holdMinutes: 5 },
    providers,
    services: [{ id: 'visit', name: 'Visit', durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, providerIds: providers.map((p) => p.id) }],
  };
}
