import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { availableSlots, suggestSlots } from '../../../src/main/core/scheduling/engine/index.js';
import type { BusyInterval, Slot, SlotWish } from '../../../src/main/core/scheduling/engine/index.js';
import { ContractError, tenantConfigSchema } from '../../../src/shared/contract/index.js';
import type { TenantConfig } from '../../../src/shared/contract/index.js';

const ZONE = 'America/New_York';
const day: [string, string][] = [['09:00', '17:00']];
const tenant: TenantConfig = tenantConfigSchema.parse({
  id: 'clinic',
  name: 'Test Clinic',
  timezone: ZONE,
  country: 'US',
  greeting: 'Hello',
  hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] },
  booking: { slotStepMinutes: 15, minNoticeMinutes: 0, maxAdvanceDays: 30, holdMinutes: 5 },
  providers: [
    { id: 'lee', name: 'Dr. Emily Lee' },
    { id: 'patel', name: 'Dr. Raj Patel' },
  ],
  services: [{ id: 'exam', name: 'Dental exam', durationMinutes: 30, providerIds: ['lee', 'patel'] }],
});

const at = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toMillis();
// Monday 23 November 2026, 08:00: the whole of today is still ahead.
const NOW = at('2026-11-23T08:00');
const ctx = { tenant, now: NOW };

function slots(busy: BusyInterval[] = [], providerId: string | null = null): Slot[] {
  return availableSlots({ tenant, serviceId: 'exam', providerId, fromDate: '2026-11-23', toDate: '2026-12-11', now: NOW, busy });
}

/** "Tue 15:00" for reading results at a glance. */
const show = (list: Slot[]) => list.map((s) => DateTime.fromMillis(s.start, { zone: ZONE }).toFormat('ccc HH:mm'));
const showWithProvider = (list: Slot[]) => list.map((s) => `${DateTime.fromMillis(s.start, { zone: ZONE }).toFormat('ccc HH:mm')} ${s.providerId}`);
const suggest = (wish: SlotWish, list = slots()) => suggestSlots(list, wish, ctx);

describe('suggestSlots', () => {
  it('puts the exact wished time first when it is free, then its nearest neighbours', () => {
    expect(show(suggest({ date: '2026-11-24', time: '15:00' }))).toEqual(['Tue 15:00', 'Tue 14:45', 'Tue 15:15']);
  });

  it('offers distinct times rather than the same time with two providers', () => {
    const result = suggest({ date: '2026-11-24', time: '15:00' });
    expect(showWithProvider(result)[0]).toBe('Tue 15:00 lee');
    expect(new Set(result.map((s) => s.start)).size).toBe(3);
  });

  it('offers the nearest free times when the wished time is taken', () => {
    const busy = ['lee', 'patel'].map((providerId) => ({ providerId, start: at('2026-11-24T15:00'), end: at('2026-11-24T15:30') }));
    // 14:45 and 15:15 would overlap the booking too; 14:30 and 15:30 are 30 minutes off, then 14:15.
    expect(show(suggest({ date: '2026-11-24', time: '15:00' }, slots(busy)))).toEqual(['Tue 14:30', 'Tue 15:30', 'Tue 14:15']);
  });

  it('keeps to the wished date before moving to another day', () => {
    const busy = ['lee', 'patel'].map((providerId) => ({ providerId, start: at('2026-11-24T09:00'), end: at('2026-11-24T17:00') }));
    const result = show(suggest({ date: '2026-11-24', time: '15:00' }, slots(busy)));
    expect(result).toEqual(['Mon 15:00', 'Wed 15:00', 'Mon 14:45']);
  });

  it('without a date, offers the wished time on the soonest days', () => {
    expect(show(suggest({ time: '15:00' }))).toEqual(['Mon 15:00', 'Tue 15:00', 'Wed 15:00']);
  });

  it('answers "tomorrow afternoon" with that afternoon, spread out', () => {
    expect(show(suggest({ date: '2026-11-24', partOfDay: 'afternoon' }))).toEqual(['Tue 12:00', 'Tue 13:00', 'Tue 14:00']);
  });

  it('answers "in the morning" with mornings, on different days', () => {
    const result = suggest({ partOfDay: 'morning' });
    expect(show(result)).toEqual(['Mon 09:00', 'Tue 09:00', 'Wed 09:00']);
  });

  it('answers "after 4" with times from 16:00 on', () => {
    const result = show(suggest({ after: '16:00' }));
    expect(result).toEqual(['Mon 16:00', 'Tue 16:00', 'Wed 16:00']);
    expect(show(suggest({ date: '2026-11-25', after: '16:00' }))).toEqual(['Wed 16:00', 'Wed 16:30', 'Wed 15:00']);
  });

  it('answers a narrow "Wednesday before 10" inside the window first, half an hour apart', () => {
    expect(show(suggest({ date: '2026-11-25', before: '10:00' }))).toEqual(['Wed 09:00', 'Wed 09:30', 'Wed 10:30']);
  });

  it('answers "earliest" with the soonest slots, an hour apart', () => {
    expect(show(suggest({ earliest: true }))).toEqual(['Mon 09:00', 'Mon 10:00', 'Mon 11:00']);
    const late = suggestSlots(slots(), { earliest: true }, { tenant, now: at('2026-11-23T16:10') });
    expect(show(late)).toEqual(['Mon 16:15', 'Tue 09:00', 'Tue 10:00']);
  });

  it('answers "next week" inside that week, varying day and time of day', () => {
    const result = suggest({ fromDate: '2026-11-30', toDate: '2026-12-04' });
    expect(result.map((s) => DateTime.fromMillis(s.start, { zone: ZONE }).toISODate())).toEqual(['2026-11-30', '2026-12-01', '2026-12-02']);
    expect(show(result)).toEqual(['Mon 09:00', 'Tue 12:00', 'Wed 09:00']);
  });

  it('spreads a loose wish instead of offering 9:00, 9:15 and 9:30', () => {
    const result = suggest({ date: '2026-11-24' });
    expect(show(result)).toEqual(['Tue 09:00', 'Tue 10:00', 'Tue 12:00']);
    for (let i = 1; i < result.length; i++) expect((result[i] as Slot).start - (result[i - 1] as Slot).start).toBeGreaterThanOrEqual(60 * 60_000);
  });

  it('returns fewer than three when fewer exist, and nothing from nothing', () => {
    const two = slots().filter((s) => s.providerId === 'lee').slice(0, 2);
    expect(show(suggest({ earliest: true }, two))).toEqual(['Mon 09:00', 'Mon 09:15']);
    expect(suggest({ date: '2026-11-24' }, [])).toEqual([]);
  });

  it('keeps to a wished provider', () => {
    const result = suggest({ date: '2026-11-24', time: '15:00', providerId: 'patel' });
    expect(showWithProvider(result)).toEqual(['Tue 15:00 patel', 'Tue 14:45 patel', 'Tue 15:15 patel']);
  });

  it('never suggests a slot that has already started', () => {
    const result = suggestSlots(slots(), { date: '2026-11-23', time: '09:00' }, { tenant, now: at('2026-11-23T12:05') });
    expect(result.every((s) => s.start >= at('2026-11-23T12:05'))).toBe(true);
    expect(show(result)[0]).toBe('Mon 12:15');
  });

  it('is deterministic', () => {
    const wish: SlotWish = { fromDate: '2026-11-30', toDate: '2026-12-04', partOfDay: 'evening' };
    expect(suggest(wish)).toEqual(suggest(wish));
  });

  it('refuses a malformed wish', () => {
    expect(() => suggest({ time: '3pm' })).toThrow(ContractError);
    expect(() => suggest({ date: '2026-13-01' })).toThrow(ContractError);
  });
});
