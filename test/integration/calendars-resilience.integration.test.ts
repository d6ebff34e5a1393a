import { beforeEach, describe, expect, it } from 'vitest';
import { eventIdForBooking } from '../../src/main/core/calendars/index.js';
import type { BookingRecord } from '../../src/main/core/scheduling/index.js';
import type { Harness } from '../support/core-harness.js';
import { deliverAll, googleEvent, T, useFakeGoogle } from '../support/google/google-harness.js';

const MINUTE = 60_000;
const fake = useFakeGoogle();
const connectGoogle = fake.connect;
let google: ReturnType<typeof fake.google>;
let harness: Harness;
beforeEach(() => void (google = fake.google()));

const book = (start: number, name: string) =>
  harness.core.bookings.book({ tenantId: T, serviceId: 'cleaning', providerId: 'maria', start, status: 'confirmed', source: 'phone', actor: 'receptionist', customer: { name } });

/** Maria's free cleaning slots far enough apart (an hour with the buffer) that each can be booked. */
async function separateSlots(count: number, from: string, to: string): Promise<number[]> {
  const { slots } = await harness.run('availability/list-slots', { tenantId: T, serviceId: 'cleaning', providerId: 'maria', from, to });
  const starts: number[] = [];
  for (const slot of slots as { start: string }[]) {
    const start = Date.parse(slot.start);
    if (starts.length === 0 || start >= (starts.at(-1) as number) + 60 * MINUTE) starts.push(start);
    if (starts.length === count) break;
  }
  return starts;
}

describe('calendar resilience', () => {
  it('a calendar down for an hour while 100 bookings are made: held for review, then every event delivered once, in order', async () => {
    ({ harness } = await connectGoogle());
    await harness.run('calendars/sync', { tenantId: T });
    const starts = await separateSlots(101, '2026-11-24', '2026-12-31');
    const later = starts.pop() as number; // kept free for a booking to move to
    expect(starts).toHaveLength(100);

    google.down = true;
    const made: BookingRecord[] = [];
    const cancelled = new Set<string>();
    const moved = new Map<string, number>();
    for (let minute = 0; minute < 60; minute += 5) {
      for (const start of starts.splice(0, minute === 55 ? starts.length : 8)) made.push(await book(start, `caller ${made.length}`));
      // Some callers change their minds during the outage.
      const early = made[made.length - 8];
      if (early && made.length % 16 === 0) {
        await harness.run('bookings/cancel', { tenantId: T, bookingId: early.id });
        cancelled.add(early.id);
      }
      harness.clock.advance(5 * MINUTE);
      await harness.core.calendarOutbox.deliverDue();
      await harness.core.calendarSync.syncDue();
    }
    const mover = made.find((b) => !cancelled.has(b.id))!;
    await harness.run('bookings/reschedule', { tenantId: T, bookingId: mover.id, start: new Date(later).toISOString() });
    moved.set(mover.id, later);

    expect(made).toHaveLength(100);
    expect(made.every((b) => b.status === 'pending_review' && /calendar not checked/.test(b.reviewReason ?? ''))).toBe(true);
    expect(google.live('primary')).toHaveLength(0);
    expect((await harness.run('calendars/list', { tenantId: T }))[0]).toMatchObject({ status: 'error', lastError: expect.stringMatching(/Could not reach Google Calendar/) });

    google.down = false;
    harness.clock.advance(16 * MINUTE); // past the longest backoff
    await deliverAll(harness);

    const live = google.live('primary');
    const expected = made.filter((b) => !cancelled.has(b.id));
    expect(live.map((e) => e.id).sort()).toEqual(expected.map((b) => eventIdForBooking(b.id)).sort());
    expect(new Set(live.map((e) => e.id)).size).toBe(live.length);
    const inserts = google.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/events'));
    expect(inserts).toHaveLength(100); // one per booking: no retry ever made a second event
    expect(live.find((e) => e.id === eventIdForBooking(mover.id))?.start.dateTime).toBe(new Date(later).toISOString());
    expect(harness.core.calendarOutbox.list(T, 500).every((i) => i.status === 'done')).toBe(true);
    // In order: each cancelled booking's event was created before it was deleted, never the other way round.
    expect(cancelled.size).toBeGreaterThan(0);
    for (const id of cancelled) {
      const eventId = eventIdForBooking(id);
      const created = google.requests.findIndex((r) => r.method === 'POST' && r.query.id === eventId);
      const deleted = google.requests.findIndex((r) => r.method === 'DELETE' && r.path.endsWith(`/${eventId}`));
      expect(created).toBeGreaterThanOrEqual(0);
      expect(deleted).toBeGreaterThan(created);
    }
  });

  it('200 concurrent attempts with fresh calendar busy time: never double-booked, never over the calendar', async () => {
    ({ harness } = await connectGoogle());
    await harness.run('calendars/sync', { tenantId: T });
    // Added after the last sync: only the re-read right before each commit can see it.
    google.upsert('primary', googleEvent('surprise', '2026-11-24T14:00:00Z', '2026-11-24T15:00:00Z'));
    const starts = ['08:00', '08:15', '08:30', '08:45', '09:00', '09:15', '09:30', '09:45', '10:00', '10:15'].map((t) => Date.parse(`2026-11-24T${t}:00-05:00`));
    const results = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => book(starts[i % starts.length] as number, `racer ${i}`)));
    const won = results.filter((r): r is PromiseFulfilledResult<BookingRecord> => r.status === 'fulfilled').map((r) => r.value);
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(lost.every((r) => (r.reason as { code?: string }).code === 'conflict')).toBe(true);
    expect(won.length).toBeGreaterThan(0);
    const busyStart = Date.parse('2026-11-24T14:00:00Z');
    const busyEnd = Date.parse('2026-11-24T15:00:00Z');
    for (const b of won) {
      expect(b.status).toBe('confirmed');
      expect(b.blockedStart < busyEnd && busyStart < b.blockedEnd).toBe(false);
      for (const other of won) if (other !== b) expect(b.blockedStart < other.blockedEnd && other.blockedStart < b.blockedEnd).toBe(false);
    }
    // 08:00 (ends with its buffer at 09:00) and 10:00 are the only room there was.
    expect(won.map((b) => b.start).sort()).toEqual([starts[0], starts[8]]);
  });
});
