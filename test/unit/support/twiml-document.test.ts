import { describe, expect, it } from 'vitest';
import { parseTwiml, TwimlError } from '../../support/twilio/twiml-document.js';
import { toPhysicalUrl } from '../../support/twilio/twilio-wire.js';

function codeOf(xml: string): number | undefined {
  try {
    parseTwiml(xml);
    return undefined;
  } catch (err) {
    if (err instanceof TwimlError) return err.code;
    throw err;
  }
}

describe('parseTwiml (the simulator reading TwiML the way Twilio does)', () => {
  it('keeps verbs in document order with their attributes as written', () => {
    const verbs = parseTwiml(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="Polly.Joanna">Hi &amp; welcome</Say><Pause length="2"/><Gather input="speech dtmf" action="/twilio/gather?turn=1&amp;x=y" hints="cleaning, crown, root canal" actionOnEmptyResult="true" speechTimeout="auto" timeout="4" language="en-GB"><Say>How can I help?</Say></Gather><Redirect method="GET">/twilio/next</Redirect></Response>',
    );
    expect(verbs.map((v) => v.verb)).toEqual(['Say', 'Pause', 'Gather', 'Redirect']);
    expect(verbs[0]).toMatchObject({ text: 'Hi & welcome', attributes: { voice: 'Polly.Joanna' } });
    expect(verbs[1]).toEqual({ verb: 'Pause', length: 2 });
    const gather = verbs[2];
    if (gather?.verb !== 'Gather') throw new Error('expected a Gather');
    expect(gather.action).toBe('/twilio/gather?turn=1&x=y');
    expect([...gather.input].sort()).toEqual(['dtmf', 'speech']);
    expect(gather).toMatchObject({ method: 'POST', timeout: 4, speechTimeout: 'auto', language: 'en-GB', actionOnEmptyResult: true, hints: ['cleaning', 'crown', 'root canal'] });
    expect(gather.children).toEqual([{ verb: 'Say', text: 'How can I help?', attributes: {} }]);
    expect(verbs[3]).toEqual({ verb: 'Redirect', url: '/twilio/next', method: 'GET' });
  });

  it("applies Twilio's documented Gather defaults (dtmf, POST, 5 s, finishOnKey #, en-US, no action on empty result)", () => {
    const [gather] = parseTwiml('<Response><Gather/></Response>');
    expect(gather).toMatchObject({ verb: 'Gather', action: undefined, method: 'POST', timeout: 5, finishOnKey: '#', language: 'en-US', actionOnEmptyResult: false, hints: [] });
    if (gather?.verb === 'Gather') expect([...gather.input]).toEqual(['dtmf']);
  });

  it('reads Dial targets from bare text and from nouns', () => {
    const [bare] = parseTwiml('<Response><Dial action="/twilio/dial-done" timeout="20">+15555550100</Dial></Response>');
    expect(bare).toMatchObject({ verb: 'Dial', action: '/twilio/dial-done', targets: [{ kind: 'number', value: '+15555550100' }] });
    const [nouns] = parseTwiml('<Response><Dial><Number sendDigits="1">+15555550100</Number><Client>front-desk</Client></Dial></Response>');
    expect(nouns).toMatchObject({ action: undefined, targets: [{ kind: 'number', value: '+15555550100', attributes: { sendDigits: '1' } }, { kind: 'client', value: 'front-desk' }] });
  });

  it('flattens SSML inside Say to the words a caller hears', () => {
    const [say] = parseTwiml('<Response>\n  <Say>Your visit is <emphasis>Tuesday</emphasis><break time="300ms"/> at <say-as interpret-as="time">10:00</say-as>.</Say></Response>');
    expect(say).toMatchObject({ text: 'Your visit is Tuesday at 10:00.' });
  });

  it('decodes named and numeric character references', () => {
    expect(parseTwiml('<Response><Say>We didn&#39;t hear you &amp; &#x2014; &quot;sorry&quot;</Say></Response>')[0]).toMatchObject({ text: 'We didn\'t hear you & — "sorry"' });
  });

  it('fails like Twilio: 12100 malformed XML, 12102 wrong root, 12200 unknown or misplaced verbs', () => {
    expect(codeOf('<Response><Say>unclosed</Response>')).toBe(12100);
    expect(codeOf('not xml at all <')).toBe(12100);
    expect(codeOf('<Reply><Say>hi</Say></Reply>')).toBe(12102);
    expect(codeOf('<Response><say>lower case</say></Response>')).toBe(12200);
    expect(codeOf('<Response><Gather><Dial>+15555550100</Dial></Gather></Response>')).toBe(12200);
    expect(codeOf('<Response><Gather input="voice"/></Response>')).toBe(12200);
    expect(codeOf('<Response><Redirect method="PUT">/x</Redirect></Response>')).toBe(12200);
    expect(codeOf('<Response></Response>')).toBeUndefined();
  });

  it('says so plainly when the app uses a real verb the simulator does not play', () => {
    expect(() => parseTwiml('<Response><Record maxLength="20"/></Response>')).toThrow(/does not simulate <Record>/);
  });

  it('reads <Connect><Stream> with its <Parameter>s, and refuses a query string on the stream URL', () => {
    const [connect] = parseTwiml(
      '<Response><Connect><Stream url="wss://x.example/twilio/stream" statusCallback="https://x.example/s"><Parameter name="callSid" value="CA1"/></Stream></Connect></Response>',
    );
    expect(connect).toMatchObject({ verb: 'Connect', url: 'wss://x.example/twilio/stream', parameters: { callSid: 'CA1' }, statusCallback: 'https://x.example/s', statusCallbackMethod: 'POST' });
    expect(() => parseTwiml('<Response><Connect><Stream url="wss://x.example/s?call=1"/></Connect></Response>')).toThrow(/query string/);
  });
});

describe('toPhysicalUrl (public URL → local listener)', () => {
  const publicBase = new URL('https://frontdesk.example.com');
  const local = new URL('http://127.0.0.1:4000');

  it('keeps the path and query and swaps the origin', () => {
    expect(toPhysicalUrl(new URL('https://frontdesk.example.com/twilio/gather?turn=2'), publicBase, local).href).toBe('http://127.0.0.1:4000/twilio/gather?turn=2');
  });

  it('strips a public path prefix the tunnel adds', () => {
    const prefixed = new URL('https://tunnel.example.com/practice-1/');
    expect(toPhysicalUrl(new URL('https://tunnel.example.com/practice-1/twilio/voice'), prefixed, local).href).toBe('http://127.0.0.1:4000/twilio/voice');
  });

  it('refuses URLs Twilio could not reach (a loopback address leaked into TwiML)', () => {
    expect(() => toPhysicalUrl(new URL('http://127.0.0.1:4000/twilio/gather'), publicBase, local)).toThrow(/not under the public URL/);
  });
});
