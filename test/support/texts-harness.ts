import { expect } from 'vitest';
import { ACCOUNT_SID, PRACTICE_NUMBER, startCallHarness, type CallHarness } from './call-harness.js';
import { TEST_AUTH_TOKEN } from './test-config.js';
import { FakeTwilioRest } from './twilio/fake-twilio-rest.js';
import { isTwimlResponse } from './twilio/simulated-sms.js';

export const T = 'bright-smiles';

/**
 * The running appliance with Twilio faked on both sides: the simulated Twilio posts signed texts
 * and status callbacks to the public listener, and the fake Messages API takes what the outbox sends.
 */
export async function startTextsHarness(options: { now?: string; dir?: string } = {}) {
  const rest = await new FakeTwilioRest({ accountSid: ACCOUNT_SID, authToken: TEST_AUTH_TOKEN }).start();
  const h: CallHarness = await startCallHarness({ apiBase: rest.baseUrl, ...(options.now ? { now: options.now } : {}), ...(options.dir ? { dir: options.dir } : {}) });
  rest.attach(h.twilio);

  /** Bodies Twilio was asked to send to this number, oldest first. */
  const textsTo = (phone: string) => rest.messagesTo(phone).map((m) => String(m['body']));

  return {
    ...h,
    rest,
    textsTo,
    /** The patient texts the practice; the webhook must answer 200 with TwiML. */
    async patientTexts(from: string, body: string, extra: { messageSid?: string; optOutType?: 'STOP' | 'START' | 'HELP' } = {}) {
      const sent = await h.twilio.sendSms({ from, to: PRACTICE_NUMBER, body, ...extra });
      expect(sent.response.status).toBe(200);
      expect(isTwimlResponse(sent.response.body)).toBe(true);
      return sent;
    },
    /** Waits (the outbox sends within a second) until Twilio got a text to `phone` matching `pattern`; returns its body. */
    async textArrives(phone: string, pattern: RegExp): Promise<string> {
      await expect.poll(() => textsTo(phone).some((b) => pattern.test(b)), { timeout: 15_000, interval: 50 }).toBe(true);
      const body = textsTo(phone).find((b) => pattern.test(b))!;
      // …and the outbox has recorded the send (it does so right after Twilio's answer).
      await expect
        .poll(async () => (await h.run<any[]>('outbox/list', { tenantId: T, limit: 500 })).some((o) => o.to === phone && o.body === body && o.status === 'sent'), { timeout: 15_000, interval: 50 })
        .toBe(true);
      return body;
    },
    async stop() {
      await h.stop();
      await rest.stop();
    },
  };
}

export type TextsHarness = Awaited<ReturnType<typeof startTextsHarness>>;
