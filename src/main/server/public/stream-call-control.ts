import type { CallControl } from '../../core/calls/index.js';
import type { LiveStreams } from './live-streams.js';

/**
 * Desk steering that works in both voice modes: a call on a media stream is steered through its
 * session (typed lines spoken in the practice's voice), any other call through Twilio's REST API.
 */
export function createStreamAwareCallControl(rest: CallControl, streams: LiveStreams): CallControl {
  return {
    async enterStaffMode(callSid) {
      const live = streams.get(callSid);
      if (!live) return rest.enterStaffMode(callSid);
      live.session.takenOver();
      await live.session.staffSpeaks();
    },
    async deliverStaffLines(callSid) {
      const live = streams.get(callSid);
      if (!live) return rest.deliverStaffLines(callSid);
      await live.session.staffSpeaks();
    },
    async resumeReceptionist(callSid) {
      const live = streams.get(callSid);
      if (!live) return rest.resumeReceptionist(callSid);
      await live.session.handedBack();
    },
    async transfer(callSid, number, sayFirst) {
      const live = streams.get(callSid);
      if (!live) return rest.transfer(callSid, number, sayFirst);
      await live.transfer(number, sayFirst);
    },
  };
}
