import { describe, expect, it } from 'vitest';
import { call, nextFrame } from '../support/console-socket.js';
import { A, B, output as result, signIn, stopConsoleAppsAfterEach, twoPractices } from '../support/console-staff-app.js';

stopConsoleAppsAfterEach();

/** Two practices, a desk account for each and an owner; Monday Nov 23 2026, 9:00 AM in New York. */
async function frontDesk() {
  const ctx = await twoPractices();
  const signedIn = async (name: string, password: string) => {
    const ws = await ctx.open();
    await signIn(ws, name, password);
    return ws;
  };
  const book = (start: string, name: string, tenantId = A) =>
    ctx.internal('bookings/create', { tenantId, serviceId: 'exam', providerId: 'dr-lee', start, customer: { name } });
  return { clock: ctx.clock, internal: ctx.internal, signedIn, book };
}

describe('arrived, completed and no-show in one click', () => {
  it('records each under the signed-in person, tells the other consoles, and keeps an arrived patient\'s time busy', async () => {
    const ctx = await frontDesk();
    const dana = await ctx.signedIn('Dana Desk', 'dana-password-1');
    const olivia = await ctx.signedIn('Olivia Owner', 'owner-password-1');
    const visit = await ctx.book('2026-11-23T10:00', 'Ann Lee');

    const oliviaHears = nextFrame(olivia, (f) => f.kind === 'event' && f.name === 'bookings/changed');
    const arrived = result(await call(dana, 'bookings/record-outcome', { tenantId: A, bookingId: visit.id, outcome: 'arrived' }));
    expect(arrived).toMatchObject({ status: 'arrived', updatedBy: 'Dana Desk' });
    expect(await oliviaHears).toMatchObject({ payload: { tenantId: A, bookingIds: [visit.id] } });

    // Still their time: nobody else is offered 10:00 with Dr. Lee, and nobody can book over it.
    const slots = await ctx.internal('availability/list-slots', { tenantId: A, serviceId: 'exam', providerId: 'dr-lee', from: '2026-11-23', to: '2026-11-23' });
    expect(slots.slots.map((s: { start: string }) => s.start)).not.toContain('2026-11-23T10:00:00-05:00');
    await expect(ctx.book('2026-11-23T10:00', 'Someone Else')).rejects.toThrow(/already booked at 10:00 AM/);
    const customer = await ctx.internal('customers/get', { tenantId: A, customerId: arrived.customer.id });
    expect(customer.upcoming).toMatchObject([{ status: 'arrived' }]);

    // Seen before the hour is out: completed straight from arrived.
    const completed = result(await call(dana, 'bookings/record-outcome', { tenantId: A, bookingId: visit.id, outcome: 'completed' }));
    expect(completed.status).toBe('completed');
    const detail = result(await call(olivia, 'bookings/get', { tenantId: A, bookingId: visit.id }));
    expect(detail.history.slice(-2)).toMatchObject([
      { actor: 'Dana Desk', action: 'arrived', fromStatus: 'confirmed', toStatus: 'arrived' },
      { actor: 'Dana Desk', action: 'completed', fromStatus: 'arrived', toStatus: 'completed' },
    ]);
  });

  it('refuses what a front desk would not do, each with a reason', async () => {
    const ctx = await frontDesk();
    const dana = await ctx.signedIn('Dana Desk', 'dana-password-1');
    const mark = (bookingId: string, outcome: string) => call(dana, 'bookings/record-outcome', { tenantId: A, bookingId, outcome });

    const later = await ctx.book('2026-11-25T10:00', 'Later Visit');
    expect(await mark(later.id, 'arrived')).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/Wednesday, November 25.*on the day of their visit/) } });
    expect(await mark(later.id, 'no_show')).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/not started yet/) } });

    const cancelled = await ctx.book('2026-11-23T11:00', 'Gone Away');
    await ctx.internal('bookings/cancel', { tenantId: A, bookingId: cancelled.id });
    expect(await mark(cancelled.id, 'arrived')).toMatchObject({ ok: false, error: { code: 'conflict', message: 'This visit was cancelled, so it cannot be marked as arrived.' } });

    const here = await ctx.book('2026-11-23T13:00', 'Here Now');
    expect(result(await mark(here.id, 'arrived')).status).toBe('arrived');
    // A second click (or a second desk) changes nothing and is not an error.
    expect(result(await mark(here.id, 'arrived')).status).toBe('arrived');
    ctx.clock.set('2026-11-23T18:30:00Z');
    expect(await mark(here.id, 'no_show')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/marked as arrived; the patient came/) } });

    const yesterday = await ctx.book('2026-11-23T15:00', 'Missed It');
    // Past midnight in New York (within the session's 12 idle hours).
    ctx.clock.set('2026-11-24T06:00:00Z');
    expect(await mark(yesterday.id, 'arrived')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/was on Monday, November 23/) } });
    expect(result(await mark(yesterday.id, 'no_show')).status).toBe('no_show');
  });

  it("lets a desk account for practice B change nothing of practice A's", async () => {
    const ctx = await frontDesk();
    const ben = await ctx.signedIn('Ben Desk', 'ben-password-1');
    const visit = await ctx.book('2026-11-23T10:00', 'Ann Lee');
    expect(await call(ben, 'bookings/record-outcome', { tenantId: A, bookingId: visit.id, outcome: 'arrived' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call(ben, 'bookings/record-outcome', { tenantId: B, bookingId: visit.id, outcome: 'arrived' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await ctx.internal('bookings/get', { tenantId: A, bookingId: visit.id })).status).toBe('confirmed');
  });
});

describe('undoing a mistaken arrived, completed or no-show', () => {
  it('puts the visit back as it was, under the signed-in person, and a second click changes nothing', async () => {
    const ctx = await frontDesk();
    const dana = await ctx.signedIn('Dana Desk', 'dana-password-1');
    const olivia = await ctx.signedIn('Olivia Owner', 'owner-password-1');
    const undo = (bookingId: string, outcome: string, ws = dana) => call(ws, 'bookings/undo-outcome', { tenantId: A, bookingId, outcome });
    const mark = (bookingId: string, outcome: string) => call(dana, 'bookings/record-outcome', { tenantId: A, bookingId, outcome });
    const visit = await ctx.book('2026-11-23T10:00', 'Ann Lee');

    expect(result(await mark(visit.id, 'arrived')).status).toBe('arrived');
    const oliviaHears = nextFrame(olivia, (f) => f.kind === 'event' && f.name === 'bookings/changed');
    expect(result(await undo(visit.id, 'arrived'))).toMatchObject({ status: 'confirmed', updatedBy: 'Dana Desk' });
    expect(await oliviaHears).toMatchObject({ payload: { tenantId: A, bookingIds: [visit.id] } });
    // Another desk clicking the same Undo a moment later: no error, and it goes no further back.
    expect(result(await undo(visit.id, 'arrived', olivia)).status).toBe('confirmed');

    // Completed after arrived goes back to arrived; a second undo then to confirmed.
    await mark(visit.id, 'arrived');
    await mark(visit.id, 'completed');
    expect(result(await undo(visit.id, 'completed')).status).toBe('arrived');
    expect(result(await undo(visit.id, 'completed')).status).toBe('arrived');
    expect(result(await undo(visit.id, 'arrived')).status).toBe('confirmed');
    const detail = await ctx.internal('bookings/get', { tenantId: A, bookingId: visit.id });
    expect(detail.history.slice(-3)).toMatchObject([
      { actor: 'Dana Desk', action: 'completed', fromStatus: 'arrived', toStatus: 'completed' },
      { actor: 'Dana Desk', action: 'completed undone', fromStatus: 'completed', toStatus: 'arrived' },
      { actor: 'Dana Desk', action: 'arrived undone', fromStatus: 'arrived', toStatus: 'confirmed' },
    ]);
  });

  it('takes back a no-show (the time is the patient’s again), unless someone has since been booked into it', async () => {
    const ctx = await frontDesk();
    const dana = await ctx.signedIn('Dana Desk', 'dana-password-1');
    const visit = await ctx.book('2026-11-23T10:00', 'Ann Lee');
    const late = await ctx.book('2026-11-23T11:00', 'Late Larry');
    ctx.clock.set('2026-11-23T16:05:00Z');
    for (const id of [visit.id, late.id]) expect(result(await call(dana, 'bookings/record-outcome', { tenantId: A, bookingId: id, outcome: 'no_show' })).status).toBe('no_show');

    expect(result(await call(dana, 'bookings/undo-outcome', { tenantId: A, bookingId: visit.id, outcome: 'no_show' })).status).toBe('confirmed');
    // Part of Larry's time went to a walk-in once he was marked a no-show: he cannot go back over them.
    await ctx.book('2026-11-23T11:15', 'Walk In');
    expect(await call(dana, 'bookings/undo-outcome', { tenantId: A, bookingId: late.id, outcome: 'no_show' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'Someone else is booked in this visit’s time now, so it cannot go back on the schedule. Move or cancel that booking first.' },
    });
    expect((await ctx.internal('bookings/get', { tenantId: A, bookingId: late.id })).status).toBe('no_show');
  });

  it('refuses what is not an outcome to take back, with the reason, and keeps practices apart', async () => {
    const ctx = await frontDesk();
    const dana = await ctx.signedIn('Dana Desk', 'dana-password-1');
    const ben = await ctx.signedIn('Ben Desk', 'ben-password-1');
    const visit = await ctx.book('2026-11-23T10:00', 'Ann Lee');
    expect(await call(dana, 'bookings/undo-outcome', { tenantId: A, bookingId: visit.id, outcome: 'arrived' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'This visit is confirmed, not marked as arrived, so there is nothing to undo.' },
    });
    await call(dana, 'bookings/record-outcome', { tenantId: A, bookingId: visit.id, outcome: 'arrived' });
    expect(await call(ben, 'bookings/undo-outcome', { tenantId: A, bookingId: visit.id, outcome: 'arrived' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await ctx.internal('bookings/get', { tenantId: A, bookingId: visit.id })).status).toBe('arrived');
  });
});
