import { describe, expect, it } from 'vitest';
import { Twiml } from '../../../src/main/infra/twilio/twiml.js';
import { renderStreamConnect } from '../../../src/main/server/public/render-twiml.js';
import { parseTwiml } from '../../support/twilio/twiml-document.js';

describe('Twiml: <Connect><Stream> with <Parameter>s', () => {
  it('renders the stream, its parameters and the redirect after it, as Twilio reads them', () => {
    const xml = renderStreamConnect({
      streamUrl: 'wss://frontdesk.example.com/twilio/stream',
      statusUrl: 'https://frontdesk.example.com/twilio/stream-status',
      continueUrl: 'https://frontdesk.example.com/twilio/continue',
      callSid: 'CA00000000000000000000000000000001',
      tenantId: 'bright-smiles',
    });
    expect(xml).toContain('<Connect><Stream url="wss://frontdesk.example.com/twilio/stream" statusCallback="https://frontdesk.example.com/twilio/stream-status" statusCallbackMethod="POST">');
    expect(xml).toContain('<Parameter name="callSid" value="CA00000000000000000000000000000001"/><Parameter name="tenantId" value="bright-smiles"/>');
    expect(parseTwiml(xml).map((v) => v.verb)).toEqual(['Connect', 'Redirect']);
  });

  it('never fails on characters XML cannot carry in a parameter or an attribute', () => {
    const xml = new Twiml().connectStream({ url: 'wss://x.example.com/twilio/stream\u0000' }, { 'tenant\u0007Id': 'bright\u0001-smiles', note: 'a & b < c' }).toString();
    expect([...xml].some((c) => c.charCodeAt(0) < 0x09)).toBe(false);
    expect(xml).toContain('value="bright-smiles"');
    expect(xml).toContain('value="a &amp; b &lt; c"');
    expect(xml).toContain('url="wss://x.example.com/twilio/stream"');
  });
});
