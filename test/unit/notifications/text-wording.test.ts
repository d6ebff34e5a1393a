import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PATHS } from '../../../src/main/app/index.js';
import { composeText, inQuietHours, quietHoursEnd, textLanguageFor } from '../../../src/main/core/notifications/index.js';
import { formatIssues, tenantConfigSchema } from '../../../src/shared/contract/index.js';
import { renderTextTemplate, unknownPlaceholders } from '../../../src/shared/lib/text-templates.js';

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

  it('defaults: on, 24 h reminders, quiet 21:00–08:00, two waitlist offers at once', () => {
    expect(tenant.texts).toMatchObject({ enabled: true, confirmations: true, reminders: { enabled: true, hoursBefore: 24 }, quietHours: { from: '21:00', to: '08:00' }, missedCallTextBack: true, waitlist: { enabled: true, offerAtOnce: 2 } });
  });

  it('a practice override wins over the built-in wording, per language', () => {
    const custom = tenantConfigSchema.parse({ ...demo, texts: { templates: { en: { help: '{practice} help: call {phone}' } } } });
    expect(composeText(custom, 'en', 'help', {})).toBe('Bright Smiles Dental help: call +15555550123');
    expect(composeText(custom, 'es', 'help', {})).toMatch(/^Bright Smiles Dental: responda SÍ para confirmar/);
  });
});

describe('the language a customer is texted in', () => {
  it('is English unless the customer record carries another language (issue 13 adds it)', () => {
    expect(textLanguageFor(null)).toBe('en');
    expect(textLanguageFor(customer)).toBe('en');
    expect(textLanguageFor({ ...customer, language: 'es-MX' })).toBe('es');
    expect(textLanguageFor({ ...customer, language: 'fr' })).toBe('en');
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
