import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventIdForBooking } from '../../src/main/core/calendars/index.js';
import { startCallHarness, type CallHarness } from '../support/call-harness.js';
import type { Harness } from '../support/core-harness.js';
import type { FakeMicrosoft } from '../support/microsoft/fake-microsoft.js';
import { DEFAULT_CALENDAR, deliverAll, signIn, T, until, useFakeMicrosoft } from '../support/microsoft/microsoft-harness.js';

const fake = useFakeMicrosoft();
let microsoft: FakeMicrosoft;
let harness: Harness;
beforeEach(() => void (microsoft = fake.microsoft()));
const posts = () => microsoft.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/events'));

describe('bookings into Outlook through the outbox, exactly once', () => {
  it('creates the event with the booking\'s transactionId once, through a 503, a lost answer and a 409 duplicate; moves with PATCH; cancels with DELETE', async () => {
    ({ harness } = fake.open());
    await signIn(harness);
    const booking = await harness.run('bookings/create', { tenantId: T, serviceId: 'cleaning', providerId: 'maria', start: '2026-11-24T10:00', customer: { name: 'Ann Lee' } });
    microsoft.failNext('POST /v1.0/me/calendars/', { status: 503, headers: { 'retry-after': '45' } });
    await deliverAll(harness);
    expect(microsoft.live()).toHaveLength(0);
    const [waiting] = harness.core.calendarOutbox.list(T, 5);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringMatching(/Outlook is having trouble/) });
    expect(waiting!.nextAttemptAt - harness.clock.now()).toBe(45_000);
    expect(await harness.run('calendars/list-deliveries', { tenantId: T })).toEqual([
      expect.objectContaining({ what: 'Teeth cleaning – Ann Lee', appointmentAt: '2026-11-24T10:00:00-05:00', change: 'write', status: 'pending', attempts: 1, nextAttemptAt: '2026-11-23T09:00:45-05:00', lastError: expect.stringMatching(/Outlook is having trouble/) }),
    ]);

    harness.clock.advance(45_000);
    await deliverAll(harness);
    expect(microsoft.live().map((e) => e.transactionId)).toEqual([eventIdForBooking(booking.id)]);
    expect(await harness.run('calendars/list-deliveries', { tenantId: T })).toEqual([]);
    expect(microsoft.live()[0]).toMatchObject({ subject: expect.stringMatching(/Ann Lee/), start: { dateTime: '2026-11-24T15:00:00.000', timeZone: 'UTC' } });

    // The answer was lost: the row is still pending and no link was kept. Graph drops the repeated create.
    harness.core.calendarStore.updateOutbox(T, waiting!.seq, { status: 'pending' });
    harness.core.calendarStore.deleteLink(T, waiting!.connectionId, booking.id);
    await deliverAll(harness);
    expect(microsoft.live()).toHaveLength(1);
    expect(posts()).toHaveLength(3);

    // Lost again, and the booking changed in between: Graph answers 409 for the same transactionId; the event is found and updated.
    harness.core.calendarStore.deleteLink(T, waiting!.connectionId, booking.id);
    await harness.run('bookings/reschedule', { tenantId: T, bookingId: booking.id, start: '2026-11-24T10:30' });
    await deliverAll(harness);
    expect(microsoft.live()).toHaveLength(1);
    expect(microsoft.live()[0]?.start.dateTime).toBe('2026-11-24T15:30:00.000');
    expect(microsoft.requests.some((r) => r.method === 'GET' && r.query.$filter?.startsWith('transactionId eq'))).toBe(true);

    await harness.run('bookings/reschedule', { tenantId: T, bookingId: booking.id, start: '2026-11-24T11:00' });
    await deliverAll(harness);
    expect(microsoft.requests.at(-1)).toMatchObject({ method: 'PATCH' });
    expect(microsoft.live()[0]?.start.dateTime).toBe('2026-11-24T16:00:00.000');

    await harness.run('bookings/cancel', { tenantId: T, bookingId: booking.id });
    await deliverAll(harness);
    expect(microsoft.live()).toHaveLength(0);
    // Deleting again (a retried cancel) meets 404 and counts as done.
    const [removal] = harness.core.calendarOutbox.list(T, 1);
    const deleted = microsoft.calendar(DEFAULT_CALENDAR).events.values().next().value!;
    harness.core.calendarStore.updateOutbox(T, removal!.seq, { status: 'pending' });
    harness.core.calendarStore.saveLink({ tenantId: T, connectionId: removal!.connectionId, bookingId: booking.id, eventId: eventIdForBooking(booking.id), remoteId: deleted.id, etag: null, start: 0, end: 0 });
    await deliverAll(harness);
    expect(harness.core.calendarOutbox.list(T, 1)[0]).toMatchObject({ status: 'done' });
    expect(microsoft.requests.at(-1)).toMatchObject({ method: 'DELETE' });
  });

  it('Outlook down while 20 bookings are made: all delivered once after it returns, in order', async () => {
    ({ harness } = fake.open());
    await signIn(harness);
    microsoft.down = true;
    const ids: string[] = [];
    const days = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-07'];
    const hours = ['09:00', '10:00', '11:00', '13:00', '14:00'];
    for (let i = 0; i < 20; i++) {
      const b = await harness.run('bookings/create', { tenantId: T, serviceId: 'cleaning', providerId: 'maria', start: `${days[Math.floor(i / 5)]}T${hours[i % 5]}`, customer: { name: `Caller ${i}` } });
      ids.push(b.id);
    }
    await deliverAll(harness);
    expect(microsoft.live()).toHaveLength(0);
    microsoft.down = false;
    for (let i = 0; i < 20 && microsoft.live().length < 20; i++) {
      harness.clock.advance(60 * 60_000);
      await deliverAll(harness);
    }
    expect(microsoft.live().map((e) => e.transactionId)).toEqual(ids.map(eventIdForBooking));
    expect(posts().map((r) => r.path).length).toBe(20);
  });
});

describe('a whole booking by phone, in the fake Outlook', () => {
  let h: CallHarness;
  afterEach(async () => h?.stop());

  it('appears once when booked, moves when rescheduled and disappears when cancelled', async () => {
    const microsoftBase = microsoft.baseUrl;
    h = await startCallHarness({ config: { outlook: { clientId: '5f8c1a9e-frontdesk-desktop', apiBase: microsoftBase, oauthBase: microsoftBase } } });
    const { url } = await h.run('calendars/start-sign-in', { tenantId: T, providerId: 'maria', kind: 'outlook' });
    await fetch(url);
    await until(() => h.run('calendars/list', { tenantId: T }), (l: { lastSyncAt: string | null }[]) => Boolean(l[0]?.lastSyncAt));

    const ANN = '+15555550199';
    const booking = await h.converse(ANN, ['Hi, I need a cleaning with Maria next Tuesday afternoon', 'the first one', 'Ann Lee', 'yes']);
    expect(booking.heard().join(' ')).toMatch(/You're all set/);
    await booking.hangup();
    // The appliance's own outbox timer delivers it (real time, a second or so).
    const created = await until(async () => microsoft.live(), (l) => l.length === 1);
    expect(created).toHaveLength(1);
    const [event] = created;

    const move = await h.converse(ANN, ['I need to move my appointment', 'Wednesday morning', 'the second one', 'yes']);
    expect(move.heard().join(' ')).toMatch(/is now on Wednesday/);
    await move.hangup();
    const moved = await until(async () => microsoft.live(), (l) => l[0]?.start.dateTime !== event!.start.dateTime);
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({ id: event!.id, start: { dateTime: expect.stringMatching(/^2026-11-25T/) } });
    const [confirmed] = await h.run('bookings/list', { tenantId: T, statuses: ['confirmed'] });
    expect(Date.parse(`${moved[0]!.start.dateTime}Z`)).toBe(Date.parse(confirmed.start));

    const cancel = await h.converse(ANN, ['I have to cancel my appointment', 'yes']);
    expect(cancel.heard().join(' ')).toMatch(/is cancelled/);
    await cancel.hangup();
    expect(await until(async () => microsoft.live(), (l) => l.length === 0)).toEqual([]);
    expect(posts()).toHaveLength(1);
  });
});
