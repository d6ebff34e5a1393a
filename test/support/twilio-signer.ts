import { createHmac } from 'node:crypto';

/**
 * Signs a webhook exactly as Twilio documents it, written independently of the twilio SDK so the
 * appliance's check is tested against the protocol rather than against itself:
 * base64(HMAC-SHA1(authToken, url + concat(sorted(name + value for each POST param)))).
 */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
}

/** POSTs a signed form the way Twilio does (URL-encoded body, signature and idempotency headers). */
export async function postSignedWebhook(options: {
  /** Where the request physically goes (the local listener). */
  targetUrl: string;
  /** The URL Twilio believes it called (the public URL + path + query); it is what gets signed. */
  signedUrl: string;
  authToken: string;
  params: Record<string, string>;
  idempotencyToken?: string;
  signature?: string;
}): Promise<Response> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded',
    'X-Twilio-Signature': options.signature ?? twilioSignature(options.authToken, options.signedUrl, options.params),
    'User-Agent': 'TwilioProxy/1.1',
  };
  if (options.idempotencyToken) headers['I-Twilio-Idempotency-Token'] = options.idempotencyToken;
  return fetch(options.targetUrl, { method: 'POST', headers, body: new URLSearchParams(options.params).toString() });
}
