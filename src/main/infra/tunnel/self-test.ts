import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import type { SelfTest } from '../../core/reachability/index.js';

export const SELF_TEST_PATH = '/twilio/self-test';
const SELF_TEST_TIMEOUT_MS = 10_000;

/** The answer the public listener gives a valid self-test, so we know it was this appliance that answered. */
export function selfTestAnswer(nonce: string): string {
  return `frontdesk-self-test:${nonce}`;
}

/**
 * Sends a request through the public URL signed exactly as Twilio signs webhooks (with a key of this
 * launch instead of the auth token), to the public listener's self-test route. It passes only if the
 * request arrives here and the URL the listener reconstructs is the one that was signed, which is
 * what Twilio's own requests will need.
 */
export function createSelfTest(options: { key: string; signal?: AbortSignal }): SelfTest {
  return async (publicUrl) => {
    const url = publicUrl + SELF_TEST_PATH;
    const nonce = randomBytes(12).toString('hex');
    const params = { Nonce: nonce };
    const signature = twilio.getExpectedTwilioSignature(options.key, url, params);
    let response: Response;
    try {
      const timeout = AbortSignal.timeout(SELF_TEST_TIMEOUT_MS);
      response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
        body: new URLSearchParams(params).toString(),
        signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
        redirect: 'manual',
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return { ok: false, problem: `Could not reach ${publicUrl} from this computer (${cause?.code ?? cause?.message ?? (error as Error).message}).` };
    }
    const body = await response.text().catch(() => '');
    if (response.status === 200 && body === selfTestAnswer(nonce)) return { ok: true };
    if (response.status === 403) {
      return {
        ok: false,
        problem: `${publicUrl} reaches Frontdesk, but the address it arrives at differs from the one called (a proxy changing the host or path?), so Twilio's signatures would not match.`,
      };
    }
    return {
      ok: false,
      problem: `${publicUrl} answered, but not as this Frontdesk (HTTP ${response.status}). Check that it forwards to this computer's webhook port.`,
    };
  };
}

export function createSelfTestKey(): string {
  return randomBytes(24).toString('base64url');
}
