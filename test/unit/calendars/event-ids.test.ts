import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookingIdFromEventId, eventIdForBooking } from '../../../src/main/core/calendars/index.js';

describe('deterministic event ids', () => {
  it('are base32hex (what Google accepts), the same every time, and lead back to the booking', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }), (bookingId) => {
        const id = eventIdForBooking(bookingId);
        expect(id).toMatch(/^[a-v0-9]{5,1024}$/);
        expect(eventIdForBooking(bookingId)).toBe(id);
        expect(bookingIdFromEventId(id)).toBe(bookingId);
        expect(bookingIdFromEventId(`${id}.ics`)).toBe(bookingId); // the CalDAV file name
      }),
    );
  });

  it('do not claim other people\'s events', () => {
    for (const foreign of ['abc123', 'frontdesk', 'frontdeskzz', '7kq3a9c0v1', 'phone-event@example.com', 'frontdesk0']) {
      expect(bookingIdFromEventId(foreign)).toBeNull();
    }
  });

  it('differ between bookings', () => {
    expect(eventIdForBooking('b-1')).not.toBe(eventIdForBooking('b-2'));
  });
});
