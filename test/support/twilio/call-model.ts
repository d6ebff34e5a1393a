import type { SimulatedCall } from './simulated-call.js';
import type { SigningOptions } from './twilio-wire.js';
import type { HttpMethod } from './twiml-document.js';

/** `in-progress` only shows while a webhook is in flight; between steps a call is listening, dialing or ended. */
export type CallState = 'in-progress' | 'listening' | 'dialing' | 'streaming' | 'ended';

export type WebhookKind = 'voice' | 'gather' | 'redirect' | 'dial-action' | 'rest-url' | 'status' | 'retry';

/** One request Twilio made and what the app answered. */
export interface WebhookExchange {
  kind: WebhookKind;
  method: HttpMethod;
  /** The URL Twilio believes it called (public URL + path + query). */
  signedUrl: string;
  physicalUrl: string;
  params: Record<string, string>;
  headers: Record<string, string>;
  idempotencyToken: string;
  status: number;
  contentType: string;
  body: string;
  latencyMs: number;
  transportError?: string;
}

/** What Twilio logs in its debugger when it cannot run the app's answer. */
export interface ApplicationErrorInfo {
  /** 11200 HTTP retrieval failure, 11205 connection failure, 12100 parse failure, 12102 bad root, 12200 schema, 12300 content type. */
  code: number;
  message: string;
  url: string;
  httpStatus: number;
  body: string;
}

/** The caller heard Twilio's apology and the call was dropped; tests see why. */
export class TwilioApplicationError extends Error {
  constructor(
    readonly info: ApplicationErrorInfo,
    readonly call: SimulatedCall,
  ) {
    super(`Twilio application error ${info.code} on ${info.url}: ${info.message}`);
    this.name = 'TwilioApplicationError';
  }
}

/** Twilio's own words when it gives up on an application. */
export const APPLICATION_ERROR_APOLOGY = 'We are sorry, an application error has occurred. Goodbye.';

export type DialCallStatus = 'completed' | 'answered' | 'busy' | 'no-answer' | 'failed' | 'canceled';

export interface CallContext {
  accountSid: string;
  publicBase: URL;
  webhookBase: URL;
  statusCallbackUrl: URL | null;
  signing: SigningOptions;
  now: () => number;
  timeoutMs: number;
  extraParams: Record<string, string>;
}
