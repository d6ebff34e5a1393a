import { describe, expect, it } from 'vitest';
import { detectConflicts, eventIdForBooking, type CalendarConnectionRecord, type EventLink, type ExternalEvent } from '../../../src/main/core/calendars/index.js';
import type { BookingRecord } from '../../../src/main/core/scheduling/index.js';
import { tenantConfigSchema } from '../../../src/shared/contract/index.js';
import { demoTenant } from '../../support/demo-tenant.js';

const tenant = tenantConfigSchema.parse(demoTenant());
const at = (iso: string) => Date.parse(iso);
const connection = { tenantId: tenant.id, id: 'c1', providerId: 'maria', label: 'Work', countsAsBusy: true } as CalendarConnectionRecord;
const booking = { id: 'b1', start: at('2026-11-24T14:00:00Z'), end: at('2026-11-24T14:45:00Z') } as BookingRecord;
const link: EventLink = { tenantId: tenant.id, connectionId: 'c1', bookingId: 'b1', eventId: eventIdForBooking('b1'), remoteId: 'x', etag: null, start: booking.start, end: booking.end };
const own: ExternalEvent = { uid: eventIdForBooking('b1'), start: booking.start, end: booking.end, busy: true, bookingId: 'b1', summary: 'Teeth cleaning' };
const window = { from: at('2026-11-22T00:00:00Z'), to: at('2027-01-30T00:00:00Z') };

function detect(page: { full: boolean; events: ExternalEvent[]; removed?: string[] }, before: ExternalEvent[] = [own], inFlight = false) {
  return detectConflicts({
    tenant,
    now: at('2026-11-23T14:00:00Z'),
    connection,
    before: new Map(before.map((e) => [e.uid, e])),
    page: { removed: [], cursor: null, ...page },
    confirmed: [booking],
    links: new Map([['b1', link]]),
    inFlight: () => inFlight,
    window,
  });
}

describe('conflicts from outside edits', () => {
  it('an event added over a booking', () => {
    const added: ExternalEvent = { uid: 'x1', start: at('2026-11-24T14:30:00Z'), end: at('2026-11-24T15:00:00Z'), busy: true, bookingId: null, summary: 'Gym' };
    expect(detect({ full: false, events: [added] })).toEqual([{ bookingId: 'b1', kind: 'overlap', reason: expect.stringMatching(/^"Gym" was added to Work at 9:30 AM/) }]);
    // Free, or already known before this sync: nothing new.
    expect(detect({ full: false, events: [{ ...added, busy: false }] })).toEqual([]);
    expect(detect({ full: false, events: [added] }, [own, added])).toEqual([]);
  });

  it('the booking\'s own event moved or deleted outside, unless Frontdesk itself is still changing it', () => {
    const moved = { ...own, start: own.start + 3_600_000, end: own.end + 3_600_000 };
    expect(detect({ full: false, events: [moved] })).toEqual([expect.objectContaining({ kind: 'moved' })]);
    expect(detect({ full: false, events: [], removed: [own.uid] })).toEqual([expect.objectContaining({ kind: 'deleted' })]);
    expect(detect({ full: true, events: [] })).toEqual([expect.objectContaining({ kind: 'deleted' })]);
    expect(detect({ full: true, events: [] }, [own], true)).toEqual([]);
    expect(detect({ full: true, events: [own] })).toEqual([]);
  });
});
