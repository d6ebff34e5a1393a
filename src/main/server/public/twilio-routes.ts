import { collectReply, type CallFlow } from '../../core/calls/index.js';
import type { Logger } from '../../core/kernel/index.js';
import type { ReplayKey, WebhookReplayRepository } from '../../infra/db/repositories/webhook-replay-repository.js';
import type { TenantConfig } from '../../../shared/contract/index.js';
import type { LiveStreams, StreamExit } from './live-streams.js';
import { STREAM_LANGUAGES } from './stream-voices.js';
import type { WebhookRequest, WebhookRoute } from './public-listener.js';
import { emptyTwiml, renderReply, renderStreamConnect, renderStreamExit } from './render-twiml.js';

/** The texting side: incoming texts and delivery reports of ours. */
export interface SmsWebhooks {
  receive(text: { messageSid: string; from: string; to: string; body: string; optOutType?: string | undefined }): Promise<unknown>;
  /** `from` is our number (it picks the practice), `status` Twilio's MessageStatus. */
  delivery(report: { from: string; messageSid: string; status: string }): void;
}

export interface TwilioRoutesDeps {
  flow: CallFlow;
  sms: SmsWebhooks;
  replay: WebhookReplayRepository;
  /** The practice a webhook belongs to: its call's, or (first webhook of a call) the dialled number's. */
  practiceOf: (call: { callSid: string; to: string }) => string | null;
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
   * already given (from SQLite, or the one still being computed) and no effect runs twice. The
   * answer is keyed by practice and call as well as token and route, so a token seen again on
   * another call (or another practice's) never replays this call's TwiML.
   */
  const idempotent = (route: (request: WebhookRequest) => Promise<{ twiml: string; tenantId: string | null }>): WebhookRoute => {
    return async (request) => {
      const token = request.idempotencyToken;
      if (!token) return (await route(request)).twiml;
      const callSid = request.params.CallSid ?? '';
      const key: ReplayKey = { tenantId: deps.practiceOf({ callSid, to: request.params.To ?? '' }) ?? '', callSid, token, path: request.path };
      const stored = deps.replay.find(key);
      if (stored !== null) return stored;
      const memoryKey = [key.tenantId, key.callSid, key.token, key.path].join('\u0000');
      const pending = inFlight.get(memoryKey);
      if (pending) return pending;
      const work = route(request).then(({ twiml }) => {
        deps.replay.save({ ...key, twiml, at: deps.now() });
        return twiml;
      });
      inFlight.set(memoryKey, work);
      try {
        return await work;
      } finally {
        inFlight.delete(memoryKey);
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
        const greetsIn = 'refused' in opened ? 'en' : (opened.tenant.languages[0] ?? 'en');
        if (!('refused' in opened) && STREAM_LANGUAGES.includes(greetsIn) && deps.streamsFor?.(opened.tenant)) {
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
        const exit: StreamExit = deps.streams?.takeExit(params.CallSid) ?? { next: 'gather', reason: 'speech-failed' };
        if (exit.next !== 'gather') {
          const call = deps.flow.find(params.CallSid);
          return { twiml: renderStreamExit(exit, urls()), tenantId: call?.tenantId ?? null };
        }
        const reply = await collectReply((out) => deps.flow.continueAfterStream(params.CallSid!, out, exit.reason));
        return { twiml: renderReply(reply, urls()), tenantId: reply.kind === 'turn' ? reply.tenant.id : null };
      }),
    ],
    [
      '/twilio/stream-status',
      async ({ params }) => {
        const fields = { callSid: params.CallSid, streamSid: params.StreamSid, event: params.StreamEvent, error: params.StreamError };
        if (!params.CallSid || !params.StreamEvent) {
          deps.logger.warn({ path: '/twilio/stream-status', callSid: params.CallSid, missing: 'CallSid or StreamEvent' }, 'malformed webhook');
          return emptyTwiml();
        }
        const kept = deps.flow.streamStatus(params.CallSid, { event: params.StreamEvent, streamSid: params.StreamSid ?? null, error: params.StreamError ?? null });
        if (!kept) deps.logger.warn(fields, 'media stream status for a call not on record');
        else if (params.StreamEvent === 'stream-error') deps.logger.warn(fields, 'media stream error reported by Twilio');
        else deps.logger.info(fields, 'media stream status');
        return emptyTwiml();
      },
    ],
    [
      // Twilio wants a TwiML answer to an incoming text; replies go through the outbox instead
      // (durable, retried, delivery-tracked), so the answer is always an empty <Response/>.
      // A retried delivery carries the same MessageSid, which the store keeps only once.
      '/twilio/sms',
      async ({ params }) => {
        if (!params.MessageSid || !params.From || !params.To) {
          deps.logger.warn({ path: '/twilio/sms', messageSid: params.MessageSid, missing: 'MessageSid, From or To' }, 'malformed webhook');
          return emptyTwiml();
        }
        await deps.sms.receive({ messageSid: params.MessageSid, from: params.From, to: params.To, body: params.Body ?? '', optOutType: params.OptOutType || undefined });
        return emptyTwiml();
      },
    ],
    [
      '/twilio/sms-status',
      async ({ params }) => {
        const status = params.MessageStatus ?? params.SmsStatus;
        if (params.MessageSid && params.From && status) deps.sms.delivery({ from: params.From, messageSid: params.MessageSid, status });
        else deps.logger.warn({ path: '/twilio/sms-status', messageSid: params.MessageSid }, 'malformed webhook');
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
