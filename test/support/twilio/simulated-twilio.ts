import { TwilioApplicationError, type CallContext } from './call-model.js';
import { SimulatedCall } from './simulated-call.js';
import { deliverIncomingSms, deliverStatusCallback, type SentSms, type SmsSide } from './simulated-sms.js';
import type { HttpMethod } from './twiml-document.js';

export { SimulatedCall } from './simulated-call.js';
export { TwilioApplicationError, APPLICATION_ERROR_APOLOGY } from './call-model.js';
export type { ApplicationErrorInfo, CallState, DialCallStatus, WebhookExchange, WebhookKind } from './call-model.js';
export type { DialVerb, GatherVerb, TwimlVerb } from './twiml-document.js';

export interface SimulatedTwilioOptions {
  /** Where requests physically go, e.g. the public listener at http://127.0.0.1:PORT. */
  webhookBase: string;
  /** What Twilio believes it calls (the tunnel URL configured on the number); signatures are over it. */
  publicUrl: string;
  authToken: string;
  accountSid: string;
  /** The number's voice URL path (default /twilio/voice), requested with voiceMethod (default POST). */
  voicePath?: string;
  voiceMethod?: HttpMethod;
  /** The number's status callback path (default /twilio/status); null for a number without one. */
  statusCallbackPath?: string | null;
  /** Sign every request with this token instead of authToken (a forger, or a rotated token). */
  signWith?: string;
  /** Send no X-Twilio-Signature at all. */
  unsigned?: boolean;
  /** The clock for CallDuration and Timestamp; pass the test's fake clock so durations are deterministic. */
  now?: () => number;
  /** Twilio gives up on a webhook after 15 s (its default connection timeout); the simulator does too. */
  webhookTimeoutMs?: number;
}

export interface PlaceCallOptions {
  from: string;
  to: string;
  callSid?: string;
  /** Present only when the number has caller-name lookup enabled. */
  callerName?: string;
  forwardedFrom?: string;
  /** Any further params to send on every request of this call. */
  params?: Record<string, string>;
  signWith?: string;
  unsigned?: boolean;
}

/**
 * Twilio's side of inbound calls to one phone number, driving a real HTTP app: every request is
 * form-encoded, carries Twilio's standard parameters, an X-Twilio-Signature over the public URL, and a
 * fresh I-Twilio-Idempotency-Token; every answer must be TwiML or the call fails as it would on Twilio.
 *
 * ```ts
 * const twilio = new SimulatedTwilio({ webhookBase, publicUrl, authToken, accountSid });
 * const call = await twilio.placeCall({ from: '+15555550199', to: '+15555550123' });
 * call.heard();                      // ['Thanks for calling …']
 * await call.say('a cleaning next Tuesday', { confidence: 0.92 });
 * ```
 */
export class SimulatedTwilio {
  readonly calls: SimulatedCall[] = [];
  private readonly publicBase: URL;
  private readonly webhookBase: URL;

  constructor(private readonly options: SimulatedTwilioOptions) {
    this.publicBase = new URL(options.publicUrl);
    this.webhookBase = new URL(options.webhookBase);
  }

  /**
   * Rings the app: requests the voice URL (CallStatus=ringing) and plays the answer up to the first
   * point where the caller must act. If the app's answer is not runnable TwiML the call fails with a
   * TwilioApplicationError whose `.call` holds the details.
   */
  async placeCall(options: PlaceCallOptions): Promise<SimulatedCall> {
    const extraParams: Record<string, string> = { ...options.params };
    if (options.callerName !== undefined) extraParams['CallerName'] = options.callerName;
    if (options.forwardedFrom !== undefined) extraParams['ForwardedFrom'] = options.forwardedFrom;
    const statusPath = this.options.statusCallbackPath === undefined ? '/twilio/status' : this.options.statusCallbackPath;
    const ctx: CallContext = {
      accountSid: this.options.accountSid,
      publicBase: this.publicBase,
      webhookBase: this.webhookBase,
      statusCallbackUrl: statusPath === null ? null : this.publicUrlFor(statusPath),
      signing: {
        authToken: this.options.authToken,
        signWith: options.signWith ?? this.options.signWith,
        unsigned: options.unsigned ?? this.options.unsigned,
      },
      now: this.options.now ?? Date.now,
      timeoutMs: this.options.webhookTimeoutMs ?? 15_000,
      extraParams,
    };
    const call = new SimulatedCall(ctx, options.from, options.to, this.publicUrlFor(this.options.voicePath ?? '/twilio/voice'), options.callSid);
    this.calls.push(call);
    await call.start(this.options.voiceMethod ?? 'POST');
    return call;
  }

  /**
   * A patient texts the practice's number: Twilio posts the signed Messaging webhook to
   * `/twilio/sms` on the public URL. `retry()` on the result re-delivers it with the same MessageSid.
   */
  async sendSms(options: { from: string; to: string; body: string; messageSid?: string; optOutType?: 'STOP' | 'START' | 'HELP'; signWith?: string; unsigned?: boolean }): Promise<SentSms> {
    return deliverIncomingSms(this.smsSide(options), options);
  }

  /** Twilio reports what became of a message we sent, to the StatusCallback it was sent with. */
  async reportMessageStatus(options: { statusCallback: string; messageSid: string; from: string; to: string; status: string; errorCode?: string }) {
    return deliverStatusCallback(this.smsSide({}), options);
  }

  private smsSide(options: { signWith?: string | undefined; unsigned?: boolean | undefined }): SmsSide {
    return {
      accountSid: this.options.accountSid,
      publicBase: this.publicBase,
      webhookBase: this.webhookBase,
      signing: { authToken: this.options.authToken, signWith: options.signWith ?? this.options.signWith, unsigned: options.unsigned ?? this.options.unsigned },
      timeoutMs: this.options.webhookTimeoutMs ?? 15_000,
    };
  }

  /** The live or finished call with this CallSid (the REST fake uses it to apply call updates). */
  findCall(callSid: string): SimulatedCall | undefined {
    return this.calls.find((call) => call.sid === callSid);
  }

  /** Places a call expecting it to fail; returns the failed call instead of throwing. */
  async placeFailingCall(options: PlaceCallOptions): Promise<SimulatedCall> {
    try {
      const call = await this.placeCall(options);
      throw new Error(`Expected the call to fail, but it is ${call.state} (heard: ${call.transcript.join(' | ')})`);
    } catch (err) {
      if (err instanceof TwilioApplicationError) return err.call;
      throw err;
    }
  }

  private publicUrlFor(path: string): URL {
    const base = this.publicBase.href.replace(/\/+$/, '');
    return new URL(base + (path.startsWith('/') ? path : `/${path}`));
  }
}
