import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/core-harness.js';

let h: Harness;
afterEach(() => h?.close());

const T = 'bright-smiles';
const ANN = '+15555550199';

async function setTexts(texts: Record<string, unknown>, serviceOverrides: Record<string, Record<string, unknown>> = {}) {
  const practice = await h.run<any>('tenants/get', { tenantId: T });
  const services = practice.services.map((s: any) => ({ ...s, ...(serviceOverrides[s.id] ?? {}) }));
  await h.run('tenants/save', { config: { ...practice, services, texts: { ...practice.texts, ...texts } } });
}

async function book(start: string, serviceId = 'cleaning', providerId = 'maria') {
  return h.run<any>('bookings/create', { tenantId: T, serviceId, providerId, start, customer: { phone: ANN, name: 'Ann Lee' } });
}

function remindersAt(iso: string): string[] {
  h.clock.set(iso);
  h.core.tickTexts();
  return h.core.outbox.list(T, 100).filter((o) => /a reminder/.test(o.body)).map((o) => o.body);
}

describe('reminders by the clock', () => {
  it('go N real hours before across the autumn DST change (48 h before Monday 9:00 EST is Saturday 10:00 EDT)', async () => {
    h = createHarness({ now: '2026-10-29T14:00:00Z' });
    await setTexts({ reminders: { enabled: true, hoursBefore: 48 } });
    await book('2026-11-02T09:00');
    expect(remindersAt('2026-10-31T13:59:00Z')).toEqual([]);
    expect(remindersAt('2026-10-31T14:00:00Z')).toEqual([expect.stringMatching(/on Monday, November 2 at 9:00 AM with Maria/)]);
    // Ticking again sends nothing twice.
    expect(remindersAt('2026-10-31T15:00:00Z')).toHaveLength(1);
  });

  it('go N real hours before across the spring DST change (48 h before Monday 10:00 EDT is Saturday 9:00 EST)', async () => {
    h = createHarness({ now: '2027-03-10T15:00:00Z' });
    await setTexts({ reminders: { enabled: true, hoursBefore: 48 } });
    await book('2027-03-15T10:00');
    expect(remindersAt('2027-03-13T13:59:00Z')).toEqual([]);
    expect(remindersAt('2027-03-13T14:00:00Z')).toHaveLength(1);
  });

  it('wait out quiet hours on the practice\'s wall clock, on the night the clocks go back', async () => {
    h = createHarness({ now: '2026-10-29T14:00:00Z' });
    await setTexts({ quietHours: { from: '21:00', to: '09:00' } });
    // Due Sunday, November 1, 8:00 EST (13:00Z), an hour after the change: still quiet until 9:00 EST (14:00Z).
    await book('2026-11-02T08:00');
    expect(remindersAt('2026-11-01T13:00:00Z')).toEqual([]);
    expect(remindersAt('2026-11-01T13:59:00Z')).toEqual([]);
    expect(remindersAt('2026-11-01T14:00:00Z')).toHaveLength(1);
  });

  it('use the service\'s own lead time, skip visits booked inside the window, and none when switched off', async () => {
    h = createHarness({ now: '2026-11-23T14:00:00Z' });
    await setTexts({}, { exam: { reminderHoursBefore: 3 } });
    await book('2026-11-24T13:00', 'exam', 'dr-lee');
    expect(remindersAt('2026-11-24T14:59:00Z')).toEqual([]);
    expect(remindersAt('2026-11-24T15:00:00Z')).toEqual([expect.stringMatching(/dental exam on Tuesday, November 24 at 1:00 PM/)]);

    // Booked 5 hours ahead with a 24 h lead: the confirmation is the reminder.
    h.clock.set('2026-11-24T15:00:00Z');
    await book('2026-11-24T15:00');
    expect(remindersAt('2026-11-24T16:00:00Z')).toHaveLength(1);

    await setTexts({ reminders: { enabled: false, hoursBefore: 24 } });
    await book('2026-11-30T10:00');
    expect(remindersAt('2026-11-29T16:00:00Z')).toHaveLength(1);
  });
});

describe('unsolicited texts at night', () => {
  it('a waitlist offer from a late cancellation waits for the end of quiet hours', async () => {
    h = createHarness({ now: '2026-11-24T03:30:00Z' }); // Monday 22:30 in New York
    const booking = await book('2026-11-25T10:00');
    await h.run('waitlist/add', { tenantId: T, phone: '+15555550301', serviceId: 'cleaning', fromDate: '2026-11-25', toDate: '2026-11-25', staffName: 'Dana' });
    await h.run('bookings/cancel', { tenantId: T, bookingId: booking.id });
    const offer = h.core.db.prepare("SELECT next_attempt_at AS at FROM outbox WHERE purpose = 'offer'").get() as { at: number };
    expect(new Date(offer.at).toISOString()).toBe('2026-11-24T13:00:00.000Z'); // Tuesday 8:00
  });
});

describe('a waitlist opening nobody answers', () => {
  it('goes to the next in line after an hour, by the clock', async () => {
    h = createHarness({ now: '2026-11-23T14:00:00Z' });
    await setTexts({ waitlist: { enabled: true, offerAtOnce: 1 } });
    const booking = await book('2026-11-25T10:00');
    for (const phone of ['+15555550301', '+15555550302']) {
      await h.run('waitlist/add', { tenantId: T, phone, serviceId: 'cleaning', fromDate: '2026-11-25', toDate: '2026-11-25', staffName: 'Dana' });
    }
    await h.run('bookings/cancel', { tenantId: T, bookingId: booking.id });
    const offeredTo = () => h.core.outbox.list(T, 100).filter((o) => /opened up/.test(o.body)).map((o) => o.to);
    expect(offeredTo()).toEqual(['+15555550301']);
    h.clock.advance(59 * 60_000);
    h.core.tickTexts();
    expect(offeredTo()).toEqual(['+15555550301']);
    h.clock.advance(60_000);
    h.core.tickTexts();
    expect(offeredTo().sort()).toEqual(['+15555550301', '+15555550302']);
  });
});
