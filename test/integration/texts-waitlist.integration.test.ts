import { afterEach, describe, expect, it } from 'vitest';
import { startTextsHarness, T, type TextsHarness } from '../support/texts-harness.js';

let h: TextsHarness;
afterEach(async () => h?.stop());

const DANA = 'Dana';

describe('the waitlist fills a cancellation', () => {
  it('offers the freed slot to the first two in line; when both say yes in the same second exactly one booking results', async () => {
    h = await startTextsHarness();
    const rounds = [
      { start: '2026-11-25T09:00', date: '2026-11-25' },
      { start: '2026-11-30T10:30', date: '2026-11-30' },
      { start: '2026-12-02T14:00', date: '2026-12-02' },
      { start: '2026-12-03T11:00', date: '2026-12-03' },
    ];
    for (const [i, round] of rounds.entries()) {
      const owner = `+1555555020${i}`;
      const [first, second, third] = [`+1555555030${i}`, `+1555555040${i}`, `+1555555050${i}`];
      const booking = await h.run<any>('bookings/create', { tenantId: T, serviceId: 'cleaning', providerId: 'maria', start: round.start, customer: { phone: owner } });
      for (const phone of [first, second, third]) {
        await h.run('waitlist/add', { tenantId: T, phone, serviceId: 'cleaning', providerId: 'maria', fromDate: round.date, toDate: round.date, staffName: DANA });
      }
      await h.run('bookings/cancel', { tenantId: T, bookingId: booking.id });
      await h.textArrives(first, /opened up/);
      await h.textArrives(second, /opened up/);
      expect(h.textsTo(third).some((b) => /opened up/.test(b))).toBe(false);

      // Both answer at the same instant, in parallel requests.
      await Promise.all([h.patientTexts(first, 'yes!'), h.patientTexts(second, 'Yes please')]);
      const atSlot = (await h.run<any[]>('bookings/list', { tenantId: T, statuses: ['confirmed', 'held', 'pending_review'] })).filter((b: any) => b.start.startsWith(round.start));
      expect(atSlot).toHaveLength(1);
      const winner = atSlot[0].customer.phone;
      const loser = winner === first ? second : first;
      expect([first, second]).toContain(winner);
      await h.textArrives(winner, /is confirmed/);
      await h.textArrives(loser, /was just taken. You're still on our waitlist/);
      const list = await h.run<any[]>('waitlist/list', { tenantId: T });
      expect(list.find((e: any) => e.phone === loser)).toMatchObject({ status: 'waiting' });
      expect(list.find((e: any) => e.phone === winner)).toBeUndefined();
    }
  });

  it('when everyone offered says no, the next in line is offered the slot; staff can take someone off the list', async () => {
    h = await startTextsHarness();
    const practice = await h.run<any>('tenants/get', { tenantId: T });
    await h.run('tenants/save', { config: { ...practice, texts: { ...practice.texts, waitlist: { enabled: true, offerAtOnce: 1 } } } });
    const booking = await h.run<any>('bookings/create', { tenantId: T, serviceId: 'cleaning', providerId: 'maria', start: '2026-11-25T09:00', customer: { phone: '+15555550200' } });
    const a = await h.run<any>('waitlist/add', { tenantId: T, phone: '+15555550301', serviceId: 'cleaning', fromDate: '2026-11-24', toDate: '2026-11-27', staffName: DANA });
    const removed = await h.run<any>('waitlist/add', { tenantId: T, phone: '+15555550302', serviceId: 'cleaning', fromDate: '2026-11-24', toDate: '2026-11-27', staffName: DANA });
    await h.run('waitlist/add', { tenantId: T, phone: '+15555550303', serviceId: 'cleaning', fromDate: '2026-11-24', toDate: '2026-11-27', staffName: DANA });
    expect(await h.run('waitlist/remove', { tenantId: T, entryId: removed.id, staffName: DANA })).toMatchObject({ status: 'removed' });
    await expect(h.run('waitlist/add', { tenantId: T, phone: '+15555550304', serviceId: 'cleaning', fromDate: '2026-11-27', toDate: '2026-11-24', staffName: DANA })).rejects.toMatchObject({ code: 'invalid_input' });

    await h.run('bookings/cancel', { tenantId: T, bookingId: booking.id });
    await h.textArrives('+15555550301', /opened up/);
    await h.patientTexts('+15555550301', 'no thanks');
    await h.textArrives('+15555550303', /opened up/);
    expect(h.textsTo('+15555550302').some((b) => /opened up/.test(b))).toBe(false);
    await h.patientTexts('+15555550303', 'yes');
    await h.textArrives('+15555550303', /is confirmed/);
    expect((await h.run<any[]>('waitlist/list', { tenantId: T })).map((e: any) => e.id)).toEqual([a.id]);
  });

  it('a patient waiting for an earlier time is moved into it, not booked twice', async () => {
    h = await startTextsHarness();
    const later = await h.run<any>('bookings/create', { tenantId: T, serviceId: 'cleaning', providerId: 'maria', start: '2026-12-02T09:00', customer: { phone: '+15555550301' } });
    const early = await h.run<any>('bookings/create', { tenantId: T, serviceId: 'cleaning', providerId: 'maria', start: '2026-11-25T09:00', customer: { phone: '+15555550200' } });
    await h.run('waitlist/add', { tenantId: T, phone: '+15555550301', serviceId: 'cleaning', fromDate: '2026-11-24', toDate: '2026-12-01', bookingId: later.id, staffName: DANA });
    await h.run('bookings/cancel', { tenantId: T, bookingId: early.id });
    await h.textArrives('+15555550301', /opened up/);
    await h.patientTexts('+15555550301', 'yes');
    await h.textArrives('+15555550301', /has moved to Wednesday, November 25 at 9:00 AM/);
    const active = await h.run<any[]>('bookings/list', { tenantId: T, statuses: ['confirmed'] });
    expect(active).toMatchObject([{ id: later.id, start: '2026-11-25T09:00:00-05:00' }]);
  });
});

describe('a caller asks for a full day', () => {
  it('is offered the waitlist on the phone, says "waitlist", and gets the day by text when someone cancels', async () => {
    h = await startTextsHarness();
    const ANN = '+15555550199';
    const practice = await h.run<any>('tenants/get', { tenantId: T });
    await h.run('tenants/save', { config: { ...practice, specialHours: [...practice.specialHours, { date: '2026-11-25', hours: [['09:00', '10:00']] }] } });
    const [taken] = await Promise.all(
      ['maria', 'dr-lee'].map((providerId, i) => h.run<any>('bookings/create', { tenantId: T, serviceId: 'cleaning', providerId, start: '2026-11-25T09:00', customer: { phone: `+1555555011${i}` } })),
    );

    const call = await h.converse(ANN, ['I need a cleaning on Wednesday']);
    expect(call.heard().join(' ')).toMatch(/if you'd rather wait for Wednesday, say "waitlist"/);
    await call.say('just put me on the waitlist', { confidence: 0.9 });
    expect(call.heard().join(' ')).toMatch(/You're on the waitlist for Wednesday/);
    await call.hangup();
    await h.textArrives(ANN, /on our waitlist for a teeth cleaning/);
    expect(await h.run<any[]>('waitlist/list', { tenantId: T })).toMatchObject([{ phone: ANN, serviceId: 'cleaning', fromDate: '2026-11-25', toDate: '2026-11-25' }]);

    await h.run('bookings/cancel', { tenantId: T, bookingId: taken.id });
    await h.textArrives(ANN, /opened up on Wednesday, November 25 at 9:00 AM/);
    h.clock.advance(5 * 60_000);
    await h.patientTexts(ANN, 'Yes!');
    await h.textArrives(ANN, /is confirmed/);
    const mine = (await h.run<any[]>('bookings/list', { tenantId: T, statuses: ['confirmed'] })).filter((b: any) => b.customer?.phone === ANN);
    expect(mine).toMatchObject([{ start: '2026-11-25T09:00:00-05:00' }]);
    // Joining the waitlist is what they called for: no missed-call text afterwards.
    expect(h.textsTo(ANN).some((b) => /sorry we missed you/.test(b))).toBe(false);
  });
});

describe('asking for the waitlist by text', () => {
  it('"text me if something earlier opens up" waits for an earlier time and moves the booking into it', async () => {
    h = await startTextsHarness();
    const ANN = '+15555550199';
    const mine = await h.run<any>('bookings/create', { tenantId: T, serviceId: 'cleaning', providerId: 'maria', start: '2026-12-02T09:00', customer: { phone: ANN, name: 'Ann Lee' } });
    await h.textArrives(ANN, /is confirmed/);
    h.clock.advance(60_000);
    await h.patientTexts(ANN, 'text me if something earlier opens up');
    await h.textArrives(ANN, /on our waitlist for a teeth cleaning/);
    expect(await h.run<any[]>('waitlist/list', { tenantId: T })).toMatchObject([{ phone: ANN, bookingId: mine.id, fromDate: '2026-11-23', toDate: '2026-12-02' }]);

    const other = await h.run<any>('bookings/create', { tenantId: T, serviceId: 'cleaning', providerId: 'maria', start: '2026-11-30T10:00', customer: { phone: '+15555550122' } });
    await h.run('bookings/cancel', { tenantId: T, bookingId: other.id });
    await h.textArrives(ANN, /opened up on Monday, November 30 at 10:00 AM/);
    h.clock.advance(60_000);
    await h.patientTexts(ANN, 'yes please');
    await h.textArrives(ANN, /has moved to Monday, November 30 at 10:00 AM/);
    expect((await h.run<any>('bookings/get', { tenantId: T, bookingId: mine.id })).start).toBe('2026-11-30T10:00:00-05:00');
  });
});
