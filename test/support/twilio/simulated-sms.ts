import { buildWireRequest, countryOf, sendWireRequest, toPhysicalUrl, twilioSid, type SigningOptions, type WireResponse } from './twilio-wire.js';

export interface SmsSide {
  accountSid: string;
  publicBase: URL;
  webhookBase: URL;
  signing: SigningOptions;
  timeoutMs: number;
}

export interface SentSms {
  messageSid: string;
  response: WireResponse & { transportError?: string };
  /** Re-sends the very same delivery (same MessageSid, a new idempotency token), as Twilio does on a retry. */
  retry(): Promise<WireResponse & { transportError?: string }>;
}

/** A Messaging webhook must answer with a TwiML <Response> (empty is fine); anything else is an error on Twilio. */
export function isTwimlResponse(body: string): boolean {
  return /^(<\?xml[^>]*\?>)?\s*<Response\s*\/?>/.test(body.trim());
}

/**
 * Twilio's Messaging webhook for an incoming text, as Twilio sends it: form-encoded, signed over
 * the number's SMS URL on the public base, with the parameters of a real inbound message.
 * (`OptOutType` is added by Twilio's Advanced Opt-Out when the body is a STOP/START/HELP keyword.)
 */
export async function deliverIncomingSms(
  side: SmsSide,
  options: { from: string; to: string; body: string; messageSid?: string; optOutType?: 'STOP' | 'START' | 'HELP'; path?: string },
): Promise<SentSms> {
  const messageSid = options.messageSid ?? twilioSid('SM');
  const params: Record<string, string> = {
    ToCountry: countryOf(options.to),
    ToState: '',
    SmsMessageSid: messageSid,
    NumMedia: '0',
    ToCity: '',
    FromZip: '',
    SmsSid: messageSid,
    FromState: '',
    SmsStatus: 'received',
    FromCity: '',
    Body: options.body,
    FromCountry: countryOf(options.from),
    To: options.to,
    ToZip: '',
    NumSegments: String(Math.max(1, Math.ceil(options.body.length / 153))),
    MessageSid: messageSid,
    AccountSid: side.accountSid,
    From: options.from,
    ApiVersion: '2010-04-01',
    ...(options.optOutType ? { OptOutType: options.optOutType } : {}),
  };
  const send = () => post(side, options.path ?? '/twilio/sms', params);
  return { messageSid, response: await send(), retry: send };
}

/** A status callback for an outgoing message, to the StatusCallback URL it was sent with. */
export async function deliverStatusCallback(
  side: SmsSide,
  options: { statusCallback: string; messageSid: string; from: string; to: string; status: string; errorCode?: string },
): Promise<WireResponse & { transportError?: string }> {
  const url = new URL(options.statusCallback);
  const params: Record<string, string> = {
    SmsSid: options.messageSid,
    SmsStatus: options.status,
    MessageStatus: options.status,
    To: options.to,
    MessageSid: options.messageSid,
    AccountSid: side.accountSid,
    From: options.from,
    ApiVersion: '2010-04-01',
    ...(options.errorCode ? { ErrorCode: options.errorCode } : {}),
  };
  return postTo(side, url, params);
}

async function post(side: SmsSide, path: string, params: Record<string, string>) {
  const base = side.publicBase.href.replace(/\/+$/, '');
  return postTo(side, new URL(base + path), params);
}

async function postTo(side: SmsSide, publicUrl: URL, params: Record<string, string>) {
  const physicalUrl = toPhysicalUrl(publicUrl, side.publicBase, side.webhookBase);
  const wire = buildWireRequest({ method: 'POST', publicUrl, physicalUrl, params, signing: side.signing });
  return sendWireRequest(wire, side.timeoutMs);
}
