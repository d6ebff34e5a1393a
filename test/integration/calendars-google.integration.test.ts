import { beforeEach, describe, expect, it } from 'vitest';
import { eventIdForBooking } from '../../src/main/core/calendars/index.js';
import type { Harness } from '../support/core-harness.js';
import { deliverAll, googleEvent, T, useFakeGoogle } from '../support/google/google-harness.js';

const MINUTE = 60_000;
const fake = useFakeGoogle();
const connectGoogle = fake.connect;
let google: ReturnType<typeof fake.google>;
let harness: Harness;
beforeEach(() => void (google = fake.google()));

const slotTimes = async (date: string) =>
  (await harness.run('availability/list-slots', { tenantId: T, serviceId: 'cleaning', providerId: 'maria', from: date, to: date })).slots.map((s: { start: string }) => s.start.slice(11, 16));
const eventsListed = () => google.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/events'));

describe('Google Calendar through googleapis, against a fake Google', () => {
  it('signs in with the loopback redirect and PKCE, keeps the refresh token in the vault, and connects', async () => {
    const setup = await connectGoogle({ connect: false });
    harness = setup.harness;
    const { url } = await harness.run('calendars/start-sign-in', { tenantId: T, providerId: 'maria', kind: 'google' });
    expect(url).toMatch(/access_type=offline/);
    expect(url).toMatch(/code_challenge_method=S256/);
    // The "browser": follows Google's redirect back to the appliance's loopback listener.
    const page = await fetch(url);
    expect(await page.text()).toMatch(/connected to your Google Calendar/);
    let listed: { status: string; kind: string; lastSyncAt: string | null }[] = [];
    for (let i = 0; i < 500 && !(listed[0]?.lastSyncAt); i++) {
      await new Promise((r) => setTimeout(r, 10));
      listed = await harness.run('calendars/list', { tenantId: T });
    }
    expect(listed).toEqual([expect.objectContaining({ kind: 'google', status: 'ok', receivesBookings: true })]);
    const [name] = setup.vault.names();
    expect(JSON.parse(setup.vault.get(name!)!)).toMatchObject({ refresh_token: expect.stringMatching(/^1\/\/refresh-/) });
  });

  it('a sign-in connects the calendars the account owns, under their own ids (never "primary"): the primary receives bookings, all count as busy, subscribed ones are left out', async () => {
    const setup = await connectGoogle({ connect: false });
    harness = setup.harness;
    google.otherCalendars.push(
      { id: 'maria.personal@group.calendar.google.com', summary: 'Personal', accessRole: 'owner' },
      { id: 'en.usa#holiday@group.v.calendar.google.com', summary: 'Holidays in United States', accessRole: 'reader' },
    );
    const { url } = await harness.run('calendars/start-sign-in', { tenantId: T, providerId: 'maria', kind: 'google' });
    await fetch(url);
    let listed: { address: string; label: string; countsAsBusy: boolean; receivesBookings: boolean; lastSyncAt: string | null }[] = [];
    for (let i = 0; i < 500 && !(listed.length === 2 && listed.every((c) => c.lastSyncAt)); i++) {
      await new Promise((r) => setTimeout(r, 10));
      listed = await harness.run('calendars/list', { tenantId: T });
    }
    expect(listed.map((c) => [c.address, c.countsAsBusy, c.receivesBookings]).sort()).toEqual([
      ['maria.personal@group.calendar.google.com', true, false],
      ['maria@example.com', true, true],
    ]);
    // An event in the personal calendar blocks Maria's time like one in her work calendar.
    google.upsert('maria.personal@group.calendar.google.com', googleEvent('dentist', '2026-11-24T14:00:00Z', '2026-11-24T15:00:00Z'));
    await harness.run('calendars/sync', { tenantId: T });
    expect(await slotTimes('2026-11-24')).not.toContain('09:00');
  });

  it('reads busy time with a sync token, incrementally, and resyncs fully when Google answers 410', async () => {
    ({ harness } = await connectGoogle());
    google.upsert('primary', googleEvent('outside1', '2026-11-24T14:00:00Z', '2026-11-24T15:00:00Z'));
    google.upsert('primary', googleEvent('freeevent', '2026-11-24T18:00:00Z', '2026-11-24T19:00:00Z', { transparency: 'transparent' }));
    google.upsert('primary', googleEvent('declined1', '2026-11-24T19:00:00Z', '2026-11-24T20:00:00Z', { attendees: [{ email: 'maria@example.com', self: true, responseStatus: 'declined' }] }));
    google.pageSize = 2; // three events: two pages, the sync token on the last one only
    try {
      expect((await harness.run('calendars/sync', { tenantId: T }))[0]).toMatchObject({ ok: true, full: true, changed: 3 });
    } finally {
      google.pageSize = 250;
    }
    let times = await slotTimes('2026-11-24');
    expect(times).not.toContain('09:00');
    expect(times).toContain('13:00'); // the free event does not block
    expect(times).toContain('14:00'); // neither does the declined one

    google.upsert('primary', googleEvent('outside2', '2026-11-24T21:00:00Z', '2026-11-24T22:00:00Z'));
    google.cancel('primary', 'outside1');
    expect((await harness.run('calendars/sync', { tenantId: T }))[0]).toMatchObject({ ok: true, full: false, changed: 2 });
    expect(eventsListed().at(-1)?.query).toMatchObject({ syncToken: expect.stringMatching(/^sync-/) });
    times = await slotTimes('2026-11-24');
    expect(times).toContain('09:00');
    expect(times).not.toContain('16:00');

    google.expireSyncTokens();
    expect((await harness.run('calendars/sync', { tenantId: T }))[0]).toMatchObject({ ok: true, full: true });
    expect(await slotTimes('2026-11-24')).not.toContain('16:00');
  });

  it('creates the event under the booking\'s base32hex id once, even when retried after a 503 or a lost answer (409)', async () => {
    ({ harness } = await connectGoogle());
    const booking = await harness.run('bookings/create', { tenantId: T, serviceId: 'cleaning', providerId: 'maria', start: '2026-11-24T10:00', customer: { name: 'Ann Lee' } });
    google.failNext('POST /calendar/v3/calendars/primary/events', { status: 503 });
    await deliverAll(harness);
    expect(google.live('primary')).toHaveLength(0);
    const [waiting] = harness.core.calendarOutbox.list(T, 5);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringMatching(/Google Calendar is having trouble/) });
    expect(waiting!.nextAttemptAt - harness.clock.now()).toBe(30_000);

    harness.clock.advance(30_000);
    await deliverAll(harness);
    expect(google.live('primary').map((e) => e.id)).toEqual([eventIdForBooking(booking.id)]);
    expect(eventIdForBooking(booking.id)).toMatch(/^[a-v0-9]{5,1024}$/);

    // The answer was lost: the row is still pending and no link was kept. The retry meets 409 and updates.
    harness.core.calendarStore.updateOutbox(T, waiting!.seq, { status: 'pending' });
    harness.core.calendarStore.deleteLink(T, waiting!.connectionId, booking.id);
    await deliverAll(harness);
    expect(google.live('primary')).toHaveLength(1);
    expect(google.requests.filter((r) => r.method === 'PUT')).not.toHaveLength(0);

    await harness.run('bookings/reschedule', { tenantId: T, bookingId: booking.id, start: '2026-11-24T10:30' });
    await deliverAll(harness);
    expect(google.live('primary')[0]?.start.dateTime).toBe('2026-11-24T15:30:00.000Z');
    await harness.run('bookings/cancel', { tenantId: T, bookingId: booking.id });
    await deliverAll(harness);
    expect(google.live('primary')).toHaveLength(0);
    // Deleting again (a retried cancel) meets 410 and counts as done.
    const [removal] = harness.core.calendarOutbox.list(T, 1);
    harness.core.calendarStore.updateOutbox(T, removal!.seq, { status: 'pending' });
    harness.core.calendarStore.saveLink({ tenantId: T, connectionId: removal!.connectionId, bookingId: booking.id, eventId: eventIdForBooking(booking.id), remoteId: eventIdForBooking(booking.id), etag: null, start: 0, end: 0 });
    await deliverAll(harness);
    expect(harness.core.calendarOutbox.list(T, 1)[0]).toMatchObject({ status: 'done' });
  });

  it('backs off on 429 for as long as Retry-After says, and exponentially on 5xx, on the practice clock', async () => {
    ({ harness } = await connectGoogle());
    google.failNext('GET /calendar/v3/calendars/primary/events', { status: 429, headers: { 'retry-after': '120' } });
    expect((await harness.core.calendarSync.syncDue())[0]).toMatchObject({ ok: false, error: expect.stringMatching(/slow down/) });
    const calls = eventsListed().length;
    harness.clock.advance(60_000);
    expect(await harness.core.calendarSync.syncDue()).toEqual([]);
    expect(eventsListed()).toHaveLength(calls);
    harness.clock.advance(60_000);
    expect((await harness.core.calendarSync.syncDue())[0]).toMatchObject({ ok: true });

    google.failNext('GET /calendar/v3/calendars/primary/events', { status: 500 }, 2);
    harness.clock.advance(60_000); // the regular interval
    expect((await harness.core.calendarSync.syncDue())[0]).toMatchObject({ ok: false });
    harness.clock.advance(30_000);
    expect((await harness.core.calendarSync.syncDue())[0]).toMatchObject({ ok: false });
    harness.clock.advance(30_000); // the second failure waits 60 s, not 30
    expect(await harness.core.calendarSync.syncDue()).toEqual([]);
    harness.clock.advance(30_000);
    expect((await harness.core.calendarSync.syncDue())[0]).toMatchObject({ ok: true });
  });

  it('a revoked refresh token: "reconnect", one alert however many syncs, and bookings held for review meanwhile', async () => {
    const setup = await connectGoogle();
    harness = setup.harness;
    const alerts: unknown[] = [];
    harness.core.events.subscribe((e) => void (e.name === 'calendars/reconnect-needed' && alerts.push(e.payload)));
    google.revokeRefreshToken(setup.refreshToken);
    for (let i = 0; i < 5; i++) {
      await harness.run('calendars/sync', { tenantId: T });
      harness.clock.advance(30 * MINUTE);
    }
    expect(alerts).toEqual([expect.objectContaining({ providerId: 'maria', message: expect.stringMatching(/Reconnect this calendar/) })]);
    expect((await harness.run('calendars/list', { tenantId: T }))[0]).toMatchObject({ status: 'reconnect' });
    const held = await harness.core.bookings.book({ tenantId: T, serviceId: 'cleaning', providerId: 'maria', start: Date.parse('2026-11-25T14:00:00Z'), status: 'confirmed', source: 'phone', actor: 'receptionist' });
    expect(held).toMatchObject({ status: 'pending_review', reviewReason: expect.stringMatching(/calendar not checked/) });
  });
});
