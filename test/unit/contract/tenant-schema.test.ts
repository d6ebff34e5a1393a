import { describe, expect, it } from 'vitest';
import { formatIssues, tenantConfigSchema } from '../../../src/shared/contract/index.js';
import { demoTenant } from '../../support/demo-tenant.js';

function errorsOf(raw: unknown): string[] {
  const result = tenantConfigSchema.safeParse(raw, { reportInput: true });
  return result.success ? [] : formatIssues(result.error);
}

describe('tenant file schema', () => {
  it('accepts the demo practice and fills defaults', () => {
    const tenant = demoTenant();
    delete (tenant.providers[0] as Record<string, unknown>).aliases;
    const parsed = tenantConfigSchema.parse(tenant);
    expect(parsed.id).toBe('bright-smiles');
    expect(parsed.providers[0]?.aliases).toEqual([]);
    expect(parsed.review.minConfidence).toBe(0.5);
  });

  it('accepts the example from the issue verbatim', () => {
    const example = {
      id: 'bright-smiles', name: 'Bright Smiles Dental', timezone: 'America/New_York', country: 'US', locale: 'en-US',
      phoneNumbers: ['+15555550123'], transferNumber: '+15555550100',
      greeting: 'Thanks for calling Bright Smiles Dental. How can I help you today?',
      hours: { mon: [['08:00', '12:00'], ['13:00', '17:00']], tue: [['08:00', '17:00']], wed: [], thu: [], fri: [], sat: [], sun: [] },
      closures: [{ date: '2026-12-25', reason: 'Christmas Day' }, { from: '2026-12-28', to: '2026-12-31', reason: 'Year-end' }],
      specialHours: [{ date: '2026-12-24', hours: [['08:00', '12:00']] }],
      booking: { slotStepMinutes: 15, minNoticeMinutes: 120, maxAdvanceDays: 60, holdMinutes: 5 },
      providers: [{ id: 'dr-lee', name: 'Dr. Emily Lee', aliases: ['Dr. Lee', 'Emily'], hours: null, timeOff: [{ from: '2026-12-01T13:00', to: '2026-12-01T17:00' }] }],
      services: [{ id: 'cleaning', name: 'Teeth cleaning', aliases: ['cleaning', 'hygiene visit'], durationMinutes: 45, bufferBeforeMinutes: 0, bufferAfterMinutes: 15, providerIds: ['dr-lee'], requiresReview: false }],
      review: { all: false, newCustomers: false, minConfidence: 0.5, emergencyKeywords: ['bleeding', 'swelling', 'severe pain'] },
      faq: [{ question: 'Do you take insurance?', answer: 'We accept most PPO plans.', keywords: ['insurance', 'ppo'] }],
    };
    expect(errorsOf(example)).toEqual([]);
  });

  it('takes an optional spoken price per service, trimmed, and refuses an empty, long or multi-line one', () => {
    const withPrice = (price: unknown) => {
      const tenant = demoTenant();
      (tenant.services[0] as Record<string, unknown>).price = price;
      return tenant;
    };
    expect(tenantConfigSchema.parse(withPrice('  from $120 ')).services[0]?.price).toBe('from $120');
    expect(tenantConfigSchema.parse(demoTenant()).services[0]?.price).toBeUndefined();
    expect(errorsOf(withPrice(''))).toEqual([expect.stringMatching(/^services\[0\]\.price: must not be empty/)]);
    expect(errorsOf(withPrice('x'.repeat(61)))).toEqual([expect.stringMatching(/^services\[0\]\.price: must be at most 60 characters/)]);
    expect(errorsOf(withPrice('$45\nor less'))).toEqual([expect.stringMatching(/^services\[0\]\.price: /)]);
    expect(errorsOf(withPrice(45))).toEqual([expect.stringMatching(/^services\[0\]\.price: must be text/)]);
  });

  it('bounds a service to one day, buffers included', () => {
    const issues = (edit: (services: Record<string, number>[]) => void) => {
      const tenant = demoTenant();
      edit(tenant.services as unknown as Record<string, number>[]);
      const result = tenantConfigSchema.safeParse(tenant);
      return result.success ? [] : formatIssues(result.error);
    };
    expect(issues((s) => (s[0]!.durationMinutes = 1_000_000_000))).toEqual(['services[0].durationMinutes: must be at most 1440 minutes (one day)']);
    expect(issues((s) => Object.assign(s[0]!, { durationMinutes: 1400, bufferAfterMinutes: 60 }))).toEqual([
      'services[0].durationMinutes: with its buffers must fit in one day (1440 minutes)',
    ]);
    expect(issues((s) => Object.assign(s[0]!, { durationMinutes: 1440, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 }))).toEqual([]);
  });

  it('names the field and the problem', () => {
    const tenant = demoTenant();
    (tenant.services[2] as Record<string, unknown>).durationMinutes = 0;
    expect(errorsOf(tenant)).toEqual(['services[2].durationMinutes: must be a positive integer']);
  });

  it.each([
    ['a missing field', (t: Record<string, unknown>) => delete t.timezone, 'timezone: is required'],
    ['an unknown time zone', (t: Record<string, unknown>) => (t.timezone = 'Mars/Olympus'), 'timezone: must be a time zone such as America/New_York (a region and a city)'],
    ['an impossible date', (t: Record<string, any>) => t.closures.push({ date: '2026-02-30' }), 'closures[4].date: is not a real calendar date'],
    ['a reversed closure range', (t: Record<string, any>) => t.closures.push({ from: '2026-12-10', to: '2026-12-01' }), 'closures[4].to: must not end before it starts'],
    ['hours that end before they start', (t: Record<string, any>) => (t.hours.mon = [['12:00', '08:00']]), 'hours.mon[0]: must end after it starts'],
    ['overlapping intervals', (t: Record<string, any>) => (t.hours.mon = [['08:00', '12:00'], ['11:00', '13:00']]), 'hours.mon[1]: must start after the previous interval ends'],
    ['a bad clock time', (t: Record<string, any>) => (t.hours.tue = [['8am', '12:00']]), 'hours.tue[0][0]: must be a time "HH:MM" between 00:00 and 24:00'],
    ['an unknown provider on a service', (t: Record<string, any>) => t.services[0].providerIds.push('dr-who'), 'services[0].providerIds[2]: names unknown provider "dr-who"'],
    ['a duplicate provider id', (t: Record<string, any>) => t.providers.push({ ...t.providers[0] }), 'providers[3].id: duplicates provider id "dr-lee"'],
    ['a phone number not in E.164', (t: Record<string, any>) => (t.phoneNumbers = ['555-0123']), 'phoneNumbers[0]: must be a phone number with its country code, like +1 555 555 0123'],
    ['a negative buffer', (t: Record<string, any>) => (t.services[0].bufferAfterMinutes = -5), 'services[0].bufferAfterMinutes: must be a whole number of minutes, 0 or more'],
    ['an unknown key', (t: Record<string, any>) => (t.bookingRules = {}), 'Unrecognized key: "bookingRules"'],
    ['a time-off with an impossible time', (t: Record<string, any>) => (t.providers[0].timeOff = [{ from: '2026-12-01T25:00', to: '2026-12-01T26:00' }]), 'providers[0].timeOff[0].from: is not a real date and time'],
  ])('refuses %s', (_label, mutate, expected) => {
    const tenant = demoTenant() as Record<string, unknown>;
    mutate(tenant);
    expect(errorsOf(tenant)).toContain(expected);
  });

  it('defaults voice to gather mode and names a bad voice setting', () => {
    const parsed = tenantConfigSchema.parse(demoTenant());
    expect(parsed.voice).toEqual({ mode: 'gather', ttsVoice: 'aura-2-thalia-en', sttModel: 'nova-3' });
    const streaming = tenantConfigSchema.parse({ ...demoTenant(), voice: { mode: 'stream', ttsVoice: 'aura-2-orion-en' } });
    expect(streaming.voice).toEqual({ mode: 'stream', ttsVoice: 'aura-2-orion-en', sttModel: 'nova-3' });
    const bad = tenantConfigSchema.safeParse({ ...demoTenant(), voice: { mode: 'websocket' } });
    expect(bad.success).toBe(false);
    expect(formatIssues(bad.error!).join(' ')).toMatch(/voice\.mode.*must be "gather" or "stream"/);
  });
});
