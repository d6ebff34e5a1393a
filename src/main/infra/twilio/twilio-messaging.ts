import { MessagingError, type MessagingPort } from '../../core/notifications/index.js';
import { isRetryableTwilioError, type TwilioRestClient } from './twilio-rest-client.js';

/** Texts through Twilio's Messages API, from the practice's own number. */
export function createTwilioMessaging(client: () => TwilioRestClient | null): MessagingPort {
  return {
    async sendSms({ to, from, body, idempotencyKey, statusCallback }) {
      const rest = client();
      if (!rest) throw new MessagingError('Twilio is not configured (set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN).', true);
      if (!from) throw new MessagingError('The practice has no phone number to send texts from.', false);
      try {
        const message = await rest.messages.create({ to, from, body, ...(statusCallback ? { statusCallback } : {}) }, undefined);
        return { providerId: message.sid, status: message.status };
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw new MessagingError(`Twilio refused the text (${detail}) [${idempotencyKey}]`, isRetryableTwilioError(error));
      }
    },
  };
}
