import { ContractError } from '../../../shared/contract/index.js';
import type { NumberWebhooks, PhoneNumberRecord, PhoneNumbersGateway } from '../../core/reachability/index.js';
import type { TwilioRestClient } from './twilio-rest-client.js';

type NumberInstance = Awaited<ReturnType<ReturnType<TwilioRestClient['incomingPhoneNumbers']>['fetch']>>;

/** The account's numbers through Twilio's IncomingPhoneNumbers API, with failures in the owner's words. */
export function createTwilioPhoneNumbers(client: TwilioRestClient): PhoneNumbersGateway {
  return {
    list: () => explain(async () => (await client.incomingPhoneNumbers.list({ limit: 1000 })).map(toRecord)),
    async findByNumber(e164) {
      const found = await explain(() => client.incomingPhoneNumbers.list({ phoneNumber: e164, limit: 20 }));
      const exact = found.find((n) => n.phoneNumber === e164);
      return exact ? toRecord(exact) : null;
    },
    fetch: (sid) => explain(async () => toRecord(await client.incomingPhoneNumbers(sid).fetch())),
    update: (sid, webhooks: NumberWebhooks) =>
      explain(async () =>
        toRecord(
          await client.incomingPhoneNumbers(sid).update({
            voiceUrl: webhooks.voiceUrl,
            voiceMethod: webhooks.voiceMethod || 'POST',
            statusCallback: webhooks.statusCallback,
            statusCallbackMethod: webhooks.statusCallbackMethod || 'POST',
            smsUrl: webhooks.smsUrl,
            smsMethod: webhooks.smsMethod || 'POST',
          }),
        ),
      ),
  };
}

function toRecord(n: NumberInstance): PhoneNumberRecord {
  return {
    sid: n.sid,
    phoneNumber: n.phoneNumber,
    friendlyName: n.friendlyName ?? n.phoneNumber,
    voiceUrl: n.voiceUrl ?? '',
    voiceMethod: n.voiceMethod ?? 'POST',
    statusCallback: n.statusCallback ?? '',
    statusCallbackMethod: n.statusCallbackMethod ?? 'POST',
    smsUrl: n.smsUrl ?? '',
    smsMethod: n.smsMethod ?? 'POST',
    voiceApplicationSid: n.voiceApplicationSid || null,
    smsApplicationSid: n.smsApplicationSid || null,
    trunkSid: n.trunkSid || null,
  };
}

async function explain<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw inOwnersWords(error);
  }
}

/** Twilio's REST errors (status + code) and network failures, as a sentence the owner can act on. */
export function inOwnersWords(error: unknown): ContractError {
  if (error instanceof ContractError) return error;
  const { status, code, message } = error as { status?: number; code?: number | string; message?: string };
  if (status === 401 || code === 20003) {
    return new ContractError('unauthorized', 'Twilio refused that account SID and auth token. Copy both again from the Twilio console (Account Info).');
  }
  if (status === 404 || code === 20404) return new ContractError('not_found', 'Twilio does not know that number on this account.');
  if (status === 429) return new ContractError('unavailable', 'Twilio is busy (too many requests); try again in a minute.');
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ContractError('invalid_input', `Twilio refused the change: ${message ?? `error ${String(code)}`}`);
  }
  if (typeof status === 'number') return new ContractError('unavailable', `Twilio had a problem (HTTP ${status}); try again in a minute.`);
  const cause = typeof code === 'string' ? code : (message ?? String(error));
  return new ContractError('unavailable', `Could not reach Twilio (${cause}). Check this computer's internet connection.`);
}
