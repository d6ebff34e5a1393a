import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, demoTenant, type Harness } from '../support/core-harness.js';

const T = 'bright-smiles';
let harness: Harness;
afterEach(() => harness?.close());

type Config = Record<string, any>;

/** Monday Nov 23, 9:00 AM in New York (the harness's clock). */
async function booked(providerId: string, serviceId: string, start: string, name: string, phone = '+15555550199') {
  harness ??= createHarness();
  return harness.run<any>('bookings/create', { tenantId: T, serviceId, providerId, start, customer: { name, phone } });
}

/** The demo practice with one change. */
function changed(edit: (config: Config) => void): Config {
  const config = structuredClone(demoTenant()) as Config;
  edit(config);
  return config;
}

const withProvider = (config: Config, id: string, edit: (provider: Config) => void) => {
  config.providers = config.providers.map((p: Config) => (p.id === id ? (edit(p), p) : p));
};

/** The refusal a save without a choice gets, and the same appointments the console is shown. */
async function refusal(config: Config) {
  const impact = await harness.run<any[]>('tenants/closure-impact', { tenantId: T, config });
  const error = await harness.run('tenants/save', { config }).then(
    () => null,
    (e: { code: string; message: string; details: string[] }) => e,
  );
  return { impact: impact.map((b) => [b.customer.name, b.why, b.closedDay]), error };
}

describe('a change to working time that strands a booked visit', () => {
  it('the practice’s weekly hours: refused, naming the new end of the day', async () => {
    harness = createHarness();
    await booked('dr-lee', 'exam', '2026-11-30T14:45', 'Ann Lee');
    await booked('dr-lee', 'exam', '2026-11-30T15:30', 'Bob Ray', '+15555550198');
    await booked('dr-lee', 'exam', '2026-11-30T10:00', 'Early Eve', '+15555550197');
    const shorter = changed((c) => (c.hours.mon = [['08:00', '12:00'], ['13:00', '15:00']]));

    const { impact, error } = await refusal(shorter);
    expect(impact).toEqual([
      ['Ann Lee', "the practice's new hours on Mondays end at 3:00 PM", false],
      ['Bob Ray', "the practice's new hours on Mondays are 8:00 AM to 12:00 PM and 1:00 PM to 3:00 PM", false],
    ]);
    expect(error).toMatchObject({
      code: 'conflict',
      message: "This change leaves 2 upcoming appointments outside their provider's working time. Keep them (new bookings follow the new hours), cancel them and text each patient, or send them to review to move.",
      details: [
        "Mon, Nov 30, 2:45 PM · Dental exam with Dr. Emily Lee for Ann Lee: the practice's new hours on Mondays end at 3:00 PM",
        "Mon, Nov 30, 3:30 PM · Dental exam with Dr. Emily Lee for Bob Ray: the practice's new hours on Mondays are 8:00 AM to 12:00 PM and 1:00 PM to 3:00 PM",
      ],
    });
    expect((await harness.run<Config>('tenants/get', { tenantId: T })).hours.mon).toEqual([['08:00', '12:00'], ['13:00', '17:00']]);
  });

  it('a provider’s own weekly hours, including a weekday they stop working', async () => {
    harness = createHarness();
    await booked('dr-patel', 'exam', '2026-11-30T13:45', 'Ann Lee');
    await booked('dr-patel', 'exam', '2026-12-02T09:00', 'Wed Will', '+15555550198');
    const shorter = changed((c) => withProvider(c, 'dr-patel', (p) => (p.hours.mon = [['09:00', '12:00'], ['13:00', '14:00']])));
    expect((await refusal(shorter)).impact).toEqual([['Ann Lee', "Dr. Raj Patel's new hours on Mondays end at 2:00 PM", false]]);

    const noWednesdays = changed((c) => withProvider(c, 'dr-patel', (p) => (p.hours.wed = [])));
    const { impact, error } = await refusal(noWednesdays);
    expect(impact).toEqual([['Wed Will', 'Dr. Raj Patel would no longer work on Wednesdays', false]]);
    expect(error?.message).toBe("This change leaves 1 upcoming appointment outside its provider's working time. Keep it (new bookings follow the new hours), cancel it and text each patient, or send it to review to move.");
  });

  it('special hours that shorten a day', async () => {
    harness = createHarness();
    await booked('maria', 'cleaning', '2026-11-24T10:30', 'Ann Lee');
    await booked('maria', 'cleaning', '2026-11-24T09:00', 'Morning Mo', '+15555550198');
    const short = changed((c) => c.specialHours.push({ date: '2026-11-24', hours: [['08:00', '11:00']], reason: 'Staff meeting' }));
    expect((await refusal(short)).impact).toEqual([['Ann Lee', 'the special hours on Tuesday, November 24 (Staff meeting) end at 11:00 AM', false]]);
  });

  it('time off a provider takes over a booked visit', async () => {
    harness = createHarness();
    await booked('dr-lee', 'exam', '2026-11-25T10:00', 'Ann Lee');
    const away = changed((c) => withProvider(c, 'dr-lee', (p) => p.timeOff.push({ from: '2026-11-25T09:00', to: '2026-11-25T12:00', reason: 'Dentist conference' })));
    const { impact, error } = await refusal(away);
    expect(impact).toEqual([['Ann Lee', 'Dr. Emily Lee would be off then (Dentist conference)', false]]);
    expect(error?.details).toEqual(['Wed, Nov 25, 10:00 AM · Dental exam with Dr. Emily Lee for Ann Lee: Dr. Emily Lee would be off then (Dentist conference)']);
  });

  it('saves without a word when the change leaves every visit inside working time', async () => {
    harness = createHarness();
    const ann = await booked('dr-lee', 'exam', '2026-11-30T10:00', 'Ann Lee');
    const untouched = changed((c) => {
      c.hours.mon = [['09:00', '12:00']];
      c.hours.thu = [['10:00', '13:00']];
      c.specialHours.push({ date: '2026-11-24', hours: [['08:00', '12:00']], reason: 'Staff meeting' });
      withProvider(c, 'dr-lee', (p) => p.timeOff.push({ from: '2026-11-30T11:00', to: '2026-11-30T12:00', reason: 'Errand' }));
    });
    expect(await harness.run('tenants/closure-impact', { tenantId: T, config: untouched })).toEqual([]);
    await harness.run('tenants/save', { config: untouched });
    expect((await harness.run<Config>('tenants/get', { tenantId: T })).hours.mon).toEqual([['09:00', '12:00']]);
    expect((await harness.run<any>('bookings/get', { tenantId: T, bookingId: ann.id })).status).toBe('confirmed');
  });

  it('a visit already over does not hold a change up', async () => {
    harness = createHarness();
    const today = await booked('dr-lee', 'exam', '2026-11-23T10:00', 'Ann Lee');
    harness.clock.set('2026-11-23T16:00:00Z');
    expect((await harness.run<any>('bookings/get', { tenantId: T, bookingId: today.id })).status).toBe('confirmed');
    await harness.run('tenants/save', { config: changed((c) => (c.hours.mon = [['13:00', '17:00']])) });
  });
});

describe('what the owner chooses for visits outside the new hours', () => {
  const shorter = () => changed((c) => (c.hours.mon = [['08:00', '12:00'], ['13:00', '15:00']]));

  it('keeps them, recorded under their name with why; new bookings follow the new hours', async () => {
    harness = createHarness();
    const ann = await booked('dr-lee', 'exam', '2026-11-30T16:00', 'Ann Lee');
    await harness.run('tenants/save', { config: shorter(), closedDays: 'keep' });
    const after = await harness.run<any>('bookings/get', { tenantId: T, bookingId: ann.id });
    expect(after.status).toBe('confirmed');
    expect(after.history.at(-1)).toMatchObject({ action: 'kept outside the new working time', actor: 'Dana (desk)', details: { Reason: "the practice's new hours on Mondays are 8:00 AM to 12:00 PM and 1:00 PM to 3:00 PM" } });
    await expect(harness.run('bookings/create', { tenantId: T, serviceId: 'cleaning', providerId: 'maria', start: '2026-11-30T16:00', customer: { name: 'New One' } })).rejects.toMatchObject({
      code: 'outside_rules',
    });
  });

  it('sends them to review with the reason, or cancels them and texts each patient', async () => {
    harness = createHarness();
    const ann = await booked('dr-lee', 'exam', '2026-11-30T14:45', 'Ann Lee');
    await harness.run('tenants/save', { config: shorter(), closedDays: 'review' });
    expect((await harness.run<any>('bookings/get', { tenantId: T, bookingId: ann.id })).reviewReason).toBe(
      "The practice's new hours on Mondays end at 3:00 PM: move this appointment to another time.",
    );

    const bob = await booked('maria', 'cleaning', '2026-11-25T15:00', 'Bob Ray', '+15555550198');
    await harness.run('tenants/save', { config: changed((c) => (c.hours.wed = [['08:00', '12:00']])), closedDays: 'cancel' });
    const cancelled = await harness.run<any>('bookings/get', { tenantId: T, bookingId: bob.id });
    expect(cancelled).toMatchObject({ status: 'cancelled', updatedBy: 'Dana (desk)' });
    expect(cancelled.history.at(-1).details).toMatchObject({ Reason: "outside the new working time: the practice's new hours on Wednesdays are 8:00 AM to 12:00 PM" });
    const texts = (await harness.run<any[]>('outbox/list', { tenantId: T })).filter((t) => /is cancelled/.test(t.body));
    expect(texts.map((t) => t.to)).toEqual(['+15555550198']);
  });
});
