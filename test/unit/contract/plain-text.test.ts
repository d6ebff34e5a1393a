import { XMLValidator } from 'fast-xml-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commands, formatIssues, tenantConfigSchema } from '../../../src/shared/contract/index.js';
import { findControlCharacter, speakable, stripControlCharacters } from '../../../src/shared/lib/plain-text.js';
import { renderReply } from '../../../src/main/server/public/render-twiml.js';
import { demoTenant } from '../../support/demo-tenant.js';
import { nastyText } from '../../support/nasty-text.js';
import { invalidXmlCharacter } from '../../support/twilio/twiml-document.js';

const wellFormed = (xml: string) => invalidXmlCharacter(xml) === null && XMLValidator.validate(xml) === true;

describe('control characters', () => {
  it('are found and named, line breaks only where one line is expected', () => {
    expect(findControlCharacter('Ann\u0007 Lee')).toBe('U+0007');
    expect(findControlCharacter('Ann\u0085')).toBe('U+0085');
    expect(findControlCharacter('two\nlines')).toBeNull();
    expect(findControlCharacter('two\nlines', { singleLine: true })).toBe('U+000A');
    expect(findControlCharacter('Zoë 😀 Ñ')).toBeNull();
  });

  it('are stripped where refusing would lose data, keeping line breaks', () => {
    expect(stripControlCharacters('I need\u0000 a cleaning\u001b\nplease')).toBe('I need a cleaning\nplease');
  });

  it('never reach a speech document: speakable text is always valid XML', () => {
    fc.assert(
      fc.property(nastyText, (text) => {
        const xml = `<Say>${speakable(text).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</Say>`;
        expect(wellFormed(xml)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it('are refused in a practice file, the error naming the field and the character', () => {
    const tenant = { ...demoTenant(), greeting: 'Hello\u0000', name: 'Bright\u0007 Smiles' };
    (tenant.providers as { name: string }[])[1]!.name = 'Dr.\tPatel';
    const result = tenantConfigSchema.safeParse(tenant);
    expect(result.success).toBe(false);
    expect(formatIssues(result.error!)).toEqual(
      expect.arrayContaining([
        'name: must not contain control characters (found U+0007)',
        'greeting: must not contain control characters (found U+0000)',
        'providers[1].name: must not contain tabs or line breaks (found U+0009)',
      ]),
    );
    // A greeting or FAQ answer written over two lines is fine.
    expect(tenantConfigSchema.safeParse({ ...demoTenant(), greeting: 'Hello.\nHow can I help?' }).success).toBe(true);
  });

  it('are refused in console and CLI commands that store or speak text', () => {
    const refused = (name: keyof typeof commands, input: unknown) => {
      const result = commands[name].input.safeParse(input);
      return result.success ? [] : formatIssues(result.error);
    };
    const create = { tenantId: 't', serviceId: 's', providerId: 'p', start: '2026-11-24T09:00' };
    expect(refused('bookings/create', { ...create, customer: { name: 'Ann\u0007' } })).toEqual(['customer.name: must not contain control characters (found U+0007)']);
    expect(refused('bookings/create', { ...create, customer: {}, notes: 'gate code\u0000' })).toEqual(['notes: must not contain control characters (found U+0000)']);
    expect(refused('bookings/create', { ...create, customer: {}, notes: 'first line\nsecond line' })).toEqual([]);
    expect(refused('customers/update', { tenantId: 't', customerId: 'c', name: 'A\u001bB' })).toEqual(['name: must not contain control characters (found U+001B)']);
    expect(refused('calls/say', { tenantId: 't', callId: 'c', text: 'hold\u0007 on', staffName: 'Dana' })).toEqual(['text: must not contain control characters (found U+0007)']);
    expect(refused('review/reject', { tenantId: 't', bookingId: 'b', reason: 'no\u0000', staffName: 'Dana' })).toEqual(['reason: must not contain control characters (found U+0000)']);
  });

  it('in stored text cannot break a rendered reply', () => {
    const tenant = tenantConfigSchema.parse(demoTenant());
    const reply = { kind: 'turn' as const, tenant, callId: 'c', say: ['Hi Ann\u0007, \uD800welcome'], next: 'transfer' as const, transferTo: '+15555550100', hints: ['clean\u0000ing'] };
    const xml = renderReply(reply, { gather: 'https://x/g', staff: 'https://x/s', dial: 'https://x/d' });
    expect(wellFormed(xml)).toBe(true);
    expect(xml).toContain('Hi Ann, welcome');
  });
});
