import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tenantConfigSchema, type TenantConfig } from '../../../src/shared/contract/tenant.js';
import { formatDayTime, formatTimeRange, localDateOfIso, minuteOfDay, startOfWeek } from '../../../src/renderer/components/wall-clock.js';
import { groupSlotsByProvider, keepProvider, providersForService } from '../../../src/renderer/components/slot-options.js';
import {
  buildColumns,
  closedSpans,
  hoursSummary,
  placeBookings,
  providerDayRules,
  providerForClick,
  rangeTitle,
  scheduleWindow,
  shiftAnchor,
  visibleDates,
} from '../../../src/renderer/features/schedule/schedule-layout.js';
import { historyActionLabel, historyDetails, historyStatusChange } from '../../../src/renderer/features/schedule/booking-history.js';
import { booking } from './review-scripted-transport.js';

const demo: TenantConfig = tenantConfigSchema.parse(JSON.parse(readFileSync(new URL('../../../resources/demo-practice.json', import.meta.url), 'utf8')));

describe('wall clock', () => {
  it('shows times as the practice wrote them, whatever zone this PC is in', () => {
    expect(formatTimeRange('2026-11-24T09:00:00-05:00', '2026-11-24T09:45:00-05:00')).toBe('9:00 – 9:45 AM');
    expect(formatTimeRange('2026-11-24T11:30:00-05:00', '2026-11-24T12:15:00-05:00')).toBe('11:30 AM – 12:15 PM');
    expect(formatDayTime('2026-11-24T23:30:00-05:00')).toBe('Tue, Nov 24 · 11:30 PM');
    // 23:30 in New York is already the 25th in UTC: the local date must not move.
    expect(localDateOfIso('2026-11-24T23:30:00-05:00')).toBe('2026-11-24');
    expect(minuteOfDay('2026-11-24T23:30:00-05:00')).toBe(23 * 60 + 30);
  });

  it('keeps the wall clock across a DST change', () => {
    // 1 Nov 2026: New York falls back at 2:00; 9:00 that morning is EST (-05:00).
    expect(minuteOfDay('2026-11-01T09:00:00-05:00')).toBe(9 * 60);
    expect(minuteOfDay('2026-10-31T09:00:00-04:00')).toBe(9 * 60);
    expect(visibleDates('week', '2026-11-01')).toEqual(['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31', '2026-11-01']);
  });
});

describe('schedule ranges', () => {
  it('shows one day or Monday to Sunday, and steps by a day or a week', () => {
    expect(visibleDates('day', '2026-11-25')).toEqual(['2026-11-25']);
    expect(visibleDates('week', '2026-11-25')[0]).toBe('2026-11-23');
    expect(visibleDates('week', '2026-11-29')[6]).toBe('2026-11-29');
    expect(startOfWeek('2026-11-23')).toBe('2026-11-23');
    expect(shiftAnchor('day', '2026-11-30', -1)).toBe('2026-11-29');
    expect(shiftAnchor('week', '2026-11-25', 1)).toBe('2026-12-02');
  });

  it('titles the range the way people say it', () => {
    expect(rangeTitle('day', '2026-11-23')).toBe('Monday, November 23, 2026');
    expect(rangeTitle('week', '2026-11-25')).toBe('Nov 23 – 29, 2026');
    expect(rangeTitle('week', '2026-12-01')).toBe('Nov 30 – Dec 6, 2026');
    expect(rangeTitle('week', '2026-12-30')).toBe('Dec 28, 2026 – Jan 3, 2027');
  });
});

describe('provider day rules', () => {
  it('follows the practice week, with the lunch break as a gap', () => {
    const rules = providerDayRules(demo, 'dr-lee', '2026-11-23');
    expect(rules.open).toEqual([
      [480, 720],
      [780, 1020],
    ]);
    expect(rules.closed).toBe(false);
    expect(rules.note).toBeNull();
  });

  it('uses a provider’s own week when they have one', () => {
    expect(providerDayRules(demo, 'dr-patel', '2026-11-24')).toMatchObject({ open: [], closed: true, note: 'Not working' });
    expect(providerDayRules(demo, 'dr-patel', '2026-11-23').open[0]).toEqual([540, 720]);
  });

  it('closes the day for a closure, single or range, and names it', () => {
    expect(providerDayRules(demo, 'maria', '2026-11-26')).toMatchObject({ open: [], closed: true, note: 'Closed · Thanksgiving' });
    expect(providerDayRules(demo, 'maria', '2026-12-29')).toMatchObject({ closed: true, note: 'Closed · Year-end' });
  });

  it('lets special hours replace the week, even for a provider with their own hours', () => {
    expect(providerDayRules(demo, 'dr-patel', '2026-11-27')).toMatchObject({ open: [[540, 780]], note: 'Special hours · Day after Thanksgiving' });
  });

  it('cuts time off into the day', () => {
    expect(providerDayRules(demo, 'dr-lee', '2026-12-01').timeOff).toEqual([[780, 1020]]);
    expect(providerDayRules(demo, 'dr-lee', '2026-12-02').timeOff).toEqual([]);
  });
});

describe('grid geometry', () => {
  it('shades what is outside the open hours', () => {
    expect(
      closedSpans(
        [
          [480, 720],
          [780, 1020],
        ],
        [420, 1080],
      ),
    ).toEqual([
      [420, 480],
      [720, 780],
      [1020, 1080],
    ]);
    expect(closedSpans([], [480, 1080])).toEqual([[480, 1080]]);
  });

  it('fits the window to whole hours around what is on screen', () => {
    expect(scheduleWindow([])).toEqual([480, 1080]);
    expect(
      scheduleWindow([
        [480, 720],
        [870, 1140],
      ]),
    ).toEqual([480, 1140]);
    expect(scheduleWindow([[495, 510]])).toEqual([480, 720]);
  });

  it('puts overlapping bookings side by side and the rest full width', () => {
    const placed = placeBookings([
      booking({ id: 'a', start: '2026-11-23T09:00:00-05:00', end: '2026-11-23T10:00:00-05:00' }),
      booking({ id: 'b', start: '2026-11-23T09:30:00-05:00', end: '2026-11-23T10:30:00-05:00' }),
      booking({ id: 'c', start: '2026-11-23T10:00:00-05:00', end: '2026-11-23T10:15:00-05:00' }),
      booking({ id: 'd', start: '2026-11-23T11:00:00-05:00', end: '2026-11-23T11:30:00-05:00' }),
    ]);
    const byId = Object.fromEntries(placed.map((p) => [p.booking.id, p]));
    expect(byId.a).toMatchObject({ startMinute: 540, endMinute: 600, lane: 0, lanes: 2 });
    expect(byId.b).toMatchObject({ lane: 1, lanes: 2 });
    expect(byId.c).toMatchObject({ lane: 0, lanes: 2 });
    expect(byId.d).toMatchObject({ lane: 0, lanes: 1 });
  });

  it('builds provider columns for a day and day columns for one provider’s week', () => {
    const bookings = [
      booking({ id: 'x', providerId: 'maria', start: '2026-11-23T09:00:00-05:00', end: '2026-11-23T09:45:00-05:00' }),
      booking({ id: 'y', providerId: 'maria', start: '2026-11-25T09:00:00-05:00', end: '2026-11-25T09:45:00-05:00' }),
    ];
    const day = buildColumns('day', '2026-11-23', demo, bookings, null);
    expect(day.map((c) => c.title)).toEqual(['Dr. Emily Lee', 'Dr. Raj Patel', 'Maria Gomez, RDH']);
    expect(day[2]?.bookings.map((b) => b.booking.id)).toEqual(['x']);
    expect(day[0]?.bookings).toEqual([]);

    const week = buildColumns('week', '2026-11-25', demo, bookings, 'maria');
    expect(week).toHaveLength(7);
    expect(week[0]).toMatchObject({ title: 'Mon 23', providerName: 'Maria Gomez, RDH' });
    expect(week[2]?.bookings.map((b) => b.booking.id)).toEqual(['y']);
    expect(week[3]?.rules.note).toBe('Closed · Thanksgiving');
  });
});

describe('slot options', () => {
  it('lists who offers a service and keeps a provider only if they do', () => {
    expect(providersForService(demo, 'whitening').map((p) => p.id)).toEqual(['dr-patel']);
    expect(keepProvider(demo, 'cleaning', 'dr-patel')).toBeNull();
    expect(keepProvider(demo, 'exam', 'dr-patel')).toBe('dr-patel');
  });

  it('groups free times by provider in time order', () => {
    const slot = (providerId: string, start: string) => ({ providerId, providerName: providerId, start, end: start });
    const groups = groupSlotsByProvider([slot('maria', '2026-11-23T10:00:00-05:00'), slot('dr-lee', '2026-11-23T09:00:00-05:00'), slot('maria', '2026-11-23T09:00:00-05:00')]);
    expect(groups.map((g) => [g.providerId, g.slots.map((s) => s.start.slice(11, 16))])).toEqual([
      ['maria', ['09:00', '10:00']],
      ['dr-lee', ['09:00']],
    ]);
  });
});

describe('column notes', () => {
  it('summarises hours briefly', () => {
    expect(hoursSummary([[480, 720], [780, 1020]])).toBe('8 AM–12 PM, 1–5 PM');
    expect(hoursSummary([[570, 690]])).toBe('9:30–11:30 AM');
    expect(hoursSummary([])).toBe('Closed');
  });
});

describe('booking history lines', () => {
  it('reads as sentences', () => {
    expect(historyActionLabel('review_approved')).toBe('Review approved');
    expect(historyStatusChange({ fromStatus: 'pending_review', toStatus: 'confirmed' })).toBe('Waiting for review → Confirmed');
    expect(historyStatusChange({ fromStatus: null, toStatus: 'held' })).toBe('On hold');
    expect(historyStatusChange({ fromStatus: 'confirmed', toStatus: 'confirmed' })).toBeNull();
    expect(historyDetails({ reason: 'Sick', staffName: 'Sam', nested: { a: 1 } })).toEqual(['Reason: Sick', 'Staff name: Sam']);
  });
});

describe('a click on an empty time in the all-providers week', () => {
  const weekOf = (date: string, bookings: Parameters<typeof buildColumns>[3] = []) =>
    buildColumns('week', date, demo, bookings, 'all').find((c) => c.date === date)!;

  it('books with the first provider working then who has nobody booked then', () => {
    // Monday 10:00: everyone works; Dr. Lee comes first.
    expect(providerForClick(demo, weekOf('2026-11-23'), 10 * 60)).toBe('dr-lee');
    // Dr. Lee booked at 10:00 (and Dr. Patel's week has Mondays from 9): the next one free.
    const lee = booking({ id: 'x', providerId: 'dr-lee', status: 'confirmed', start: '2026-11-23T10:00:00-05:00', end: '2026-11-23T10:30:00-05:00' });
    expect(providerForClick(demo, weekOf('2026-11-23', [lee]), 10 * 60 + 15)).toBe('dr-patel');
    // A visit that is over (completed) does not hold the time.
    expect(providerForClick(demo, weekOf('2026-11-23', [{ ...lee, status: 'completed' }]), 10 * 60 + 15)).toBe('dr-lee');
  });

  it('skips who is off or not working that day', () => {
    // Tuesday Dec 1, 2 PM: Dr. Lee is at a conference, Dr. Patel does not work Tuesdays.
    expect(providerForClick(demo, weekOf('2026-12-01'), 14 * 60)).toBe('maria');
    // Monday 8:30: Dr. Patel starts at 9; Dr. Lee works from 8.
    expect(providerForClick(demo, weekOf('2026-11-23'), 8 * 60 + 30)).toBe('dr-lee');
    // Nobody works on Sunday: the first provider, and the appliance says why when booked.
    expect(providerForClick(demo, weekOf('2026-11-29'), 10 * 60)).toBe('dr-lee');
  });
});
