import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';

/** Twilio's REST API answers in well under a second; past this, the call is treated as failed and retried. */
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * The SDK always builds URLs on api.twilio.com; its edge/region options only rename that host.
 * Swapping the HTTP client's origin lets TWILIO_API_BASE point the same code path at another
 * server (the fake Twilio in tests) without touching any call site.
 */
class BaseUrlRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: string | null) {
    super({ timeout: REQUEST_TIMEOUT_MS });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    if (!this.baseUrl) return super.request<TData>(opts);
    const original = new URL(opts.uri);
    return super.request<TData>({ ...opts, uri: new URL(original.pathname + original.search, this.baseUrl).href });
  }
}

export interface TwilioCredentials {
  accountSid: string | null;
  authToken: string | null;
  apiBase: string | null;
}

export type TwilioRestClient = twilio.Twilio;

/** Null when the appliance has no Twilio account configured (the demo): REST features then say so. */
export function createTwilioRestClient(credentials: TwilioCredentials): TwilioRestClient | null {
  if (!credentials.accountSid || !credentials.authToken) return null;
  return twilio(credentials.accountSid, credentials.authToken, { httpClient: new BaseUrlRequestClient(credentials.apiBase) });
}

/** Twilio's REST errors carry an HTTP status; 4xx other than 429 will fail the same way again. */
export function isRetryableTwilioError(error: unknown): boolean {
  const status = (error as { status?: number }).status;
  return status === undefined || status >= 500 || status === 429;
}
