import type { TenantService } from '../../core/tenants/index.js';
import { VoiceResponse } from '../../infra/twilio/twiml.js';
import type { WebhookRoute } from './public-listener.js';

/**
 * Incoming calls: the `To` number picks the practice. Until a brain answers, the appliance greets
 * and puts the caller through to the front desk, so no call to a configured number is lost.
 */
export function createVoiceRoute(tenants: TenantService): WebhookRoute {
  return async ({ params }) => {
    const response = new VoiceResponse();
    const tenant = params.To ? tenants.findByPhoneNumber(params.To) : null;
    if (!tenant) {
      response.say("Sorry, this number isn't set up with our answering service. Please check the number and call again. Goodbye.");
      response.hangup();
      return response.toString();
    }
    response.say(tenant.config.greeting);
    if (tenant.config.transferNumber) {
      response.say('Please hold while I connect you with the front desk.');
      response.dial({ timeout: 25 }, tenant.config.transferNumber);
    } else {
      response.say('Nobody is available to take your call right now. Please call back during business hours. Goodbye.');
    }
    response.hangup();
    return response.toString();
  };
}
