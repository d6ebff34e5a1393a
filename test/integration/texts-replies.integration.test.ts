import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir.js';
import { startTextsHarness, T, type TextsHarness } from '../support/texts-harness.js';

let h: TextsHarness;
let cleanups: (() => void)[] = [];
afterEach(async () => {
  await h?.stop();
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

const ANN = '+15555550199';

async function annBooks(start = '2026-11-25T10:00') {
  const booking = await h.run<any>('bookings/create', { tenantId: T, serviceId: 'cleaning', providerId: 'maria', start, customer: { phone: ANN, name: 'Ann Lee' } });
  await h.textArrives(ANN, /is confirmed/);
  return booking;
}

async function activeBookings() {
  return h.run<any[]>('bookings/list', { tenantId: T, statuses: ['confirmed', 'held', 'pending_review'] });
}

describe('replies in the patient\'s own words', () => {
  it('"yes" after the reminder is recorded on the booking and answered', async () => {
    h = await startTextsHarness();
    const booking = await annBooks();
    h.clock.set('2026-11-24T15:05:00Z');
    await h.textArrives(ANN, /a reminder/);
    h.clock.advance(60_000);
    await h.patientTexts(ANN, 'see you then 👍');
    await h.textArrives(ANN, /thanks, you're confirmed for Wednesday, November 25 at 10:00 AM/);
    const detail = await h.run<any>('bookings/get', { tenantId: T, bookingId: booking.id });
    expect(detail.history.at(-1)).toMatchObject({ action: 'confirmed by text', actor: `text from ${ANN}` });
    expect(await h.run('texts/unread-count', { tenantId: T })).toEqual({ unread: 0 });
  });

  it('"can we do Monday afternoon?" offers the two nearest free times; "2" holds and books the second, in place of the old one', async () => {
    h = await startTextsHarness();
    const booking = await annBooks();
    await h.patientTexts(ANN, 'can we do Monday afternoon?');
    const offer = await h.textArrives(ANN, /we can do/);
    expect(offer).toMatch(/^Bright Smiles Dental: we can do 1\) Monday, November 30 at (1|2|3|4):\d\d PM or 2\) Monday, November 30 at (1|2|3|4):\d\d PM\. Reply 1 or 2 to pick one\.$/);
    const second = /2\) Monday, November 30 at (\d+:\d\d PM)/.exec(offer)![1];
    h.clock.advance(60_000);
    await h.patientTexts(ANN, '2');
    await h.textArrives(ANN, new RegExp(`has moved to Monday, November 30 at ${second}`));
    const active = await activeBookings();
    expect(active).toHaveLength(1);
    expect(active[0]).toMatchObject({ id: booking.id, status: 'confirmed' });
    expect(active[0].start.startsWith('2026-11-30T')).toBe(true);
    const history = (await h.run<any>('bookings/get', { tenantId: T, bookingId: booking.id })).history.map((e: any) => e.action);
    expect(history).toEqual(['created', 'rescheduled']);
    // The time was held first, then the hold was released into the move in the same commit.
    const all = await h.run<any[]>('bookings/list', { tenantId: T });
    const hold = all.find((b: any) => b.id !== booking.id);
    expect(hold).toMatchObject({ status: 'cancelled', start: active[0].start });
    expect((await h.run<any>('bookings/get', { tenantId: T, bookingId: hold.id })).history.map((e: any) => e.action)).toEqual(['created', 'released']);
  });

  it('a picked time someone else took meanwhile is refused with an apology; the booking stays', async () => {
    h = await startTextsHarness();
    const booking = await annBooks();
    await h.patientTexts(ANN, 'how about Monday at 2pm?');
    const offer = await h.textArrives(ANN, /we can do/);
    const first = /1\) Monday, November 30 at (\d+):(\d\d) (AM|PM)/.exec(offer)!;
    const hour = (Number(first[1]) % 12) + (first[3] === 'PM' ? 12 : 0);
    await h.run('bookings/create', { tenantId: T, serviceId: 'cleaning', providerId: 'maria', start: `2026-11-30T${String(hour).padStart(2, '0')}:${first[2]}`, customer: { phone: '+15555550122' } });
    await h.run('bookings/create', { tenantId: T, serviceId: 'cleaning', providerId: 'dr-lee', start: `2026-11-30T${String(hour).padStart(2, '0')}:${first[2]}`, customer: { phone: '+15555550133' } }).catch(() => undefined);
    h.clock.advance(60_000);
    await h.patientTexts(ANN, 'the first one');
    await h.textArrives(ANN, /that time was just taken/);
    expect((await h.run<any>('bookings/get', { tenantId: T, bookingId: booking.id })).start).toBe('2026-11-25T10:00:00-05:00');
  });

  it('STOP is remembered for the number: nothing more is sent until START; HELP is answered', async () => {
    h = await startTextsHarness();
    await h.patientTexts(ANN, 'HELP');
    await h.textArrives(ANN, /reply YES to confirm your appointment/);
    await h.patientTexts(ANN, 'STOP');
    const booking = await h.run<any>('bookings/create', { tenantId: T, serviceId: 'cleaning', providerId: 'maria', start: '2026-11-25T10:00', customer: { phone: ANN, name: 'Ann Lee' } });
    await expect.poll(async () => (await h.run<any[]>('texts/list-for-booking', { tenantId: T, bookingId: booking.id }))[0]?.status, { timeout: 15_000 }).toBe('failed');
    expect((await h.run<any[]>('texts/list-for-booking', { tenantId: T, bookingId: booking.id }))[0].lastError).toMatch(/replied STOP/);
    await expect(h.run('texts/reply', { tenantId: T, phone: ANN, body: 'Hi Ann', staffName: 'Dana' })).rejects.toMatchObject({ code: 'conflict' });
    expect((await h.run<any[]>('texts/list-threads', { tenantId: T }))[0]).toMatchObject({ phone: ANN, optedOut: true });
    expect(h.textsTo(ANN).filter((b) => /is confirmed/.test(b))).toEqual([]);

    // Twilio's Advanced Opt-Out names the keyword itself (here a word we do not list).
    await h.patientTexts(ANN, 'START');
    h.clock.set('2026-11-24T15:05:00Z');
    await h.textArrives(ANN, /a reminder/);
    await h.patientTexts(ANN, 'arret', { optOutType: 'STOP' });
    expect((await h.run<any>('texts/get-thread', { tenantId: T, phone: ANN })).optedOut).toBe(true);
  });

  it('a restart between the reminder and the reply loses nothing: the reply still confirms the right booking', async () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    h = await startTextsHarness({ dir });
    const booking = await annBooks();
    h.clock.set('2026-11-24T15:05:00Z');
    await h.textArrives(ANN, /a reminder/);
    await h.stop();

    h = await startTextsHarness({ dir, now: '2026-11-24T16:30:00Z' });
    await h.patientTexts(ANN, "yes I'll be there");
    await h.textArrives(ANN, /you're confirmed for Wednesday/);
    expect((await h.run<any>('bookings/get', { tenantId: T, bookingId: booking.id })).history.at(-1).action).toBe('confirmed by text');
    // The reminder was not sent a second time after the restart.
    expect((await h.run<any[]>('texts/list-for-booking', { tenantId: T, bookingId: booking.id })).filter((t: any) => t.purpose === 'reminder')).toHaveLength(1);
  });

  it('a reminder that fell due while the appliance was off goes out at the next start, unless the visit already began', async () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    h = await startTextsHarness({ dir });
    const later = await annBooks('2026-11-25T10:00');
    const soon = await h.run<any>('bookings/create', { tenantId: T, serviceId: 'exam', providerId: 'dr-lee', start: '2026-11-24T09:00', customer: { phone: '+15555550177', name: 'Early Bird' } });
    await h.textArrives('+15555550177', /is confirmed/);
    await h.stop();

    // Off overnight; back on Tuesday at 11:00, after both were due and after the exam began.
    h = await startTextsHarness({ dir, now: '2026-11-24T16:00:00Z' });
    await h.textArrives(ANN, /a reminder/);
    expect(await h.run<any[]>('texts/list-for-booking', { tenantId: T, bookingId: later.id })).toHaveLength(2);
    expect((await h.run<any[]>('texts/list-for-booking', { tenantId: T, bookingId: soon.id })).map((t: any) => t.purpose)).toEqual(['confirmation']);
  });
});

describe('missed-call text-back', () => {
  it('texts a caller who hung up without an outcome, once a day; never after a call that got somewhere', async () => {
    h = await startTextsHarness();
    const first = await h.twilio.placeCall({ from: ANN, to: '+15555550123' });
    await first.hangup();
    expect(await h.textArrives(ANN, /sorry we missed you/)).toMatch(/Reply to this text to book/);
    const second = await h.twilio.placeCall({ from: ANN, to: '+15555550123' });
    await second.hangup();
    const answered = await h.converse('+15555550166', ['what are your hours']);
    await answered.hangup();

    h.clock.advance(24 * 3_600_000);
    const nextDay = await h.twilio.placeCall({ from: ANN, to: '+15555550123' });
    await nextDay.hangup();
    await expect.poll(() => h.textsTo(ANN).filter((b) => /sorry we missed you/.test(b)).length, { timeout: 15_000 }).toBe(2);
    expect(h.textsTo('+15555550166')).toEqual([]);
  });
});
