import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventIdForBooking } from '../../src/main/core/calendars/index.js';
import { createHarness, type Harness } from '../support/core-harness.js';
import { MemoryVault } from '../support/memory-vault.js';
import { icsEvent, Radicale } from '../support/radicale.js';

const T = 'bright-smiles';
const PASSWORD = 'maria-app-password';
const MINUTE = 60_000;

let radicale: Radicale;
let harness: Harness;
let calendarSeq = 0;

beforeAll(async () => {
  radicale = await Radicale.start({ maria: PASSWORD });
}, 60_000);
afterAll(async () => radicale?.dispose());
afterEach(() => harness?.close());

/** A fresh calendar for each test, connected to Maria through the contract like the console does. */
async function connectMaria(vault = new MemoryVault()) {
  const url = await radicale.makeCalendar('maria', `work-${++calendarSeq}`);
  harness = createHarness({ deps: { vault, calendarReadDeadlineMs: 20_000 } });
  const connection = await harness.run('calendars/connect', { tenantId: T, providerId: 'maria', kind: 'caldav', address: url, username: 'maria', password: PASSWORD });
  return { url, connection, vault };
}

const slotTimes = async (date: string) =>
  (await harness.run('availability/list-slots', { tenantId: T, serviceId: 'cleaning', providerId: 'maria', from: date, to: date })).slots.map((s: { start: string }) => s.start.slice(11, 16));

const ours = async (url: string) => [...(await radicale.objects('maria', url)).entries()].filter(([name]) => name.startsWith('frontdesk'));

async function deliverAll() {
  // Delivery passes until nothing is due; the fake clock never moves here, so backoff never interferes.
  for (let pass = 0; pass < 10 && (await harness.core.calendarOutbox.deliverDue()) > 0; pass++);
}

describe('CalDAV calendars against a real Radicale', () => {
  it('connects, and an event another client puts in the calendar blocks that time after one sync', async () => {
    const { url, connection } = await connectMaria();
    expect(connection).toMatchObject({ status: 'ok', kind: 'caldav', providerId: 'maria', countsAsBusy: true, receivesBookings: true, lastError: null });
    expect(await slotTimes('2026-11-24')).toContain('09:00');

    // Tuesday 09:00–10:00 EST, written by "another client" straight into Radicale.
    await radicale.putEvent('maria', url, 'phone-event', icsEvent('phone-event@example.com', '2026-11-24T14:00:00Z', '2026-11-24T15:00:00Z'));
    expect(await slotTimes('2026-11-24')).toContain('09:00'); // not synced yet
    const [outcome] = await harness.run('calendars/sync', { tenantId: T });
    expect(outcome).toMatchObject({ ok: true, full: true, changed: 1 });

    const times = await slotTimes('2026-11-24');
    // A 45-minute cleaning with a 15-minute buffer after: 08:00 ends its buffer at 09:00 (fine), 10:00 starts after the event.
    expect(times).toContain('08:00');
    for (const blocked of ['08:15', '08:30', '08:45', '09:00', '09:15', '09:30', '09:45']) expect(times).not.toContain(blocked);
    expect(times).toContain('10:00');
    await expect(harness.run('bookings/create', { tenantId: T, serviceId: 'cleaning', providerId: 'maria', start: '2026-11-24T09:00', customer: { name: 'Ann Lee' } })).rejects.toMatchObject({ code: 'conflict' });

    const [listed] = await harness.run('calendars/list', { tenantId: T });
    expect(listed).toMatchObject({ status: 'ok', lastError: null, lastSyncAt: '2026-11-23T09:00:00-05:00' });
  });

  it('writes a booking once, moves it when rescheduled, deletes it when cancelled', async () => {
    const { url } = await connectMaria();
    const booking = await harness.run('bookings/create', { tenantId: T, serviceId: 'cleaning', providerId: 'maria', start: '2026-11-24T10:00', customer: { name: 'Ann Lee', phone: '+15555550199' } });
    await deliverAll();
    let events = await ours(url);
    expect(events).toHaveLength(1);
    expect(events[0]?.[0]).toBe(`${eventIdForBooking(booking.id)}.ics`);
    expect(events[0]?.[1]).toMatch(/DTSTART:20261124T150000Z/);
    expect(events[0]?.[1]).toMatch(/SUMMARY:Teeth cleaning – Ann Lee/);

    // Delivered again as if the answer had been lost: If-None-Match makes it an update, not a twin.
    const [put] = harness.core.calendarOutbox.list(T, 10);
    harness.core.calendarStore.updateOutbox(T, put!.seq, { status: 'pending' });
    harness.core.calendarStore.deleteLink(T, put!.connectionId, booking.id);
    await deliverAll();
    expect(await ours(url)).toHaveLength(1);

    // Our own event does not count as outside busy time for our own booking.
    await harness.run('calendars/sync', { tenantId: T });
    await harness.run('bookings/reschedule', { tenantId: T, bookingId: booking.id, start: '2026-11-24T10:15' });
    await deliverAll();
    events = await ours(url);
    expect(events).toHaveLength(1);
    expect(events[0]?.[1]).toMatch(/DTSTART:20261124T151500Z/);

    await harness.run('bookings/cancel', { tenantId: T, bookingId: booking.id });
    await deliverAll();
    expect(await ours(url)).toHaveLength(0);
    // Nothing was flagged along the way: all of it was Frontdesk's own doing.
    expect((await harness.run('bookings/get', { tenantId: T, bookingId: booking.id })).status).toBe('cancelled');
  });

  it('with the server down: bookings wait in the outbox, a new request is held for review, and everything lands once after', async () => {
    const { url } = await connectMaria();
    const first = await harness.run('bookings/create', { tenantId: T, serviceId: 'cleaning', providerId: 'maria', start: '2026-11-24T08:00', customer: { name: 'Ann Lee' } });
    await radicale.stop();
    try {
      await deliverAll(); // fails: connection refused
      const held = await harness.core.bookings.book({ tenantId: T, serviceId: 'cleaning', providerId: 'maria', start: Date.parse('2026-11-24T16:00:00Z'), status: 'confirmed', source: 'phone', actor: 'receptionist', customer: { name: 'Bo Chen' } });
      expect(held.status).toBe('pending_review');
      expect(held.reviewReason).toMatch(/calendar not checked: .*Could not reach the CalDAV server/);
      const [listed] = await harness.run('calendars/list', { tenantId: T });
      expect(listed).toMatchObject({ status: 'error', lastError: expect.stringMatching(/Could not reach the CalDAV server/) });
      const moved = await harness.run('bookings/reschedule', { tenantId: T, bookingId: first.id, start: '2026-11-24T08:15' });
      expect(moved.status).toBe('pending_review');
      expect(harness.core.calendarOutbox.list(T, 10).every((i) => i.status === 'pending')).toBe(true);
    } finally {
      await radicale.start();
    }
    harness.clock.advance(16 * MINUTE); // past any backoff
    await deliverAll();
    const events = await ours(url);
    expect(events).toHaveLength(2);
    const bodies = events.map(([, body]) => body).join('\n');
    expect(bodies).toMatch(/DTSTART:20261124T131500Z/); // the first booking, at its moved time
    expect(bodies).toMatch(/DTSTART:20261124T160000Z/);
    expect(harness.core.calendarOutbox.list(T, 10).every((i) => i.status === 'done')).toBe(true);
  });

  it('a refused password shows "reconnect", raises one alert across many syncs, and a new password clears it', async () => {
    const { connection } = await connectMaria();
    const alerts: unknown[] = [];
    harness.core.events.subscribe((e) => void (e.name === 'calendars/reconnect-needed' && alerts.push(e.payload)));
    harness.core.calendarConnections.reconnect(T, connection.id, JSON.stringify({ password: 'wrong' }));
    for (let i = 0; i < 4; i++) {
      await harness.run('calendars/sync', { tenantId: T });
      harness.clock.advance(20 * MINUTE);
    }
    expect(alerts).toHaveLength(1);
    const [listed] = await harness.run('calendars/list', { tenantId: T });
    expect(listed).toMatchObject({ status: 'reconnect', lastError: expect.stringMatching(/Reconnect this calendar/) });
    const booking = await harness.core.bookings.book({ tenantId: T, serviceId: 'cleaning', providerId: 'maria', start: Date.parse('2026-11-25T14:00:00Z'), status: 'confirmed', source: 'phone', actor: 'receptionist' });
    expect(booking.status).toBe('pending_review');

    harness.core.calendarConnections.reconnect(T, connection.id, JSON.stringify({ password: PASSWORD }));
    const [outcome] = await harness.run('calendars/sync', { tenantId: T });
    expect(outcome).toMatchObject({ ok: true });
    expect((await harness.run('calendars/list', { tenantId: T }))[0]).toMatchObject({ status: 'ok', lastError: null });
  });

  it('puts a booking in the review queue when its event is deleted or an event is added over it outside Frontdesk', async () => {
    const { url } = await connectMaria();
    const a = await harness.run('bookings/create', { tenantId: T, serviceId: 'cleaning', providerId: 'maria', start: '2026-11-24T08:00', customer: { name: 'Ann Lee' } });
    const b = await harness.run('bookings/create', { tenantId: T, serviceId: 'cleaning', providerId: 'maria', start: '2026-11-24T13:00', customer: { name: 'Bo Chen' } });
    await deliverAll();
    await harness.run('calendars/sync', { tenantId: T });
    await radicale.deleteEvent('maria', url, `${eventIdForBooking(a.id)}.ics`);
    await radicale.putEvent('maria', url, 'lunch-run', icsEvent('lunch-run@example.com', '2026-11-24T18:15:00Z', '2026-11-24T18:45:00Z'));
    const [outcome] = await harness.run('calendars/sync', { tenantId: T });
    expect(outcome).toMatchObject({ ok: true, conflicts: 2 });
    const review = await harness.run('review/list', { tenantId: T });
    const reasons = Object.fromEntries(review.map((r: { booking: { id: string }; reasons: string[] }) => [r.booking.id, r.reasons.join(' ')]));
    expect(reasons[a.id]).toMatch(/its event in Maria .* was deleted outside Frontdesk/);
    expect(reasons[b.id]).toMatch(/"Dentist conference call" was added to .* at 1:15 PM/);
    // A second sync with nothing new flags nothing again.
    expect((await harness.run('calendars/sync', { tenantId: T }))[0]).toMatchObject({ conflicts: 0 });
  });
});
