import { collectReply, type CallFlow } from '../../core/calls/index.js';
import type { Logger } from '../../core/kernel/index.js';
import type { WebhookReplayRepository } from '../../infra/db/repositories/webhook-replay-repository.js';
import type { WebhookRequest, WebhookRoute } from './public-listener.js';
import { emptyTwiml, renderReply } from './render-twiml.js';

export interface TwilioRoutesDeps {
  flow: CallFlow;
  replay: WebhookReplayRepository;
  /** The base URL Twilio calls (public URL or the local listener's), for the action URLs in TwiML. */
  baseUrl: () => string;
  now: () => number;
  logger: Logger;
}

const MALFORMED = "Sorry, something went wrong with this call. Please call us back. Goodbye.";

/** The voice webhooks: incoming call, gather results, dial outcome, status callbacks. */
export function createTwilioRoutes(deps: TwilioRoutesDeps): Map<string, WebhookRoute> {
  const urls = () => ({ gather: `${deps.baseUrl()}/twilio/gather`, staff: `${deps.baseUrl()}/twilio/staff`, dial: `${deps.baseUrl()}/twilio/dial` });
  const inFlight = new Map<string, Promise<string>>();

  /**
   * Twilio retries a webhook with the same I-Twilio-Idempotency-Token: the retry gets the answer
   * already given (from SQLite, or the one still being computed) and no effect runs twice.
   */
  const idempotent = (route: (request: WebhookRequest) => Promise<{ twiml: string; tenantId: string | null }>): WebhookRoute => {
    return async (request) => {
      const token = request.idempotencyToken;
      if (!token) return (await route(request)).twiml;
      const stored = deps.replay.find(token, request.path);
      if (stored !== null) return stored;
      const pending = inFlight.get(`${request.path}\u0000${token}`);
      if (pending) return pending;
      const work = route(request).then(({ twiml, tenantId }) => {
        deps.replay.save({ tenantId: tenantId ?? '', token, path: request.path, callSid: request.params.CallSid ?? null, twiml, at: deps.now() });
        return twiml;
      });
      const key = `${request.path}\u0000${token}`;
      inFlight.set(key, work);
      try {
        return await work;
      } finally {
        inFlight.delete(key);
      }
    };
  };

  const refuse = (path: string, params: Record<string, string>, missing: string) => {
    deps.logger.warn({ path, callSid: params.CallSid, missing }, 'malformed webhook');
    return { twiml: renderReply({ kind: 'refuse', say: MALFORMED }, urls()), tenantId: null };
  };

  return new Map<string, WebhookRoute>([
    [
      '/twilio/voice',
      idempotent(async ({ path, params }) => {
        if (!params.CallSid || !params.To) return refuse(path, params, 'CallSid or To');
        const reply = await collectReply((out) => deps.flow.incoming({ callSid: params.CallSid!, from: params.From || null, to: params.To! }, out));
        return { twiml: renderReply(reply, urls()), tenantId: reply.kind === 'turn' ? reply.tenant.id : null };
      }),
    ],
    [
      '/twilio/gather',
      idempotent(async ({ path, params }) => {
        if (!params.CallSid) return refuse(path, params, 'CallSid');
        const confidence = params.Confidence === undefined || params.Confidence === '' ? null : Number(params.Confidence);
        const gathered = {
          callSid: params.CallSid,
          speech: params.SpeechResult ?? '',
          confidence: confidence !== null && Number.isFinite(confidence) ? confidence : null,
          digits: params.Digits ?? '',
        };
        const reply = await collectReply((out) => deps.flow.gather(gathered, out));
        return { twiml: renderReply(reply, urls()), tenantId: reply.kind === 'turn' ? reply.tenant.id : null };
      }),
    ],
    [
      '/twilio/dial',
      idempotent(async ({ path, params }) => {
        if (!params.CallSid) return refuse(path, params, 'CallSid');
        const reply = await collectReply((out) => deps.flow.dialEnded({ callSid: params.CallSid!, dialStatus: params.DialCallStatus ?? '' }, out));
        return { twiml: renderReply(reply, urls()), tenantId: reply.kind === 'turn' ? reply.tenant.id : null };
      }),
    ],
    [
      '/twilio/staff',
      idempotent(async ({ path, params }) => {
        if (!params.CallSid) return refuse(path, params, 'CallSid');
        const confidence = params.Confidence === undefined || params.Confidence === '' ? null : Number(params.Confidence);
        const reply = await collectReply((out) => deps.flow.staffTurn({ callSid: params.CallSid!, speech: params.SpeechResult ?? '', confidence: Number.isFinite(confidence) ? confidence : null }, out));
        return { twiml: renderReply(reply, urls()), tenantId: reply.kind === 'turn' ? reply.tenant.id : null };
      }),
    ],
    [
      '/twilio/resume',
      idempotent(async ({ path, params }) => {
        if (!params.CallSid) return refuse(path, params, 'CallSid');
        const reply = await collectReply((out) => deps.flow.resume(params.CallSid!, out));
        return { twiml: renderReply(reply, urls()), tenantId: reply.kind === 'turn' ? reply.tenant.id : null };
      }),
    ],
    [
      '/twilio/status',
      async ({ params }) => {
        if (params.CallSid && params.CallStatus) {
          const sequence = params.SequenceNumber === undefined ? null : Number(params.SequenceNumber);
          deps.flow.status({ callSid: params.CallSid, status: params.CallStatus, sequence: Number.isFinite(sequence) ? sequence : null });
        }
        return emptyTwiml();
      },
    ],
  ]);
}
