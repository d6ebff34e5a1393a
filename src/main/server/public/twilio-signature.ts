import twilio from 'twilio';

/**
 * Twilio signs each webhook with HMAC-SHA1 over the exact URL it called (our public URL + path +
 * query) followed by the POST parameters sorted by name. We check it with the SDK's own
 * implementation so our check and Twilio's signer cannot disagree.
 */
export function isValidTwilioSignature(input: {
  authToken: string;
  signature: string | undefined;
  url: string;
  params: Record<string, string>;
}): boolean {
  if (!input.signature) return false;
  return twilio.validateRequest(input.authToken, input.signature, input.url, input.params);
}
