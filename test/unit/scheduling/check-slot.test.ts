import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { availableSlots, checkSlot } from '../../../src/main/core/scheduling/engine/index.js';
import type { BusyInterval, SlotCheck, SlotCheckQuery } from '../../../src/main/core/scheduling/engine/index.js';
import { tenantConfigSchema } from '../../../src/shared/contract/index.js';
import type { TenantConfig } from '../../../src/shared/contract/index.js';

const ZONE = 'America/New_York';
const day: [string, string][] = [
  ['08:00', '12:00'],
  ['13:00', '17:00'],
];

const tenant: TenantConfig = tenantConfigSchema.parse({
  id: 'clinic',
  name: 'Bright Smiles Dental',
  timezone: ZONE,
  country: 'US',
  greeting: 'Hello',
  hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] },
  closures: [{ date: '2026-11-26', reason: 'Thanksgiving' }, { from: '2026-12-28', to: '2026-12-31' }],
  specialHours: [{ date: '2026-11-27', hours: [], reason: 'Staff day' }],
  booking: { slotStepMinutes: 15, minNoticeMinutes: 120, maxAdvanceDays: 60, holdMinutes: 5 },
  providers: [
    { id: 'lee', name: 'Dr. Emily Lee', timeOff: [{ from: '2026-12-01T13:00', to: '2026-12-01T17:00', reason: 'Conference' }] },
    { id: 'patel', name: 'Dr. Raj Patel' },
  ],
  services: [
    { id: 'cleaning', name: 'Teeth cleaning', durationMinutes: 45, bufferAfterMinutes: 15, providerIds: ['lee'] },
    { id: 'exam', name: 'Dental exam', durationMinutes: 30, bufferBeforeMinutes: 5, providerIds: ['lee', 'patel'] },
  ],
});

const at = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toMillis();
const NOW = at('2026-11-20T12:00');

function check(start: string | number, overrides: Partial<SlotCheckQuery> = {}): SlotCheck {
  return checkSlot({
    tenant,
    serviceId: 'cleaning',
    providerId: 'lee',
    start: typeof start === 'number' ? start : at(start),
    now: NOW,
    busy: [],
    ...overrides,
  });
}

describe('checkSlot', () => {
  it('accepts a slot the rules offer and returns it', () => {
    expect(check('2026-11-24T09:00')).toEqual({ ok: true, slot: { providerId: 'lee', start: at('2026-11-24T09:00'), end: at('2026-11-24T09:45') } });
  });

  it('names an unknown service or provider, or a provider who does not offer the service', () => {
    expect(check('2026-11-24T09:00', { serviceId: 'whitening' })).toEqual({
      ok: false,
      reason: 'unknown_service',
      message: 'Bright Smiles Dental has no service "whitening".',
    });
    expect(check('2026-11-24T09:00', { providerId: 'dr-who' })).toMatchObject({ ok: false, reason: 'unknown_provider' });
    expect(check('2026-11-24T09:00', { providerId: 'patel' })).toEqual({
      ok: false,
      reason: 'provider_not_offering',
      message: 'Dr. Raj Patel does not offer Teeth cleaning.',
    });
  });

  it('says when the provider is not working', () => {
    expect(check('2026-11-24T19:00')).toEqual({ ok: false, reason: 'closed', message: 'Dr. Emily Lee is not working at 7:00 PM on Tuesday, November 24.' });
    expect(check('2026-11-24T12:15')).toMatchObject({ reason: 'closed' });
    expect(check('2026-11-28T10:00')).toMatchObject({ reason: 'closed' });
  });

  it('treats time off as not working, without giving its private reason', () => {
    const result = check('2026-12-01T14:00');
    expect(result).toEqual({ ok: false, reason: 'closed', message: 'Dr. Emily Lee is not working at 2:00 PM on Tuesday, December 1.' });
  });

  it('names a closure and its reason, and closed special hours', () => {
    expect(check('2026-11-26T10:00')).toEqual({ ok: false, reason: 'closed', message: 'Bright Smiles Dental is closed on Thursday, November 26 (Thanksgiving).' });
    expect(check('2026-11-27T10:00')).toEqual({ ok: false, reason: 'closed', message: 'Bright Smiles Dental is closed on Friday, November 27 (Staff day).' });
    expect(check('2026-12-30T10:00', { now: at('2026-12-01T09:00') })).toEqual({
      ok: false,
      reason: 'closed',
      message: 'Bright Smiles Dental is closed on Wednesday, December 30.',
    });
  });

  it('says when the visit would run past the end of the available time', () => {
    expect(check('2026-11-24T11:30')).toEqual({
      ok: false,
      reason: 'closed',
      message: 'Dr. Emily Lee is only available until 12:00 PM on Tuesday, November 24, so Teeth cleaning (45 minutes) cannot start at 11:30 AM.',
    });
  });

  it('refuses a start between grid steps', () => {
    expect(check('2026-11-24T09:10')).toEqual({
      ok: false,
      reason: 'not_on_grid',
      message: 'Teeth cleaning with Dr. Emily Lee cannot start at 9:10 AM on Tuesday, November 24; appointments start every 15 minutes.',
    });
    expect(check(at('2026-11-24T09:00') + 1)).toMatchObject({ reason: 'not_on_grid' });
  });

  it('refuses a start inside the minimum notice, and one already past', () => {
    expect(check('2026-11-20T13:45')).toEqual({
      ok: false,
      reason: 'too_soon',
      message: 'Bookings need to be made at least 2 hours ahead, so 1:45 PM on Friday, November 20 is too soon.',
    });
    expect(check('2026-11-20T14:00').ok).toBe(true);
    expect(check('2026-11-20T09:00')).toEqual({ ok: false, reason: 'too_soon', message: '9:00 AM on Friday, November 20 has already passed.' });
  });

  it('refuses a date beyond the advance limit, counted in local days', () => {
    expect(check('2027-01-19T09:00').ok).toBe(true);
    expect(check('2027-01-20T09:00')).toEqual({
      ok: false,
      reason: 'too_far',
      message: 'Bookings can be made up to 60 days ahead (through Tuesday, January 19, 2027), so Wednesday, January 20, 2027 is too far out.',
    });
  });

  it('refuses a start whose buffered visit meets busy time, and allows an adjacent one', () => {
    const busy = (from: string, to: string): BusyInterval[] => [{ providerId: 'lee', start: at(from), end: at(to) }];
    // Cleaning at 09:00 blocks 09:00–10:00 (15 minutes after).
    expect(check('2026-11-24T09:00', { busy: busy('2026-11-24T10:00', '2026-11-24T10:30') }).ok).toBe(true);
    expect(check('2026-11-24T09:00', { busy: busy('2026-11-24T09:59', '2026-11-24T10:30') })).toEqual({
      ok: false,
      reason: 'busy',
      message: 'Dr. Emily Lee is already booked at 9:00 AM on Tuesday, November 24.',
    });
    // Another provider's busy time is not Dr. Lee's.
    expect(check('2026-11-24T09:00', { busy: [{ providerId: 'patel', start: at('2026-11-24T09:00'), end: at('2026-11-24T10:00') }] }).ok).toBe(true);
  });

  it('gives the most permanent reason first: closed before too soon, too far before busy', () => {
    expect(check('2026-11-20T07:00')).toMatchObject({ reason: 'closed' });
    const busy: BusyInterval[] = [{ providerId: 'lee', start: at('2027-02-01T09:00'), end: at('2027-02-01T10:00') }];
    expect(check('2027-02-01T09:00', { busy })).toMatchObject({ reason: 'too_far' });
  });

  it('accepts exactly the starts availableSlots lists, probed every five minutes', () => {
    const busy: BusyInterval[] = [
      { providerId: 'lee', start: at('2026-11-23T09:20'), end: at('2026-11-23T10:05') },
      { providerId: 'patel', start: at('2026-11-23T13:00'), end: at('2026-11-23T15:00') },
      { providerId: 'lee', start: at('2026-11-24T16:00'), end: at('2026-11-24T18:00') },
    ];
    const now = at('2026-11-23T06:50');
    for (const serviceId of ['cleaning', 'exam']) {
      const listed = availableSlots({ tenant, serviceId, providerId: null, fromDate: '2026-11-23', toDate: '2026-11-24', now, busy });
      expect(listed.length).toBeGreaterThan(20);
      const keys = new Set(listed.map((s) => `${s.providerId} ${s.start}`));
      let accepted = 0;
      for (const providerId of ['lee', 'patel']) {
        for (let t = at('2026-11-23T00:00'); t < at('2026-11-25T00:00'); t += 5 * 60_000) {
          const result = checkSlot({ tenant, serviceId, providerId, start: t, now, busy });
          expect(result.ok, `${serviceId} ${providerId} ${DateTime.fromMillis(t, { zone: ZONE }).toISO()}`).toBe(keys.has(`${providerId} ${t}`));
          if (result.ok) accepted++;
        }
      }
      expect(accepted).toBe(listed.length);
    }
  });
});
