import { randomBytes, randomUUID } from 'node:crypto';
import { twilioSignature } from '../twilio-signer.js';

/** A Twilio SID: two-letter type prefix + 32 lowercase hex digits (`CA…` calls, `SM…` messages). */
export function twilioSid(prefix: 'CA' | 'SM' | 'AC' | 'PN' | 'MG'): string {
  return prefix + randomBytes(16).toString('hex');
}

/** Twilio's REST resources and status callbacks carry dates in RFC 2822, always in GMT (`+0000`). */
export function rfc2822(epochMs: number): string {
  const d = new Date(epochMs);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** A fresh token per delivery; a retry of the same delivery reuses it (that is the whole point of it). */
export function idempotencyToken(): string {
  return randomUUID();
}

/**
 * Maps a URL Twilio would call (on the public URL, e.g. the tunnel) to where the request physically
 * goes in a test (the local listener). Twilio only ever sees the public URL, so anything the app puts
 * in TwiML that points elsewhere (a loopback address, another host) is a bug the caller would hear as
 * dead air; refusing it here surfaces that bug instead of quietly reaching the local port.
 */
export function toPhysicalUrl(publicTarget: URL, publicBase: URL, webhookBase: URL): URL {
  if (publicTarget.origin !== publicBase.origin) {
    throw new Error(`TwiML points Twilio at ${publicTarget.href}, which is not under the public URL ${publicBase.origin}; Twilio could not reach the app there`);
  }
  const publicPrefix = publicBase.pathname.replace(/\/+$/, '');
  if (publicPrefix && !publicTarget.pathname.startsWith(publicPrefix + '/')) {
    throw new Error(`TwiML points Twilio at ${publicTarget.href}, outside the public URL's path ${publicPrefix}`);
  }
  const rest = publicTarget.pathname.slice(publicPrefix.length);
  const physical = new URL(webhookBase.href);
  physical.pathname = webhookBase.pathname.replace(/\/+$/, '') + rest;
  physical.search = publicTarget.search;
  return physical;
}

/** One webhook delivery exactly as it went over the wire, so it can be re-sent byte for byte. */
export interface WireRequest {
  method: 'GET' | 'POST';
  /** The URL Twilio believes it called (public URL + path + query); the signature is over it. */
  signedUrl: string;
  /** Where the request physically went. */
  physicalUrl: string;
  headers: Record<string, string>;
  /** The form-encoded body (POST) or undefined (GET: params travel in the query string). */
  body: string | undefined;
  params: Record<string, string>;
}

export interface SigningOptions {
  authToken: string;
  /** Sign with this token instead (a forgery, or a rotated token): the app must refuse it. */
  signWith?: string | undefined;
  /** Send no X-Twilio-Signature header at all. */
  unsigned?: boolean | undefined;
}

/**
 * Builds a delivery the way Twilio does: POST params form-encoded in the body and signed together
 * with the URL; GET params appended to the query string, which is then part of the signed URL (and
 * no body params are signed). Every delivery gets its own I-Twilio-Idempotency-Token.
 */
export function buildWireRequest(options: {
  method: 'GET' | 'POST';
  publicUrl: URL;
  physicalUrl: URL;
  params: Record<string, string>;
  signing: SigningOptions;
}): WireRequest {
  const signedUrl = new URL(options.publicUrl.href);
  const physicalUrl = new URL(options.physicalUrl.href);
  let body: string | undefined;
  let signedParams: Record<string, string> = {};
  if (options.method === 'GET') {
    for (const [name, value] of Object.entries(options.params)) {
      signedUrl.searchParams.append(name, value);
      physicalUrl.searchParams.append(name, value);
    }
  } else {
    body = new URLSearchParams(options.params).toString();
    signedParams = options.params;
  }
  const headers: Record<string, string> = {
    'User-Agent': 'TwilioProxy/1.1',
    Accept: '*/*',
    'Cache-Control': 'max-age=259200',
    'I-Twilio-Idempotency-Token': idempotencyToken(),
  };
  if (body !== undefined) headers['Content-Type'] = 'application/x-www-form-urlencoded; charset=UTF-8';
  if (!options.signing.unsigned) {
    headers['X-Twilio-Signature'] = twilioSignature(options.signing.signWith ?? options.signing.authToken, signedUrl.href, signedParams);
  }
  return { method: options.method, signedUrl: signedUrl.href, physicalUrl: physicalUrl.href, headers, body, params: { ...options.params } };
}

export interface WireResponse {
  status: number;
  contentType: string;
  body: string;
  latencyMs: number;
}

/** Sends a delivery; a transport failure (refused, reset, timed out) becomes status 0 so callers decide. */
export async function sendWireRequest(request: WireRequest, timeoutMs: number): Promise<WireResponse & { transportError?: string }> {
  const started = performance.now();
  try {
    const res = await fetch(request.physicalUrl, {
      method: request.method,
      headers: request.headers,
      body: request.body ?? null,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await res.text();
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', body, latencyMs: performance.now() - started };
  } catch (err) {
    return { status: 0, contentType: '', body: '', latencyMs: performance.now() - started, transportError: err instanceof Error ? err.message : String(err) };
  }
}

/** Country of an E.164 number, as Twilio fills FromCountry/ToCountry; only NANP is worth knowing here. */
export function countryOf(number: string): string {
  return number.startsWith('+1') ? 'US' : '';
}

/**
 * The parameters Twilio sends on every voice request of a call. Caller/Called duplicate From/To for
 * old apps; the geographic fields are sent empty when Twilio has no data, which is the usual case.
 */
export function standardCallParams(call: { accountSid: string; callSid: string; from: string; to: string; callStatus: string; extra: Record<string, string> }): Record<string, string> {
  const fromCountry = countryOf(call.from);
  const toCountry = countryOf(call.to);
  return {
    AccountSid: call.accountSid,
    ApiVersion: '2010-04-01',
    CallSid: call.callSid,
    CallStatus: call.callStatus,
    Called: call.to,
    CalledCity: '',
    CalledCountry: toCountry,
    CalledState: '',
    CalledZip: '',
    Caller: call.from,
    CallerCity: '',
    CallerCountry: fromCountry,
    CallerState: '',
    CallerZip: '',
    Direction: 'inbound',
    From: call.from,
    FromCity: '',
    FromCountry: fromCountry,
    FromState: '',
    FromZip: '',
    To: call.to,
    ToCity: '',
    ToCountry: toCountry,
    ToState: '',
    ToZip: '',
    ...call.extra,
  };
}
