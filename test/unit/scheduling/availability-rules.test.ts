import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { availableSlots, blockedInterval, checkSlot } from '../../../src/main/core/scheduling/engine/index.js';
import type { AvailabilityQuery, BusyInterval, Slot } from '../../../src/main/core/scheduling/engine/index.js';
import { ContractError, tenantConfigSchema } from '../../../src/shared/contract/index.js';
import type { TenantConfig, TenantConfigInput } from '../../../src/shared/contract/index.js';

const ZONE = 'America/New_York';
const weekdays = (day: [string, string][], sat: [string, string][] = [], sun: [string, string][] = []) => ({
  mon: day,
  tue: day,
  wed: day,
  thu: day,
  fri: day,
  sat,
  sun,
});

function tenant(overrides: Partial<TenantConfigInput> = {}): TenantConfig {
  return tenantConfigSchema.parse({
    id: 'clinic',
    name: 'Test Clinic',
    timezone: ZONE,
    country: 'US',
    greeting: 'Hello',
    hours: weekdays(
      [
        ['08:00', '12:00'],
        ['13:00', '17:00'],
      ],
      [['09:00', '12:00']],
    ),
    booking: { slotStepMinutes: 15, minNoticeMinutes: 0, maxAdvanceDays: 60, holdMinutes: 5 },
    providers: [
      { id: 'lee', name: 'Dr. Emily Lee' },
      { id: 'patel', name: 'Dr. Raj Patel', hours: { ...weekdays([['09:00', '11:00']]), tue: [] } },
      { id: 'maria', name: 'Maria Gomez' },
    ],
    services: [
      { id: 'exam', name: 'Dental exam', durationMinutes: 30, providerIds: ['lee', 'patel'] },
      { id: 'cleaning', name: 'Teeth cleaning', durationMinutes: 45, bufferAfterMinutes: 15, providerIds: ['maria', 'lee'] },
      { id: 'filling', name: 'Filling', durationMinutes: 60, bufferBeforeMinutes: 10, bufferAfterMinutes: 10, providerIds: ['lee'] },
      { id: 'consult', name: 'Consultation', durationMinutes: 30, providerIds: ['patel', 'lee'] },
    ],
    ...overrides,
  });
}

const at = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toMillis();
const wall = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE }).toFormat('HH:mm');
const times = (slots: Slot[]) => slots.map((s) => wall(s.start));
// Friday noon before the test week; Monday 2026-11-23 is the usual test day.
const NOW = at('2026-11-20T12:00');

function query(overrides: Partial<AvailabilityQuery> = {}): AvailabilityQuery {
  return { tenant: tenant(), serviceId: 'exam', providerId: 'lee', fromDate: '2026-11-23', toDate: '2026-11-23', now: NOW, busy: [], ...overrides };
}

/** Every start from `from` to `to` (inclusive) `step` minutes apart, as "HH:MM". */
function grid(from: string, to: string, step: number): string[] {
  const out: string[] = [];
  for (let t = DateTime.fromISO(`2026-01-01T${from}`); t <= DateTime.fromISO(`2026-01-01T${to}`); t = t.plus({ minutes: step })) out.push(t.toFormat('HH:mm'));
  return out;
}

describe('open intervals', () => {
  it('uses the practice hours for a provider without hours of their own', () => {
    const slots = availableSlots(query());
    expect(times(slots)).toEqual([...grid('08:00', '11:30', 15), ...grid('13:00', '16:30', 15)]);
    expect(slots.every((s) => s.providerId === 'lee' && s.end - s.start === 30 * 60_000)).toBe(true);
  });

  it("uses a provider's own hours instead of the practice's", () => {
    expect(times(availableSlots(query({ providerId: 'patel' })))).toEqual(grid('09:00', '10:30', 15));
    // Patel does not work Tuesdays although the practice is open.
    expect(availableSlots(query({ providerId: 'patel', fromDate: '2026-11-24', toDate: '2026-11-24' }))).toEqual([]);
    // And the practice's Saturday hours do not apply to him.
    expect(availableSlots(query({ providerId: 'patel', fromDate: '2026-11-28', toDate: '2026-11-28' }))).toEqual([]);
    expect(times(availableSlots(query({ fromDate: '2026-11-28', toDate: '2026-11-28' })))).toEqual(grid('09:00', '11:30', 15));
  });

  it('replaces every provider’s hours with special hours on that date', () => {
    const t = tenant({ specialHours: [{ date: '2026-11-24', hours: [['10:00', '11:00']], reason: 'Staff training' }] });
    for (const providerId of ['lee', 'patel']) {
      const slots = availableSlots(query({ tenant: t, providerId, fromDate: '2026-11-24', toDate: '2026-11-24' }));
      expect(times(slots)).toEqual(['10:00', '10:15', '10:30']);
    }
    // The day before is untouched.
    expect(availableSlots(query({ tenant: t })).length).toBe(30);
  });

  it('closes the day when special hours are empty', () => {
    const t = tenant({ specialHours: [{ date: '2026-11-23', hours: [] }] });
    expect(availableSlots(query({ tenant: t }))).toEqual([]);
  });

  it('closes on a single closure date', () => {
    const t = tenant({ closures: [{ date: '2026-11-26', reason: 'Thanksgiving' }] });
    const slots = availableSlots(query({ tenant: t, fromDate: '2026-11-25', toDate: '2026-11-27' }));
    const dates = new Set(slots.map((s) => DateTime.fromMillis(s.start, { zone: ZONE }).toISODate()));
    expect([...dates]).toEqual(['2026-11-25', '2026-11-27']);
  });

  it('closes every day of a closure range, both ends included', () => {
    const t = tenant({ closures: [{ from: '2026-12-28', to: '2026-12-31' }] });
    const slots = availableSlots(query({ tenant: t, fromDate: '2026-12-25', toDate: '2027-01-04' }));
    const dates = new Set(slots.map((s) => DateTime.fromMillis(s.start, { zone: ZONE }).toISODate()));
    expect([...dates]).toEqual(['2026-12-25', '2026-12-26', '2027-01-01', '2027-01-02', '2027-01-04']);
  });

  it('closure wins over special hours', () => {
    const t = tenant({ closures: [{ date: '2026-11-23' }], specialHours: [{ date: '2026-11-23', hours: [['08:00', '20:00']] }] });
    expect(availableSlots(query({ tenant: t }))).toEqual([]);
  });

  it('cuts time off out of an interval', () => {
    const t = tenant({
      providers: [
        { id: 'lee', name: 'Dr. Emily Lee', timeOff: [{ from: '2026-11-23T09:00', to: '2026-11-23T10:00' }] },
        { id: 'patel', name: 'Dr. Raj Patel' },
        { id: 'maria', name: 'Maria Gomez' },
      ],
    });
    const morning = times(availableSlots(query({ tenant: t }))).filter((s) => s < '12:00');
    expect(morning).toEqual([...grid('08:00', '08:30', 15), ...grid('10:00', '11:30', 15)]);
  });

  it('keeps the grid anchored to the opening time when time off ends off the hour', () => {
    const t = tenant({
      providers: [
        { id: 'lee', name: 'Dr. Emily Lee', timeOff: [{ from: '2026-11-23T08:50', to: '2026-11-23T10:10' }] },
        { id: 'patel', name: 'Dr. Raj Patel' },
        { id: 'maria', name: 'Maria Gomez' },
      ],
    });
    const morning = times(availableSlots(query({ tenant: t }))).filter((s) => s < '12:00');
    expect(morning).toEqual(['08:00', '08:15', ...grid('10:15', '11:30', 15)]);
  });

  it('offers 3:30 and 4:00, not 3:35, after time off ending at 3:20 PM', () => {
    const t = tenant({
      providers: [
        { id: 'lee', name: 'Dr. Emily Lee', timeOff: [{ from: '2026-11-23T13:00', to: '2026-11-23T15:20' }] },
        { id: 'patel', name: 'Dr. Raj Patel' },
        { id: 'maria', name: 'Maria Gomez' },
      ],
    });
    const afternoon = times(availableSlots(query({ tenant: t }))).filter((s) => s >= '13:00');
    expect(afternoon).toEqual(grid('15:30', '16:30', 15));
    expect(checkSlot({ tenant: t, serviceId: 'exam', providerId: 'lee', start: at('2026-11-23T16:00'), now: NOW, busy: [] }).ok).toBe(true);
    expect(checkSlot({ tenant: t, serviceId: 'exam', providerId: 'lee', start: at('2026-11-23T15:35'), now: NOW, busy: [] })).toMatchObject({ ok: false, reason: 'not_on_grid' });
  });

  it('keeps the grid when outside busy time ends off the hour', () => {
    const busy: BusyInterval[] = [{ providerId: 'lee', start: at('2026-11-23T08:00'), end: at('2026-11-23T09:07') }];
    const morning = times(availableSlots(query({ busy }))).filter((s) => s < '12:00');
    expect(morning).toEqual(grid('09:15', '11:30', 15));
  });

  it('removes whole days under time off spanning several days, and keeps the rest of the last one', () => {
    const t = tenant({
      providers: [
        { id: 'lee', name: 'Dr. Emily Lee', timeOff: [{ from: '2026-11-22T18:00', to: '2026-11-25T12:30' }] },
        { id: 'patel', name: 'Dr. Raj Patel' },
        { id: 'maria', name: 'Maria Gomez' },
      ],
    });
    const slots = availableSlots(query({ tenant: t, fromDate: '2026-11-23', toDate: '2026-11-25' }));
    expect(slots.every((s) => DateTime.fromMillis(s.start, { zone: ZONE }).toISODate() === '2026-11-25')).toBe(true);
    expect(times(slots)).toEqual(grid('13:00', '16:30', 15));
  });
});

describe('candidate grid', () => {
  it('offers only starts whose visit fits: a 45-minute visit in 08:00–12:00 starts last at 11:15', () => {
    const slots = availableSlots(query({ serviceId: 'cleaning', providerId: 'maria' }));
    const morning = times(slots).filter((s) => s < '12:00');
    expect(morning.at(-1)).toBe('11:15');
    expect(morning).toEqual(grid('08:00', '11:15', 15));
    expect(slots[0]?.end).toBe(at('2026-11-23T08:45'));
  });

  it('steps from each interval’s own start', () => {
    const t = tenant({
      booking: { slotStepMinutes: 20, minNoticeMinutes: 0, maxAdvanceDays: 60, holdMinutes: 5 },
      hours: weekdays([
        ['08:00', '12:00'],
        ['13:10', '15:00'],
      ]),
    });
    expect(times(availableSlots(query({ tenant: t })))).toEqual([...grid('08:00', '11:20', 20), ...grid('13:10', '14:30', 20)]);
  });

  it('does not let a visit straddle two touching intervals', () => {
    const t = tenant({
      hours: weekdays([
        ['08:00', '09:00'],
        ['09:00', '10:00'],
      ]),
    });
    expect(times(availableSlots(query({ tenant: t, serviceId: 'cleaning', providerId: 'maria' })))).toEqual(['08:00', '08:15', '09:00', '09:15']);
  });

  it('closes a day at "24:00"', () => {
    const t = tenant({ hours: weekdays([['22:00', '24:00']]) });
    expect(times(availableSlots(query({ tenant: t })))).toEqual(grid('22:00', '23:30', 15));
  });
});

describe('busy time and buffers', () => {
  // Filling: 60 minutes, 10 before, 10 after, so a start s blocks [s − 10, s + 70).
  const filling = (busy: BusyInterval[]) => times(availableSlots(query({ serviceId: 'filling', busy }))).filter((s) => s < '12:00');
  const lee = (from: string, to: string): BusyInterval => ({ providerId: 'lee', start: at(`2026-11-23T${from}`), end: at(`2026-11-23T${to}`) });

  it('computes the blocked interval with both buffers', () => {
    const t = tenant();
    const service = t.services.find((s) => s.id === 'filling');
    if (!service) throw new Error('fixture');
    expect(blockedInterval(service, at('2026-11-23T10:00'))).toEqual({ start: at('2026-11-23T09:50'), end: at('2026-11-23T11:10') });
  });

  it('refuses starts whose buffered interval overlaps busy time', () => {
    expect(filling([lee('10:00', '10:30')])).toEqual(['08:00', '08:15', '08:30', '08:45', '10:45', '11:00']);
  });

  it('allows an after-buffer that ends exactly where busy time starts, and refuses one minute more', () => {
    expect(filling([lee('09:55', '10:30')])).toContain('08:45');
    expect(filling([lee('09:54', '10:30')])).not.toContain('08:45');
  });

  it('allows a before-buffer that starts exactly where busy time ends, and refuses one minute more', () => {
    expect(filling([lee('09:00', '10:35')])).toContain('10:45');
    expect(filling([lee('09:00', '10:36')])).not.toContain('10:45');
  });

  it('ignores other providers’ busy time', () => {
    expect(filling([{ ...lee('08:00', '12:00'), providerId: 'patel' }])).toEqual(grid('08:00', '11:00', 15));
  });

  it('handles unsorted, overlapping busy intervals like their union', () => {
    const messy = [lee('10:40', '11:00'), lee('08:20', '08:40'), lee('10:00', '10:50'), lee('08:30', '08:35'), lee('10:30', '10:45')];
    const union = [lee('08:20', '08:40'), lee('10:00', '11:00')];
    expect(filling(messy)).toEqual(filling(union));
    expect(filling(union)).toEqual([]);
    expect(times(availableSlots(query({ busy: messy })))).toEqual(times(availableSlots(query({ busy: union }))));
  });

  it('ignores empty busy intervals', () => {
    expect(filling([lee('10:00', '10:00')])).toEqual(grid('08:00', '11:00', 15));
  });
});

describe('booking window', () => {
  it('offers nothing before now plus the minimum notice; a start exactly at the limit is fine', () => {
    const t = tenant({ booking: { slotStepMinutes: 15, minNoticeMinutes: 60, maxAdvanceDays: 60, holdMinutes: 5 } });
    expect(times(availableSlots(query({ tenant: t, now: at('2026-11-23T09:07') })))[0]).toBe('10:15');
    expect(times(availableSlots(query({ tenant: t, now: at('2026-11-23T09:00') })))[0]).toBe('10:00');
    expect(times(availableSlots(query({ now: at('2026-11-23T09:07') })))[0]).toBe('09:15');
  });

  it('counts the advance limit in local days, not UTC days', () => {
    // 23:30 Friday in New York is already Saturday in UTC.
    const now = at('2026-11-20T23:30');
    const t = tenant({ booking: { slotStepMinutes: 15, minNoticeMinutes: 0, maxAdvanceDays: 3, holdMinutes: 5 } });
    const slots = availableSlots(query({ tenant: t, now, fromDate: '2026-11-20', toDate: '2026-11-30' }));
    const dates = new Set(slots.map((s) => DateTime.fromMillis(s.start, { zone: ZONE }).toISODate()));
    expect([...dates]).toEqual(['2026-11-21', '2026-11-23']);
  });

  it('returns nothing for a range entirely in the past or beyond the limit', () => {
    expect(availableSlots(query({ fromDate: '2026-11-01', toDate: '2026-11-19' }))).toEqual([]);
    expect(availableSlots(query({ fromDate: '2027-06-01', toDate: '2027-06-30' }))).toEqual([]);
  });
});

describe('any provider', () => {
  it('unions the service’s providers, tagged, ordered by start then the service’s provider order', () => {
    // consult lists patel before lee.
    const slots = availableSlots(query({ serviceId: 'consult', providerId: null }));
    const patel = availableSlots(query({ serviceId: 'consult', providerId: 'patel' }));
    const lee = availableSlots(query({ serviceId: 'consult', providerId: 'lee' }));
    expect(slots.length).toBe(patel.length + lee.length);
    expect(slots.slice(0, 6).map((s) => `${wall(s.start)} ${s.providerId}`)).toEqual([
      '08:00 lee',
      '08:15 lee',
      '08:30 lee',
      '08:45 lee',
      '09:00 patel',
      '09:00 lee',
    ]);
    for (let i = 1; i < slots.length; i++) {
      const [a, b] = [slots[i - 1] as Slot, slots[i] as Slot];
      expect(a.start < b.start || (a.start === b.start && a.providerId === 'patel' && b.providerId === 'lee')).toBe(true);
    }
  });

  it('treats a missing provider like null', () => {
    const { providerId: _, ...rest } = query({ serviceId: 'consult' });
    expect(availableSlots(rest)).toEqual(availableSlots(query({ serviceId: 'consult', providerId: null })));
  });

  it('keeps each provider’s busy time to that provider', () => {
    const busy: BusyInterval[] = [{ providerId: 'patel', start: at('2026-11-23T09:00'), end: at('2026-11-23T09:30') }];
    const nine = availableSlots(query({ serviceId: 'consult', providerId: null, busy })).filter((s) => wall(s.start) === '09:00');
    expect(nine.map((s) => s.providerId)).toEqual(['lee']);
  });
});

describe('invalid queries', () => {
  const code = (q: AvailabilityQuery) => {
    try {
      availableSlots(q);
    } catch (error) {
      expect(error).toBeInstanceOf(ContractError);
      return [(error as ContractError).code, (error as ContractError).message];
    }
    throw new Error('expected a ContractError');
  };

  it('refuses an unknown service or provider as not found', () => {
    expect(code(query({ serviceId: 'massage' }))).toEqual(['not_found', 'Test Clinic has no service "massage".']);
    expect(code(query({ providerId: 'dr-who' }))).toEqual(['not_found', 'Test Clinic has no provider "dr-who".']);
  });

  it('refuses a provider who does not offer the service', () => {
    expect(code(query({ serviceId: 'filling', providerId: 'patel' }))).toEqual(['invalid_input', 'Dr. Raj Patel does not offer Filling.']);
  });

  it('refuses a backwards or malformed date range', () => {
    expect(code(query({ fromDate: '2026-11-24', toDate: '2026-11-23' }))[0]).toBe('invalid_input');
    expect(code(query({ fromDate: '2026-02-30', toDate: '2026-03-01' }))[0]).toBe('invalid_input');
    expect(code(query({ fromDate: 'tomorrow', toDate: '2026-11-23' }))[0]).toBe('invalid_input');
  });
});
