import { afterEach, describe, expect, it } from 'vitest';
import { PRACTICE_NUMBER, PUBLIC_URL } from '../support/call-harness.js';
import { runCli } from '../support/run-cli.js';
import { makeTempDir } from '../support/temp-dir.js';
import { startTextsHarness, T, type TextsHarness } from '../support/texts-harness.js';

let h: TextsHarness;
afterEach(async () => h?.stop());

const ANN = '+15555550199';
const DANA = 'Dana';

async function staffBooks(phone = ANN, start = '2026-11-25T10:00') {
  return h.run<any>('bookings/create', { tenantId: T, serviceId: 'cleaning', providerId: 'maria', start, customer: { phone, name: 'Ann Lee' } });
}

describe('POST /twilio/sms', () => {
  it('refuses an unsigned or forged text (403) and stores nothing', async () => {
    h = await startTextsHarness();
    const unsigned = await h.twilio.sendSms({ from: ANN, to: PRACTICE_NUMBER, body: 'hello', unsigned: true });
    const forged = await h.twilio.sendSms({ from: ANN, to: PRACTICE_NUMBER, body: 'hello', signWith: 'not-the-token' });
    expect([unsigned.response.status, forged.response.status]).toEqual([403, 403]);
    expect(await h.run('texts/list-threads', { tenantId: T })).toEqual([]);
  });

  it('answers an empty TwiML <Response/>, keeps a retried MessageSid once, and puts an unclear text in the inbox, unread', async () => {
    h = await startTextsHarness();
    const sent = await h.patientTexts(ANN, 'what is your address?');
    expect(sent.response.contentType).toMatch(/text\/xml/);
    expect(sent.response.body).toMatch(/<Response\/>/);
    const again = await sent.retry();
    expect(again.status).toBe(200);
    const thread = await h.run<any>('texts/get-thread', { tenantId: T, phone: ANN });
    expect(thread.messages.filter((m: any) => m.direction === 'in')).toEqual([expect.objectContaining({ body: 'what is your address?', read: false, purpose: 'staff' })]);
    expect(await h.run('texts/unread-count', { tenantId: T })).toEqual({ unread: 1 });
    await h.textArrives(ANN, /we got your message/);
    // Told once a day, not after every text.
    await h.patientTexts(ANN, 'also do you take Delta Dental?');
    expect(await h.run('texts/unread-count', { tenantId: T })).toEqual({ unread: 2 });
    expect(h.textsTo(ANN).filter((b) => /we got your message/.test(b))).toHaveLength(1);
  });

  it('a text to a number no practice owns is answered (empty) and ignored; a malformed one too', async () => {
    h = await startTextsHarness();
    const stranger = await h.twilio.sendSms({ from: ANN, to: '+15555559999', body: 'yes' });
    expect(stranger.response.status).toBe(200);
    expect(stranger.response.body).toMatch(/<Response\/>/);
    expect(await h.run('texts/list-threads', { tenantId: T })).toEqual([]);
  });
});

describe('delivery status callbacks', () => {
  it('records queued → delivered per message, shown with the booking; a late "sent" does not move it back', async () => {
    h = await startTextsHarness();
    const booking = await staffBooks();
    await h.textArrives(ANN, /is confirmed/);
    const [message] = h.rest.messagesTo(ANN);
    const sid = String(message!['sid']);
    const statusCallback = h.rest.statusCallbackOf(sid);
    expect(statusCallback).toBe(`${PUBLIC_URL}/twilio/sms-status`);
    // Twilio has the text; the outbox records the send right after Twilio's answer.
    await expect.poll(async () => (await h.run<any[]>('texts/list-for-booking', { tenantId: T, bookingId: booking.id }))[0]?.status).toBe('sent');
    let texts = await h.run<any[]>('texts/list-for-booking', { tenantId: T, bookingId: booking.id });
    expect(texts).toMatchObject([{ purpose: 'confirmation', status: 'sent', deliveryStatus: 'queued' }]);

    for (const status of ['sent', 'delivered', 'sent']) {
      const res = await h.twilio.reportMessageStatus({ statusCallback: statusCallback!, messageSid: sid, from: PRACTICE_NUMBER, to: ANN, status });
      expect(res.status).toBe(200);
    }
    texts = await h.run<any[]>('texts/list-for-booking', { tenantId: T, bookingId: booking.id });
    expect(texts).toMatchObject([{ deliveryStatus: 'delivered' }]);

    const failing = await staffBooks('+15555550111', '2026-11-25T11:00');
    await h.textArrives('+15555550111', /is confirmed/);
    const failedSid = String(h.rest.messagesTo('+15555550111')[0]!['sid']);
    await expect.poll(async () => (await h.run<any[]>('texts/list-for-booking', { tenantId: T, bookingId: failing.id }))[0]?.status).toBe('sent');
    await h.twilio.reportMessageStatus({ statusCallback: statusCallback!, messageSid: failedSid, from: PRACTICE_NUMBER, to: '+15555550111', status: 'undelivered', errorCode: '30003' });
    expect(await h.run<any[]>('texts/list-for-booking', { tenantId: T, bookingId: failing.id })).toMatchObject([{ deliveryStatus: 'undelivered' }]);
  });
});

describe('texts after changes made at the desk', () => {
  it('a move and a cancellation from the console text the patient in the practice\'s wording; staff see what went out', async () => {
    h = await startTextsHarness();
    const practice = await h.run<any>('tenants/get', { tenantId: T });
    await h.run('tenants/save', { config: { ...practice, texts: { ...practice.texts, templates: { en: { moved: 'Hi {name}! {practice} moved you to {date} at {time}.' } } } } });
    const booking = await staffBooks();
    await h.textArrives(ANN, /is confirmed/);
    await h.run('bookings/reschedule', { tenantId: T, bookingId: booking.id, start: '2026-11-25T14:00' });
    expect(await h.textArrives(ANN, /moved you/)).toBe('Hi Ann Lee! Bright Smiles Dental moved you to Wednesday, November 25 at 2:00 PM.');
    await h.run('bookings/cancel', { tenantId: T, bookingId: booking.id });
    await h.textArrives(ANN, /is cancelled/);
    const texts = await h.run<any[]>('texts/list-for-booking', { tenantId: T, bookingId: booking.id });
    expect(texts.map((t: any) => t.purpose)).toEqual(['confirmation', 'moved', 'cancelled']);
  });

  it('a booking made with the CLI while the appliance runs is confirmed by text by the appliance', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      h = await startTextsHarness({ dir });
      const env = { FRONTDESK_DATA_DIR: dir, FRONTDESK_NOW: '2026-11-23T14:00:00Z' };
      const made = await runCli(['bookings', 'create', '--tenant', T, '--service', 'cleaning', '--provider', 'maria', '--start', '2026-11-25T10:00', '--phone', ANN, '--name', 'Ann Lee', '--json'], env);
      expect(made.code, made.stderr).toBe(0);
      // The CLI's clock ran on a little from the pinned start; the appliance's fake clock catches up.
      h.clock.advance(60_000);
      expect(await h.textArrives(ANN, /is confirmed/)).toMatch(/teeth cleaning on Wednesday, November 25 at 10:00 AM/);
    } finally {
      await h.stop();
      cleanup();
    }
  });

  it('with confirmations switched off nothing is texted for a booking or its cancellation', async () => {
    h = await startTextsHarness();
    const practice = await h.run<any>('tenants/get', { tenantId: T });
    await h.run('tenants/save', { config: { ...practice, texts: { ...practice.texts, confirmations: false } } });
    const booking = await staffBooks();
    await h.run('bookings/cancel', { tenantId: T, bookingId: booking.id });
    expect(await h.run<any[]>('texts/list-for-booking', { tenantId: T, bookingId: booking.id })).toEqual([]);
  });

  it('a rehearsal booking is never texted', async () => {
    h = await startTextsHarness();
    const rehearsal = await h.run<any>('rehearsal/start', { tenantId: T, from: ANN });
    for (const line of ['I need a cleaning Wednesday afternoon', 'the first one', 'Ann Lee', 'yes']) await h.run('rehearsal/say', { callId: rehearsal.callId, text: line });
    const [booking] = await h.run<any[]>('bookings/list', { tenantId: T, statuses: ['confirmed'] });
    expect(booking).toBeDefined();
    await h.run('bookings/cancel', { tenantId: T, bookingId: booking.id });
    await h.run('rehearsal/hang-up', { callId: rehearsal.callId });
    expect(await h.run<any[]>('outbox/list', { tenantId: T })).toEqual([]);
  });

  it('staff reply from the inbox through the outbox; the thread reads as sent and its unread count clears', async () => {
    h = await startTextsHarness();
    await h.patientTexts(ANN, 'do you take Delta Dental?');
    const reply = await h.run<any>('texts/reply', { tenantId: T, phone: ANN, body: 'Yes, we do!', staffName: DANA });
    expect(reply).toMatchObject({ direction: 'out', purpose: 'staff-reply', status: 'pending' });
    await h.textArrives(ANN, /^Yes, we do!$/);
    const threads = await h.run<any[]>('texts/list-threads', { tenantId: T });
    expect(threads).toMatchObject([{ phone: ANN, unread: 0, lastBody: 'Yes, we do!', lastDirection: 'out' }]);
    await expect(h.run('texts/reply', { tenantId: T, phone: ANN, body: '   ', staffName: DANA })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
