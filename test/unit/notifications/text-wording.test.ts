import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PATHS } from '../../../src/main/app/index.js';
import { composeText, inQuietHours, quietHoursEnd, textLanguageFor } from '../../../src/main/core/notifications/index.js';
import { formatIssues, tenantConfigSchema } from '../../../src/shared/contract/index.js';
import { bookingValues } from '../../../src/main/core/notifications/text-words.js';
import { renderTextTemplate, textPhone, unknownPlaceholders } from '../../../src/shared/lib/text-templates.js';

const demo = JSON.parse(readFileSync(PATHS.demoPractice, 'utf8')) as Record<string, unknown>;
const tenant = tenantConfigSchema.parse(demo);
const customer = { tenantId: 'bright-smiles', id: 'c1', phone: '+15555550199', name: 'Ann Lee', notes: '', createdAt: 0, updatedAt: 0 };

describe('text templates', () => {
  it('fill placeholders, tidy a missing value, and leave unknown braces for the schema to catch', () => {
    expect(renderTextTemplate('{practice}: hi {name}, see you {date}.', { practice: 'P', name: 'Ann', date: 'Tuesday' })).toBe('P: hi Ann, see you Tuesday.');
    expect(renderTextTemplate('Hi {name}, see you soon.', {})).toBe('Hi, see you soon.');
    expect(unknownPlaceholders('{practice} {when} {Date}')).toEqual(['when', 'Date']);
  });

  it('the practice file refuses an unknown placeholder or language, naming the field', () => {
    const bad = tenantConfigSchema.safeParse({ ...demo, texts: { templates: { en: { confirmation: 'See you {when}' }, fr: { confirmation: 'x' } } } });
    expect(bad.success).toBe(false);
    const messages = bad.success ? [] : formatIssues(bad.error);
    expect(messages.join('\n')).toMatch(/texts\.templates\.en\.confirmation: uses unknown placeholder \{when\}/);
    expect(messages.join('\n')).toMatch(/texts\.templates/);
  });

  it('the practice file refuses control characters in a template, like every other text field', () => {
    const bad = tenantConfigSchema.safeParse({ ...demo, texts: { templates: { en: { confirmation: 'See you\u0007 then' } } } });
    expect(bad.success ? [] : formatIssues(bad.error)).toEqual([expect.stringMatching(/texts\.templates\.en\.confirmation: must not contain control characters \(found U\+0007\)/)]);
  });

  it('defaults: on, 24 h reminders, quiet 21:00–08:00, two waitlist offers at once', () => {
    expect(tenant.texts).toMatchObject({ enabled: true, confirmations: true, reminders: { enabled: true, hoursBefore: 24 }, quietHours: { from: '21:00', to: '08:00' }, missedCallTextBack: true, waitlist: { enabled: true, offerAtOnce: 2 } });
  });

  it('a practice override wins over the built-in wording, per language', () => {
    const custom = tenantConfigSchema.parse({ ...demo, texts: { templates: { en: { help: '{practice} help: call {phone}' } } } });
    expect(composeText(custom, 'en', 'help', {})).toBe('Bright Smiles Dental help: call +1 (555) 555-0123');
    expect(composeText(custom, 'es', 'help', {})).toMatch(/^Bright Smiles Dental: responda SÍ para confirmar/);
  });
});

describe("the practice's number in a text", () => {
  it('reads as a person writes it in North America, and as stored elsewhere', () => {
    expect(textPhone('+15555550123')).toBe('+1 (555) 555-0123');
    expect(textPhone('+34911234567')).toBe('+34911234567');
    expect(textPhone('')).toBe('');
  });
});

describe('the language a customer is texted in', () => {
  it("is the customer's language (the one they spoke on their last call), else the practice's first language", () => {
    expect(textLanguageFor(null, tenant)).toBe('en');
    expect(textLanguageFor(customer, tenant)).toBe('en');
    expect(textLanguageFor({ ...customer, language: 'es' }, tenant)).toBe('es');
    expect(textLanguageFor(null, { languages: ['es', 'en'] })).toBe('es');
    expect(textLanguageFor({ ...customer, language: null }, { languages: ['es', 'en'] })).toBe('es');
    expect(textLanguageFor({ ...customer, language: 'en' }, { languages: ['es', 'en'] })).toBe('en');
  });

  it('says the service by its name in that language', () => {
    const withNames = tenantConfigSchema.parse({ ...demo, services: (demo.services as { id: string }[]).map((s) => (s.id === 'cleaning' ? { ...s, names: { es: 'Limpieza dental' } } : s)) });
    const booking = { serviceId: 'cleaning', providerId: 'maria', start: Date.parse('2026-11-24T14:00:00Z') };
    expect(composeText(withNames, 'es', 'confirmation', bookingValues(withNames, booking, null, 'es', Date.parse('2026-11-23T14:00:00Z')))).toMatch(/^Bright Smiles Dental: su cita de limpieza dental el martes, 24 de noviembre a las 9:00/);
    expect(bookingValues(withNames, booking, null, 'en', 0).service).toBe('teeth cleaning');
  });
});

describe('quiet hours, on the practice\'s wall clock', () => {
  const at = (iso: string) => Date.parse(iso);
  it('wrap midnight and move with the clocks', () => {
    expect(inQuietHours(tenant, at('2026-11-24T01:59:00Z'))).toBe(false); // 20:59 EST
    expect(inQuietHours(tenant, at('2026-11-24T02:00:00Z'))).toBe(true);
    expect(inQuietHours(tenant, at('2026-11-24T12:59:00Z'))).toBe(true);
    expect(inQuietHours(tenant, at('2026-11-24T13:00:00Z'))).toBe(false);
    // In summer time 8:00 local is 12:00Z.
    expect(inQuietHours(tenant, at('2026-10-30T12:00:00Z'))).toBe(false);
  });

  it('end at the next "to" time, across the night the clocks go back', () => {
    expect(quietHoursEnd(tenant, at('2026-11-01T03:00:00Z'))).toBe(at('2026-11-01T13:00:00Z'));
    expect(quietHoursEnd(tenant, at('2026-10-31T15:00:00Z'))).toBe(at('2026-10-31T15:00:00Z'));
  });
});
