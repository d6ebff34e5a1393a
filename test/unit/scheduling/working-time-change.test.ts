import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { workingTimeLost } from '../../../src/main/core/scheduling/index.js';
import { tenantConfigSchema, type TenantConfig } from '../../../src/shared/contract/tenant.js';

const demo: TenantConfig = tenantConfigSchema.parse(JSON.parse(readFileSync(new URL('../../../resources/demo-practice.json', import.meta.url), 'utf8')));
const NOW = Date.parse('2026-11-23T14:00:00Z');
const edited = (edit: (c: TenantConfig) => void): TenantConfig => {
  const c = structuredClone(demo);
  edit(c);
  return c;
};
/** A visit at a New York wall-clock time. */
const visit = (providerId: string, local: string, minutes: number) => {
  const start = DateTime.fromISO(local, { zone: 'America/New_York' }).toMillis();
  return { providerId, start, end: start + minutes * 60_000 };
};

describe('workingTimeLost: whether a practice-file change strands a booked visit, and why', () => {
  it('names the hours that now apply: the practice’s, a provider’s own, or a special day’s', () => {
    const mondays = edited((c) => (c.hours.mon = [['08:00', '12:00'], ['13:00', '15:00']]));
    expect(workingTimeLost(demo, mondays, visit('dr-lee', '2026-11-30T14:45', 30), NOW)).toBe("the practice's new hours on Mondays end at 3:00 PM");
    // Dr. Patel keeps his own week, so the practice's Mondays do not touch him.
    expect(workingTimeLost(demo, mondays, visit('dr-patel', '2026-11-30T14:45', 30), NOW)).toBeNull();
    const later = edited((c) => (c.hours.mon = [['10:00', '12:00'], ['13:00', '17:00']]));
    expect(workingTimeLost(demo, later, visit('dr-lee', '2026-11-30T09:45', 30), NOW)).toBe("the practice's new hours on Mondays start at 10:00 AM");
    const special = edited((c) => c.specialHours.push({ date: '2026-12-01', hours: [], reason: 'Inventory' }));
    // Special hours with none close the day (the caller treats that as a closed day first); here it still reads right.
    expect(workingTimeLost(demo, special, visit('maria', '2026-12-01T09:00', 45), NOW)).toBe('the special hours on Tuesday, December 1 (Inventory) leave Maria Gomez, RDH no time that day');
  });

  it('names time off, with its reason, when the hours still hold the visit', () => {
    const away = edited((c) => c.providers.find((p) => p.id === 'maria')!.timeOff.push({ from: '2026-11-25T08:00', to: '2026-11-25T23:59' }));
    expect(workingTimeLost(demo, away, visit('maria', '2026-11-25T13:00', 45), NOW)).toBe('Maria Gomez, RDH would be off then');
  });

  it('leaves alone what the change does not touch, and what was outside already', () => {
    const thursdays = edited((c) => (c.hours.thu = [['10:00', '13:00']]));
    expect(workingTimeLost(demo, thursdays, visit('dr-lee', '2026-11-30T14:45', 30), NOW)).toBeNull();
    // Kept on a day that was already closed (Thanksgiving): the owner decided that earlier.
    expect(workingTimeLost(demo, thursdays, visit('dr-lee', '2026-11-26T14:00', 30), NOW)).toBeNull();
  });

  it('reads wall-clock hours on the day the clocks spring forward', () => {
    // Sunday March 14, 2027 in New York: 2:00 AM does not exist. Open 8–17 on Sundays, then cut to 8–16.
    const sundays = edited((c) => (c.hours.sun = [['08:00', '17:00']]));
    const shorter = edited((c) => (c.hours.sun = [['08:00', '16:00']]));
    expect(workingTimeLost(sundays, shorter, visit('dr-lee', '2027-03-14T15:45', 30), NOW)).toBe("the practice's new hours on Sundays end at 4:00 PM");
    expect(workingTimeLost(sundays, shorter, visit('dr-lee', '2027-03-14T15:15', 30), NOW)).toBeNull();
  });
});
