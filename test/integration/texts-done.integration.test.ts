import { afterEach, describe, expect, it } from 'vitest';
import { startTextsHarness, T, type TextsHarness } from '../support/texts-harness.js';

let h: TextsHarness;
afterEach(async () => h?.stop());

const ANN = '+15555550199';
const BO = '+15555550144';
const CY = '+15555550155';

describe('texts, as a new practice would try them', () => {
  it('phone booking → confirmation; next day the reminder; "can\'t make it, sorry" cancels; the first waitlisted patient gets the slot and "yes" books it', async () => {
    h = await startTextsHarness({ now: '2026-11-23T14:00:00Z' });
    // One waitlisted patient at a time, so "the first on the list" is the one texted.
    const practice = await h.run<any>('tenants/get', { tenantId: T });
    await h.run('tenants/save', { config: { ...practice, texts: { ...practice.texts, waitlist: { enabled: true, offerAtOnce: 1 } } } });

    // Monday: Ann books by phone for Wednesday afternoon and is texted a confirmation.
    const call = await h.converse(ANN, ['Hi, I need a cleaning Wednesday afternoon', 'the first one', 'Ann Lee', 'yes']);
    expect(call.heard().join(' ')).toMatch(/You're all set/);
    await call.hangup();
    const [booking] = await h.run<any[]>('bookings/list', { tenantId: T, statuses: ['confirmed'] });
    expect(booking).toMatchObject({ serviceId: 'cleaning', source: 'phone', customer: { phone: ANN } });
    const confirmation = await h.textArrives(ANN, /is confirmed/);
    expect(confirmation).toMatch(/^Bright Smiles Dental: your teeth cleaning on Wednesday, November 25 at \d{1,2}:\d\d PM is confirmed/);

    // Staff put two patients on the waitlist for that day, Bo first.
    await h.run('waitlist/add', { tenantId: T, phone: BO, name: 'Bo Chen', serviceId: 'cleaning', fromDate: '2026-11-24', toDate: '2026-11-26', staffName: 'Dana' });
    await h.run('waitlist/add', { tenantId: T, phone: CY, name: 'Cy Diaz', serviceId: 'cleaning', fromDate: '2026-11-25', toDate: '2026-11-25', staffName: 'Dana' });
    await h.textArrives(BO, /on our waitlist/);

    // Tuesday, 24 hours before: the fake clock fires the reminder.
    h.clock.set('2026-11-24T17:00:00Z');
    h.clock.advance(new Date(booking.start).getTime() - 24 * 3_600_000 - h.clock.now());
    const reminder = await h.textArrives(ANN, /a reminder of your teeth cleaning/);
    expect(reminder).toMatch(/Reply YES to confirm/);

    // Ann can't make it: the booking is cancelled, she is told, and the slot goes to Bo.
    h.clock.advance(20 * 60_000);
    await h.patientTexts(ANN, "can't make it, sorry");
    await h.textArrives(ANN, /is cancelled/);
    expect((await h.run<any>('bookings/get', { tenantId: T, bookingId: booking.id })).status).toBe('cancelled');
    const offer = await h.textArrives(BO, /opened up/);
    expect(offer).toMatch(/teeth cleaning opened up on Wednesday, November 25 at .* Reply YES to take it/);
    expect(h.textsTo(CY).filter((b) => /opened up/.test(b))).toEqual([]);

    // Bo says yes: one booking, in Ann's old slot, confirmed to Bo by text.
    h.clock.advance(3 * 60_000);
    await h.patientTexts(BO, 'yes');
    await h.textArrives(BO, /is confirmed/);
    const active = await h.run<any[]>('bookings/list', { tenantId: T, statuses: ['confirmed', 'held', 'pending_review'] });
    expect(active).toHaveLength(1);
    expect(active[0]).toMatchObject({ start: booking.start, providerId: booking.providerId, customer: { phone: BO, name: 'Bo Chen' } });

    // The console shows Ann's whole thread, linked to her appointment, and what was sent about the booking.
    const thread = await h.run<any>('texts/get-thread', { tenantId: T, phone: ANN });
    expect(thread.messages.map((m: any) => [m.direction, m.purpose])).toEqual([
      ['out', 'confirmation'],
      ['out', 'reminder'],
      ['in', 'cancelled'],
      ['out', 'cancelled'],
    ]);
    expect(thread.bookings.map((b: any) => b.id)).toContain(booking.id);
    const sentAboutBooking = await h.run<any[]>('texts/list-for-booking', { tenantId: T, bookingId: booking.id });
    expect(sentAboutBooking.map((m: any) => m.purpose)).toEqual(['confirmation', 'reminder', 'cancelled']);
    expect(sentAboutBooking.every((m: any) => m.status === 'sent' && m.deliveryStatus === 'queued')).toBe(true);
    const threads = await h.run<any[]>('texts/list-threads', { tenantId: T });
    expect(threads.map((t: any) => t.phone)).toEqual(expect.arrayContaining([ANN, BO, CY]));
  });
});
