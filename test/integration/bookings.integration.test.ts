import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, demoTenant, type Harness } from '../support/core-harness.js';

let harness: Harness;
afterEach(() => harness?.close());

const T = 'bright-smiles';
// Monday 2026-11-23 09:00 EST = 14:00Z. Tuesday the 24th is open 08-12, 13-17.
const cleaning = (start: string, extra: Record<string, unknown> = {}) => ({
  tenantId: T, serviceId: 'cleaning', providerId: 'maria', start, customer: { phone: '+15555550199', name: 'Ann Lee' }, ...extra,
});

describe('bookings', () => {
  it('books a free slot and records who, what, when and its history', async () => {
    harness = createHarness();
    const booking = await harness.run('bookings/create', cleaning('2026-11-24T09:00'));
    expect(booking).toMatchObject({
      status: 'confirmed', serviceName: 'Teeth cleaning', providerName: 'Maria Gomez, RDH', source: 'staff',
      start: '2026-11-24T09:00:00-05:00', end: '2026-11-24T09:45:00-05:00', createdBy: 'Dana (desk)',
      customer: { name: 'Ann Lee', phone: '+15555550199' },
    });
    const full = await harness.run('bookings/get', { tenantId: T, bookingId: booking.id });
    expect(full.history).toEqual([expect.objectContaining({ action: 'created', toStatus: 'confirmed', actor: 'Dana (desk)' })]);
  });

  it('refuses an overlapping booking, counting buffers on both sides', async () => {
    harness = createHarness();
    await harness.run('bookings/create', cleaning('2026-11-24T09:00')); // blocks 09:00–10:00 (15 min buffer after)
    await expect(harness.run('bookings/create', cleaning('2026-11-24T09:45'))).rejects.toMatchObject({ code: 'conflict' });
    await expect(harness.run('bookings/create', cleaning('2026-11-24T08:15'))).rejects.toMatchObject({ code: 'conflict' }); // its buffer runs to 09:15
    // 08:00 + 45 min + 15 min buffer ends exactly at 09:00: adjacent is fine.
    await expect(harness.run('bookings/create', cleaning('2026-11-24T08:00'))).resolves.toMatchObject({ status: 'confirmed' });
    await expect(harness.run('bookings/create', cleaning('2026-11-24T10:00'))).resolves.toMatchObject({ status: 'confirmed' });
  });

  it('refuses times outside the rules with a sentence a person can act on', async () => {
    harness = createHarness();
    await expect(harness.run('bookings/create', cleaning('2026-11-24T19:00'))).rejects.toMatchObject({ code: 'outside_rules', message: expect.stringMatching(/not working/) });
    // Staff at the desk may book a walk-in inside the phone's minimum notice; it is recorded as an override.
    const walkIn = await harness.run('bookings/create', cleaning('2026-11-23T09:30'));
    const history = (await harness.run('bookings/get', { tenantId: 'bright-smiles', bookingId: walkIn.id })).history;
    expect(history[0].details).toMatchObject({ 'Staff override': 'inside the minimum notice' });
    await expect(harness.run('bookings/create', cleaning('2026-11-23T08:30'))).rejects.toMatchObject({ code: 'outside_rules' }); // already passed
    await expect(harness.run('bookings/create', cleaning('2026-11-26T09:00'))).rejects.toMatchObject({ code: 'outside_rules' }); // Thanksgiving
    await expect(harness.run('bookings/create', cleaning('2026-11-24T09:05'))).rejects.toMatchObject({ code: 'outside_rules' }); // off the grid
    await expect(harness.run('bookings/create', cleaning('2026-02-30T09:00'))).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(harness.run('bookings/create', { ...cleaning('2026-11-24T09:00'), providerId: 'dr-patel' })).rejects.toMatchObject({ code: 'invalid_input', message: 'Dr. Raj Patel does not offer Teeth cleaning.' });
    await expect(harness.run('bookings/create', { ...cleaning('2026-11-24T09:00'), serviceId: 'surgery' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('accepts a start written with an offset and stores the same instant', async () => {
    harness = createHarness();
    const b = await harness.run('bookings/create', cleaning('2026-11-24T14:00:00Z'));
    expect(b.start).toBe('2026-11-24T09:00:00-05:00');
  });

  it('makes a retried create with the same idempotency key harmless', async () => {
    harness = createHarness();
    const first = await harness.run('bookings/create', cleaning('2026-11-24T09:00', { idempotencyKey: 'call-1-turn-4' }));
    const retry = await harness.run('bookings/create', cleaning('2026-11-24T09:00', { idempotencyKey: 'call-1-turn-4' }));
    expect(retry.id).toBe(first.id);
    expect(await harness.run('bookings/list', { tenantId: T })).toHaveLength(1);
  });

  it('refuses an idempotency key reused for another slot instead of answering with the old booking', async () => {
    harness = createHarness();
    const first = await harness.run('bookings/create', cleaning('2026-11-24T09:00', { idempotencyKey: 'call-1-turn-4' }));
    await expect(harness.run('bookings/create', cleaning('2026-11-25T10:00', { idempotencyKey: 'call-1-turn-4' }))).rejects.toMatchObject({
      code: 'conflict',
      message: `The idempotency key "call-1-turn-4" was already used for another booking (${first.id}); use a new key for a new booking.`,
    });
    expect(await harness.run('bookings/list', { tenantId: T })).toHaveLength(1);
  });

  it('explains starts that are not a single instant: 24:00, an impossible offset, the repeated autumn hour', async () => {
    harness = createHarness();
    await expect(harness.run('bookings/create', cleaning('2026-11-24T24:00'))).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('is the end of a day, not a start time') });
    await expect(harness.run('bookings/create', cleaning('2026-11-24T09:00+25:00'))).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('is not a UTC offset') });
    await expect(harness.run('bookings/create', cleaning('2026-11-01T01:30'))).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('happens twice in America/New_York') });
  });

  it('holds a slot for holdMinutes, then lets it go', async () => {
    harness = createHarness();
    const { bookings } = harness.core;
    const start = Date.parse('2026-11-24T14:00:00Z');
    const hold = await bookings.book({ tenantId: T, serviceId: 'cleaning', providerId: 'maria', start, status: 'held', source: 'phone', actor: 'receptionist' });
    expect(hold.holdExpiresAt).toBe(harness.clock.now() + 5 * 60_000);
    await expect(harness.run('bookings/create', cleaning('2026-11-24T09:00'))).rejects.toMatchObject({ code: 'conflict' });
    const slotsWhileHeld = await harness.run('availability/list-slots', { tenantId: T, serviceId: 'cleaning', providerId: 'maria', from: '2026-11-24', to: '2026-11-24' });
    expect(slotsWhileHeld.slots.map((s: { start: string }) => s.start)).not.toContain('2026-11-24T09:00:00-05:00');
    harness.clock.advance(5 * 60_000);
    const slotsAfter = await harness.run('availability/list-slots', { tenantId: T, serviceId: 'cleaning', providerId: 'maria', from: '2026-11-24', to: '2026-11-24' });
    expect(slotsAfter.slots.map((s: { start: string }) => s.start)).toContain('2026-11-24T09:00:00-05:00');
    const taken = await harness.run('bookings/create', cleaning('2026-11-24T09:00'));
    expect(taken.status).toBe('confirmed');
    expect(bookings.get(T, hold.id).status).toBe('expired');
    await expect(bookings.confirm({ tenantId: T, bookingId: hold.id, status: 'confirmed', actor: 'receptionist' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('confirms a hold, and a lapsed hold whose slot is still free', async () => {
    harness = createHarness();
    const { bookings } = harness.core;
    const start = Date.parse('2026-11-24T14:00:00Z');
    const hold = await bookings.book({ tenantId: T, serviceId: 'cleaning', providerId: 'maria', start, status: 'held', source: 'phone', actor: 'receptionist' });
    const confirmed = await bookings.confirm({ tenantId: T, bookingId: hold.id, status: 'pending_review', reviewReason: 'new customer', actor: 'receptionist', customer: { phone: '+15555550123', name: 'Zed' } });
    expect(confirmed).toMatchObject({ status: 'pending_review', holdExpiresAt: null, reviewReason: 'new customer' });
    const other = await bookings.book({ tenantId: T, serviceId: 'cleaning', providerId: 'maria', start: start + 3_600_000, status: 'held', source: 'phone', actor: 'receptionist' });
    harness.clock.advance(10 * 60_000);
    expect((await bookings.confirm({ tenantId: T, bookingId: other.id, status: 'confirmed', actor: 'receptionist' })).status).toBe('confirmed');
  });

  it('cancels and frees the slot; cancelling twice is harmless', async () => {
    harness = createHarness();
    const b = await harness.run('bookings/create', cleaning('2026-11-24T09:00'));
    expect((await harness.run('bookings/cancel', { tenantId: T, bookingId: b.id, reason: 'sick' })).status).toBe('cancelled');
    expect((await harness.run('bookings/cancel', { tenantId: T, bookingId: b.id })).status).toBe('cancelled');
    expect((await harness.run('bookings/create', cleaning('2026-11-24T09:00'))).status).toBe('confirmed');
  });

  it('reschedules atomically: into its own old interval, across providers, and not onto a taken slot', async () => {
    harness = createHarness();
    const b = await harness.run('bookings/create', cleaning('2026-11-24T09:00'));
    const blocker = await harness.run('bookings/create', cleaning('2026-11-24T13:00', { customer: { phone: '+15555550111' } }));
    const nudged = await harness.run('bookings/reschedule', { tenantId: T, bookingId: b.id, start: '2026-11-24T09:15' });
    expect(nudged.start).toBe('2026-11-24T09:15:00-05:00');
    await expect(harness.run('bookings/reschedule', { tenantId: T, bookingId: b.id, start: '2026-11-24T13:30' })).rejects.toMatchObject({ code: 'conflict' });
    expect((await harness.run('bookings/get', { tenantId: T, bookingId: b.id })).start).toBe('2026-11-24T09:15:00-05:00');
    const moved = await harness.run('bookings/reschedule', { tenantId: T, bookingId: b.id, start: '2026-11-24T13:00', providerId: 'dr-lee' });
    expect(moved).toMatchObject({ providerId: 'dr-lee', start: '2026-11-24T13:00:00-05:00', id: b.id });
    // Maria's 09:00–10:00 is free again.
    expect((await harness.run('bookings/create', cleaning('2026-11-24T09:00', { customer: { phone: '+15555550112' } }))).status).toBe('confirmed');
    const history = (await harness.run('bookings/get', { tenantId: T, bookingId: b.id })).history;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['created', 'rescheduled', 'rescheduled']);
    expect(blocker.status).toBe('confirmed');
    const cancelled = await harness.run('bookings/cancel', { tenantId: T, bookingId: blocker.id });
    await expect(harness.run('bookings/reschedule', { tenantId: T, bookingId: cancelled.id, start: '2026-11-25T09:00' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('records completed and no-show only for confirmed bookings that have started', async () => {
    harness = createHarness();
    const b = await harness.run('bookings/create', cleaning('2026-11-24T09:00'));
    await expect(harness.run('bookings/record-outcome', { tenantId: T, bookingId: b.id, outcome: 'completed' })).rejects.toMatchObject({ code: 'conflict' });
    harness.clock.set('2026-11-24T15:00:00Z');
    expect((await harness.run('bookings/record-outcome', { tenantId: T, bookingId: b.id, outcome: 'no_show' })).status).toBe('no_show');
  });

  it('lists by local day range and status', async () => {
    harness = createHarness();
    await harness.run('bookings/create', cleaning('2026-11-24T09:00'));
    const late = await harness.run('bookings/create', cleaning('2026-11-25T16:00', { customer: { name: 'Late' } }));
    await harness.run('bookings/cancel', { tenantId: T, bookingId: late.id });
    expect(await harness.run('bookings/list', { tenantId: T, from: '2026-11-25', to: '2026-11-25' })).toHaveLength(1);
    expect(await harness.run('bookings/list', { tenantId: T, statuses: ['confirmed'] })).toHaveLength(1);
    await expect(harness.run('bookings/list', { tenantId: T, from: '2026-11-26', to: '2026-11-25' })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('keeps practices isolated: same provider ids never conflict, nothing reads across', async () => {
    harness = createHarness();
    const other = { ...demoTenant(), id: 'other-dental', name: 'Other Dental', phoneNumbers: ['+15555550777'] };
    await harness.run('tenants/save', { config: other });
    await harness.run('bookings/create', cleaning('2026-11-24T09:00'));
    const there = await harness.run('bookings/create', { ...cleaning('2026-11-24T09:00'), tenantId: 'other-dental' });
    expect(there.status).toBe('confirmed');
    expect(await harness.run('bookings/list', { tenantId: 'other-dental' })).toHaveLength(1);
    await expect(harness.run('bookings/get', { tenantId: 'other-dental', bookingId: (await harness.run('bookings/list', { tenantId: T }))[0].id })).rejects.toMatchObject({ code: 'not_found' });
    expect(await harness.run('customers/search', { tenantId: 'other-dental', query: 'Ann' })).toHaveLength(1);
  });
});

describe('customers', () => {
  it('normalizes numbers to E.164 with the practice country, and recognizes a caller', async () => {
    harness = createHarness();
    await harness.run('bookings/create', cleaning('2026-11-24T09:00', { customer: { phone: '(555) 555-0199', name: 'Ann Lee' } }));
    const again = await harness.run('bookings/create', cleaning('2026-11-25T09:00', { customer: { phone: '555.555.0199' } }));
    expect(again.customer).toMatchObject({ phone: '+15555550199', name: 'Ann Lee' });
    expect(harness.core.customers.recognize(T, '+15555550199')?.name).toBe('Ann Lee');
    await expect(harness.run('bookings/create', cleaning('2026-11-26T09:00', { customer: { phone: '12' } }))).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('finds customers by name or by part of their number, with upcoming and past bookings', async () => {
    harness = createHarness();
    const b = await harness.run('bookings/create', cleaning('2026-11-24T09:00'));
    await harness.run('bookings/create', cleaning('2026-11-30T09:00'));
    expect(await harness.run('customers/search', { tenantId: T, query: 'ann' })).toMatchObject([{ name: 'Ann Lee' }]);
    expect(await harness.run('customers/search', { tenantId: T, query: '0199' })).toMatchObject([{ phone: '+15555550199' }]);
    expect(await harness.run('customers/search', { tenantId: T, query: '100%' })).toEqual([]);
    harness.clock.set('2026-11-25T12:00:00Z');
    await harness.run('bookings/record-outcome', { tenantId: T, bookingId: b.id, outcome: 'completed' });
    const customer = await harness.run('customers/get', { tenantId: T, customerId: b.customer.id });
    expect(customer.upcoming).toHaveLength(1);
    expect(customer.past).toMatchObject([{ status: 'completed' }]);
    const updated = await harness.run('customers/update', { tenantId: T, customerId: b.customer.id, notes: 'Prefers mornings' });
    expect(updated.notes).toBe('Prefers mornings');
  });
});
