import { ContractError } from '../../../shared/contract/index.js';
import type { CallControl } from '../../core/calls/index.js';
import { Twiml } from './twiml.js';
import type { TwilioRestClient } from './twilio-rest-client.js';

/** Live-call steering through Twilio's Calls API: each change redirects the call to a TwiML route of ours. */
export function createTwilioCallControl(options: { client: () => TwilioRestClient | null; baseUrl: () => string }): CallControl {
  const calls = (callSid: string) => {
    const rest = options.client();
    if (!rest) throw new ContractError('unavailable', 'Twilio is not configured on this appliance, so live calls cannot be steered.');
    return rest.calls(callSid);
  };
  const redirect = async (callSid: string, path: string) => {
    try {
      await calls(callSid).update({ url: `${options.baseUrl()}${path}`, method: 'POST' });
    } catch (error) {
      throw asUnavailable(error);
    }
  };
  return {
    enterStaffMode: (callSid) => redirect(callSid, '/twilio/staff'),
    deliverStaffLines: (callSid) => redirect(callSid, '/twilio/staff'),
    resumeReceptionist: (callSid) => redirect(callSid, '/twilio/resume'),
    async transfer(callSid, number, sayFirst) {
      const twiml = new Twiml().say(sayFirst).dial({ action: `${options.baseUrl()}/twilio/dial`, method: 'POST', timeout: 25 }, number);
      try {
        await calls(callSid).update({ twiml: twiml.toString() });
      } catch (error) {
        throw asUnavailable(error);
      }
    },
  };
}

function asUnavailable(error: unknown): Error {
  if (error instanceof ContractError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new ContractError('unavailable', `Twilio did not accept the change to this call: ${detail}`);
}
