import { collectReply, type CallFlow } from '../../core/calls/index.js';
import type { Logger } from '../../core/kernel/index.js';
import type { WebhookReplayRepository } from '../../infra/db/repositories/webhook-replay-repository.js';
import type { TenantConfig } from '../../../shared/contract/index.js';
import type { LiveStreams } from './live-streams.js';
import type { WebhookRequest, WebhookRoute } from './public-listener.js';
import { emptyTwiml, renderReply, renderStreamConnect, renderStreamExit } from './render-twiml.js';

export interface TwilioRoutesDeps {
  flow: CallFlow;
  replay: WebhookReplayRepository;
  /** The base URL Twilio calls (public URL or the local listener's), for the action URLs in TwiML. */
  baseUrl: () => string;
  now: () => number;
  logger: Logger;
  /** Whether this practice's calls go on a media stream now (stream mode, Deepgram configured and answering). */
  streamsFor?: (tenant: TenantConfig) => boolean;
  streams?: LiveStreams;
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
        const incoming = { callSid: params.CallSid, from: params.From || null, to: params.To };
        const opened = deps.flow.open(incoming);
        if (!('refused' in opened) && deps.streamsFor?.(opened.tenant)) {
          const base = deps.baseUrl();
          const twiml = renderStreamConnect({
            streamUrl: `${base.replace(/^http/, 'ws')}/twilio/stream`,
            statusUrl: `${base}/twilio/stream-status`,
            continueUrl: `${base}/twilio/continue`,
            callSid: opened.call.callSid,
            tenantId: opened.tenant.id,
          });
          return { twiml, tenantId: opened.tenant.id };
        }
        const reply = await collectReply(async (out) => ('refused' in opened ? out.refuse(opened.refused) : deps.flow.respond(incoming.callSid, { kind: 'start' }, out)));
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
      '/twilio/continue',
      idempotent(async ({ path, params }) => {
        if (!params.CallSid) return refuse(path, params, 'CallSid');
        const exit = deps.streams?.takeExit(params.CallSid) ?? { next: 'gather' as const };
        if (exit.next !== 'gather') {
          const call = deps.flow.find(params.CallSid);
          return { twiml: renderStreamExit(exit, urls()), tenantId: call?.tenantId ?? null };
        }
        const reply = await collectReply((out) => deps.flow.continueAfterStream(params.CallSid!, out));
        return { twiml: renderReply(reply, urls()), tenantId: reply.kind === 'turn' ? reply.tenant.id : null };
      }),
    ],
    [
      '/twilio/stream-status',
      async ({ params }) => {
        const fields = { callSid: params.CallSid, streamSid: params.StreamSid, event: params.StreamEvent, error: params.StreamError };
        if (params.StreamEvent === 'stream-error') deps.logger.warn(fields, 'media stream error reported by Twilio');
        else deps.logger.info(fields, 'media stream status');
        return emptyTwiml();
      },
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
