import { describe, expect, it } from 'vitest';
import { isValidTwilioSignature } from '../../../src/main/server/public/twilio-signature.js';
import { twilioSignature } from '../../support/twilio-signer.js';

const authToken = '12345';
const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const params = { CallSid: 'CA1234567890ABCDE', Caller: '+14158675310', Digits: '1234', From: '+14158675310', To: '+18005551212' };

describe('Twilio signature check', () => {
  it('matches the example in Twilio\'s security documentation', () => {
    // Twilio's documented example: this token, URL and parameters sign to this value.
    expect(twilioSignature(authToken, url, params)).toBe('GvWf1cFY/Q7PnoempGyD5oXAezc=');
    expect(isValidTwilioSignature({ authToken, signature: 'GvWf1cFY/Q7PnoempGyD5oXAezc=', url, params })).toBe(true);
  });

  it('refuses a signature over another URL, other params, another token, or none', () => {
    const signature = twilioSignature(authToken, url, params);
    expect(isValidTwilioSignature({ authToken, signature, url: 'https://mycompany.com/other', params })).toBe(false);
    expect(isValidTwilioSignature({ authToken, signature, url, params: { ...params, To: '+18005550000' } })).toBe(false);
    expect(isValidTwilioSignature({ authToken: 'other', signature, url, params })).toBe(false);
    expect(isValidTwilioSignature({ authToken, signature: undefined, url, params })).toBe(false);
  });
});
