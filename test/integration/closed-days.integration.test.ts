import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, demoTenant, type Harness } from '../support/core-harness.js';

const T = 'bright-smiles';
let harness: Harness;
afterEach(() => harness?.close());

/** Monday Nov 23, 9:00 AM in New York; two patients booked on Tuesday Nov 24 (one by phone number only). */
async function tuesdayBooked() {
  harness = createHarness();
  const book = (start: string, name: string, phone: string) =>
    harness.run<any>('bookings/create', { tenantId: T, serviceId: 'cleaning', providerId: 'maria', start, customer: { name, phone } });
  const ann = await book('2026-11-24T09:00', 'Ann Lee', '+15555550199');
  const bob = await book('2026-11-24T13:00', 'Bob Ray', '+15555550198');
  await harness.run('bookings/create', { tenantId: T, serviceId: 'cleaning', providerId: 'maria', start: '2026-11-25T09:00', customer: { name: 'Wed Patient', phone: '+15555550197' } });
  return { ann, bob };
}

const closingTuesday = () => ({ ...demoTenant(), closures: [...(demoTenant().closures as object[]), { date: '2026-11-24', reason: 'Burst pipe' }] });
const texts = async () => (await harness.run<any[]>('outbox/list', { tenantId: T })).filter((t) => /is cancelled/.test(t.body));

describe('closing a day that has appointments', () => {
  it('is refused without a choice, naming each appointment, and lists them for the owner to decide', async () => {
    await tuesdayBooked();
    await expect(harness.run('tenants/save', { config: closingTuesday() })).rejects.toMatchObject({
      code: 'conflict',
      message: 'This change closes a day with 2 upcoming appointments. Keep them (the day closes to new bookings only), cancel them and text each patient, or send them to review to move.',
      details: ['Tue, Nov 24, 9:00 AM · Teeth cleaning with Maria Gomez, RDH for Ann Lee: the practice would be closed that day', 'Tue, Nov 24, 1:00 PM · Teeth cleaning with Maria Gomez, RDH for Bob Ray: the practice would be closed that day'],
    });
    const impact = await harness.run<any[]>('tenants/closure-impact', { tenantId: T, config: closingTuesday() });
    expect(impact.map((b) => b.customer.name)).toEqual(['Ann Lee', 'Bob Ray']);
    // Special hours with no hours close the day too.
    const noHours = { ...demoTenant(), specialHours: [{ date: '2026-11-24', hours: [], reason: 'Staff training' }] };
    expect((await harness.run<any[]>('tenants/closure-impact', { tenantId: T, config: noHours })).map((b) => b.customer.name)).toEqual(['Ann Lee', 'Bob Ray']);
    await expect(harness.run('tenants/save', { config: noHours })).rejects.toMatchObject({ code: 'conflict' });
    expect((await harness.run<any>('tenants/get', { tenantId: T })).closures).not.toContainEqual(expect.objectContaining({ date: '2026-11-24' }));
  });

  it('keeps them when asked: the day closes to new bookings only', async () => {
    const { ann } = await tuesdayBooked();
    await harness.run('tenants/save', { config: closingTuesday(), closedDays: 'keep' });
    expect((await harness.run<any>('bookings/get', { tenantId: T, bookingId: ann.id })).status).toBe('confirmed');
    expect((await harness.run<any>('bookings/get', { tenantId: T, bookingId: ann.id })).history.at(-1)).toMatchObject({ action: 'kept on a closed day', actor: 'Dana (desk)' });
    await expect(harness.run('bookings/create', { tenantId: T, serviceId: 'exam', providerId: 'dr-lee', start: '2026-11-24T10:00', customer: { name: 'New One' } })).rejects.toMatchObject({ code: 'outside_rules' });
    expect(await texts()).toEqual([]);
  });

  it('cancels them and texts each patient the practice’s wording, which invites them to book again', async () => {
    const { ann, bob } = await tuesdayBooked();
    await harness.run('tenants/save', { config: closingTuesday(), closedDays: 'cancel' });
    for (const b of [ann, bob]) {
      const after = await harness.run<any>('bookings/get', { tenantId: T, bookingId: b.id });
      expect(after).toMatchObject({ status: 'cancelled', updatedBy: 'Dana (desk)' });
      expect(after.history.at(-1).details).toMatchObject({ Reason: 'the practice is closed that day' });
    }
    const sent = await texts();
    expect(sent.map((t) => t.to).sort()).toEqual(['+15555550198', '+15555550199']);
    expect(sent.find((t) => t.to === '+15555550199')?.body).toBe(
      'Bright Smiles Dental: your teeth cleaning on Tuesday, November 24 at 9:00 AM is cancelled. Text or call us at +1 (555) 555-0123 to book again.',
    );
    // Wednesday's patient is untouched.
    expect((await harness.run<any[]>('bookings/list', { tenantId: T, from: '2026-11-25', to: '2026-11-25' })).map((b) => b.status)).toEqual(['confirmed']);
  });

  it('sends them to the review queue to move, with the reason', async () => {
    const { ann } = await tuesdayBooked();
    await harness.run('tenants/save', { config: closingTuesday(), closedDays: 'review' });
    const queue = await harness.run<any[]>('review/list', { tenantId: T });
    expect(queue.map((item) => item.booking.customer.name).sort()).toEqual(['Ann Lee', 'Bob Ray']);
    expect((await harness.run<any>('bookings/get', { tenantId: T, bookingId: ann.id })).reviewReason).toBe('The practice is now closed that day: move this appointment to another day.');
    expect(await texts()).toEqual([]);
  });
});
