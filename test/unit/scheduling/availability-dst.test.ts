import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { availableSlots, checkSlot } from '../../../src/main/core/scheduling/engine/index.js';
import type { Slot } from '../../../src/main/core/scheduling/engine/index.js';
import { tenantConfigSchema } from '../../../src/shared/contract/index.js';
import type { TenantConfig } from '../../../src/shared/contract/index.js';

/**
 * The documented semantics (zone-calendar.ts): rule times are the first instant the clock reads
 * them (or later, for a time inside a spring-forward gap); candidate starts are wall-clock times
 * on the step grid, skipped inside a gap, and in a repeated hour each of the two instants offered once;
 * durations are real elapsed time.
 */

function tenant(zone: string, hours: [string, string][], timeOff: { from: string; to: string }[] = []): TenantConfig {
  const week = { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: hours, sun: hours };
  return tenantConfigSchema.parse({
    id: 'clinic',
    name: 'Test Clinic',
    timezone: zone,
    country: 'US',
    greeting: 'Hello',
    hours: week,
    booking: { slotStepMinutes: 15, minNoticeMinutes: 0, maxAdvanceDays: 365, holdMinutes: 5 },
    providers: [{ id: 'lee', name: 'Dr. Emily Lee', timeOff }],
    services: [{ id: 'exam', name: 'Exam', durationMinutes: 30, providerIds: ['lee'] }],
  });
}

const NOW = Date.UTC(2026, 0, 1);
const slotsOn = (t: TenantConfig, date: string): Slot[] =>
  availableSlots({ tenant: t, serviceId: 'exam', providerId: 'lee', fromDate: date, toDate: date, now: NOW, busy: [] });
const iso = (t: TenantConfig, ms: number) => DateTime.fromMillis(ms, { zone: t.timezone }).toISO({ suppressMilliseconds: true, suppressSeconds: true }) as string;
const clock = (t: TenantConfig, ms: number) => DateTime.fromMillis(ms, { zone: t.timezone }).toFormat('HH:mm');

const DAYTIME: [string, string][] = [['09:00', '17:00']];
const cases = [
  { zone: 'America/New_York', date: '2026-03-08', normal: '2026-03-01', offset: '-04:00', kind: 'spring forward' },
  { zone: 'America/New_York', date: '2026-11-01', normal: '2026-10-25', offset: '-05:00', kind: 'fall back' },
  { zone: 'Europe/London', date: '2026-03-29', normal: '2026-03-22', offset: '+01:00', kind: 'spring forward' },
  { zone: 'Europe/London', date: '2026-10-25', normal: '2026-10-18', offset: '+00:00', kind: 'fall back' },
  { zone: 'Australia/Sydney', date: '2026-04-05', normal: '2026-03-29', offset: '+10:00', kind: 'fall back' },
  { zone: 'Australia/Sydney', date: '2026-10-04', normal: '2026-09-27', offset: '+11:00', kind: 'spring forward' },
];

describe.each(cases)('$zone $date ($kind)', ({ zone, date, normal, offset }) => {
  const t = tenant(zone, DAYTIME);

  it('opens at 09:00 local with that day’s offset', () => {
    const first = slotsOn(t, date)[0] as Slot;
    expect(iso(t, first.start)).toBe(`${date}T09:00${offset}`);
  });

  it('offers as many daytime slots as a normal day, at the same wall times, each 30 real minutes long', () => {
    const change = slotsOn(t, date);
    const usual = slotsOn(t, normal);
    expect(change.length).toBe(31);
    expect(change.map((s) => clock(t, s.start))).toEqual(usual.map((s) => clock(t, s.start)));
    expect(change.every((s) => s.end - s.start === 30 * 60_000)).toBe(true);
    expect(clock(t, (change.at(-1) as Slot).end)).toBe('17:00');
  });
});

describe('open across the night of the change', () => {
  const NIGHT: [string, string][] = [['00:00', '04:00']];

  it('New York spring forward: skips the missing 02:xx starts; a visit may run across the jump', () => {
    const t = tenant('America/New_York', NIGHT);
    const slots = slotsOn(t, '2026-03-08');
    expect(slots.map((s) => clock(t, s.start))).toEqual(['00:00', '00:15', '00:30', '00:45', '01:00', '01:15', '01:30', '01:45', '03:00', '03:15', '03:30']);
    const last = slots.find((s) => clock(t, s.start) === '01:45') as Slot;
    expect(iso(t, last.end)).toBe('2026-03-08T03:15-04:00');
    expect(iso(t, (slots.at(-1) as Slot).end)).toBe('2026-03-08T04:00-04:00');
    expect(slotsOn(t, '2026-03-01').length).toBe(15);
  });

  it('New York fall back: the repeated hour is offered at both of its instants, in time order', () => {
    const t = tenant('America/New_York', NIGHT);
    const slots = slotsOn(t, '2026-11-01');
    const usual = slotsOn(t, '2026-10-25');
    // Five real hours open instead of four: the extra hour brings four more 15-minute starts.
    expect(slots.length).toBe(usual.length + 4);
    expect(slots.filter((s) => clock(t, s.start).startsWith('01:')).map((s) => iso(t, s.start))).toEqual([
      '2026-11-01T01:00-04:00',
      '2026-11-01T01:15-04:00',
      '2026-11-01T01:30-04:00',
      '2026-11-01T01:45-04:00',
      '2026-11-01T01:00-05:00',
      '2026-11-01T01:15-05:00',
      '2026-11-01T01:30-05:00',
      '2026-11-01T01:45-05:00',
    ]);
    expect(new Set(slots.map((s) => s.start)).size).toBe(slots.length);
    expect(slots.every((s, i) => i === 0 || (slots[i - 1] as Slot).start < s.start)).toBe(true);
    // The interval is five real hours long, and closes at 04:00 EST.
    expect(iso(t, (slots.at(-1) as Slot).end)).toBe('2026-11-01T04:00-05:00');
  });

  it('New York fall back: both 01:30s are bookable start times', () => {
    const t = tenant('America/New_York', NIGHT);
    const second = DateTime.fromISO('2026-11-01T01:30-05:00').toMillis();
    const first = DateTime.fromISO('2026-11-01T01:30-04:00').toMillis();
    const check = (start: number) => checkSlot({ tenant: t, serviceId: 'exam', providerId: 'lee', start, now: NOW, busy: [] });
    expect(check(first).ok).toBe(true);
    expect(check(second).ok).toBe(true);
    expect(check(second + 5 * 60_000)).toMatchObject({ ok: false, reason: 'not_on_grid' });
  });

  it('London spring forward: skips 01:xx, which does not exist', () => {
    const t = tenant('Europe/London', NIGHT);
    const slots = slotsOn(t, '2026-03-29');
    expect(slots.map((s) => clock(t, s.start))).toEqual(['00:00', '00:15', '00:30', '00:45', '02:00', '02:15', '02:30', '02:45', '03:00', '03:15', '03:30']);
    expect(iso(t, (slots[3] as Slot).end)).toBe('2026-03-29T02:15+01:00');
  });

  it('London fall back: 01:xx offered in British Summer Time, then again in Greenwich Mean Time', () => {
    const t = tenant('Europe/London', NIGHT);
    const slots = slotsOn(t, '2026-10-25');
    expect(slots.length).toBe(19);
    expect(iso(t, (slots[4] as Slot).start)).toBe('2026-10-25T01:00+01:00');
    expect(iso(t, (slots[8] as Slot).start)).toBe('2026-10-25T01:00+00:00');
  });

  it('an opening inside the gap opens when the clocks jump, and the grid starts there', () => {
    const t = tenant('America/New_York', [['02:30', '05:00']]);
    const slots = slotsOn(t, '2026-03-08');
    expect(slots.map((s) => clock(t, s.start))).toEqual(['03:00', '03:15', '03:30', '03:45', '04:00', '04:15', '04:30']);
  });

  it('time off given in the repeated hour means its first occurrence', () => {
    const t = tenant('America/New_York', NIGHT, [{ from: '2026-11-01T01:00', to: '2026-11-01T01:30' }]);
    const slots = slotsOn(t, '2026-11-01');
    expect(slots.map((s) => iso(t, s.start)).filter((s) => s.includes('T01:'))).toEqual([
      '2026-11-01T01:30-04:00',
      '2026-11-01T01:45-04:00',
      '2026-11-01T01:00-05:00',
      '2026-11-01T01:15-05:00',
      '2026-11-01T01:30-05:00',
      '2026-11-01T01:45-05:00',
    ]);
  });

  it('a day ending at 24:00 ends at the next local midnight on a change day', () => {
    const t = tenant('America/New_York', [['22:00', '24:00']]);
    const slots = slotsOn(t, '2026-10-31');
    expect(iso(t, (slots.at(-1) as Slot).end)).toBe('2026-11-01T00:00-04:00');
    expect(slots.length).toBe(7);
  });
});
