import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { INTENTS, understand } from '../../../../src/main/core/conversation/understanding/index.js';
import { localToday } from '../../../../src/main/core/conversation/understanding/local-calendar.js';
import { vocabularyOf } from '../../../../src/main/core/conversation/understanding/tenant-vocabulary.js';
import { NOW, demoTenant, londonTenant } from './fixtures.js';
import { PHRASES } from './phrases.js';

const tenant = demoTenant();
const london = londonTenant();
const WORDS = [
  'i', 'want', 'to', 'book', 'cancel', 'a', 'cleaning', 'with', 'dr', 'lee', 'tomorrow', 'at', 'three', '3', 'thirty', 'pm', 'the',
  'second', 'one', 'no', 'not', 'yes', 'tuesday', 'next', 'week', 'after', 'before', 'between', 'and', '12/3', 'my', 'name', 'is',
  'john', 'smith', 'number', '555', '0199', 'bleeding', 'actually', 'instead', 'um', 'uh', 'like', 'half', 'past', 'quarter', 'to',
  'november', '24th', 'the', '13th', 'morning', 'evening', 'earliest', 'do', 'you', 'take', 'delta', 'where', 'hours', '?', ',',
];
const utterance = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.array(fc.constantFrom(...WORDS), { maxLength: 14 }).map((w) => w.join(' ')),
  fc.constantFrom(...PHRASES.map((p) => p.text)),
);
const instant = fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2028-12-31T00:00:00Z') });
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

describe('understanding: properties of every answer', () => {
  it('never throws and always answers in shape, dates never in the past', () => {
    fc.assert(
      fc.property(utterance, instant, fc.constantFrom(tenant, london), fc.constantFrom(null, 'name', 'phone', 'date', 'choice', 'yes_no' as const), (text, now, t, expect_) => {
        const u = understand(text, { tenant: t, now, expect: expect_ });
        const today = localToday(t.timezone, now);
        expect(INTENTS).toContain(u.intent);
        expect(u.confidence).toBeGreaterThanOrEqual(0);
        expect(u.confidence).toBeLessThanOrEqual(1);
        if (u.intent === 'unknown') expect(u.confidence).toBeLessThanOrEqual(0.3);
        if (u.date !== null) {
          expect(u.date).toMatch(ISO_DATE);
          expect(u.date >= today).toBe(true);
        }
        if (u.range !== null) {
          expect(u.range.from <= u.range.to).toBe(true);
          expect(u.range.from >= today).toBe(true);
        }
        for (const clock of [u.time, u.after, u.before]) if (clock !== null) expect(clock).toMatch(CLOCK);
        if (u.phone !== null) expect(u.phone).toMatch(/^\+[1-9]\d{6,14}$/);
        if (u.serviceId !== null) expect(t.services.map((s) => s.id)).toContain(u.serviceId);
        if (u.providerId !== null) expect(t.providers.map((p) => p.id)).toContain(u.providerId);
        if (u.faqIndex !== null) expect(t.faq[u.faqIndex]).toBeDefined();
        if (u.name !== null) expect(u.name).toMatch(/^[A-Z]/);
      }),
      { numRuns: 600 },
    );
  });

  it('is pure: reads no clock but ctx.now', () => {
    const spy = vi.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('understand must not read the clock');
    });
    try {
      for (const p of PHRASES) understand(p.text, { tenant, now: NOW, expect: p.expect ?? null });
      for (const text of ['3 days from now', 'dec. 3rd', '12/3', 'end of the month']) understand(text, { tenant: london, now: NOW });
      expect(understand('tomorrow', { tenant, now: NOW }).date).toBe('2026-11-24');
    } finally {
      spy.mockRestore();
    }
  });

  it('gives the same answer twice (no state leaks between calls)', () => {
    const first = PHRASES.map((p) => understand(p.text, { tenant, now: NOW, expect: p.expect ?? null }));
    const second = PHRASES.map((p) => understand(p.text, { tenant, now: NOW, expect: p.expect ?? null }));
    expect(second).toEqual(first);
  });

  it('builds a tenant\'s vocabulary once per tenant object, and afresh for a changed tenant', () => {
    const t = demoTenant();
    expect(vocabularyOf(t)).toBe(vocabularyOf(t));
    const renamed = demoTenant((raw) => {
      const cleaning = raw.services.find((s) => s.id === 'cleaning');
      if (cleaning) cleaning.aliases = ['prophylaxis'];
    });
    expect(vocabularyOf(renamed)).not.toBe(vocabularyOf(t));
    expect(understand('a prophylaxis', { tenant: renamed, now: NOW }).serviceId).toBe('cleaning');
    expect(understand('a prophylaxis', { tenant: t, now: NOW }).serviceId).toBeNull();
  });

  it('uses the tenant\'s own emergency keywords, and none when there are none', () => {
    const none = demoTenant((raw) => {
      raw.review = { all: false, newCustomers: false, minConfidence: 0.5, emergencyKeywords: [] };
    });
    expect(understand('my gums are bleeding', { tenant: none, now: NOW }).intent).not.toBe('emergency');
    expect(understand('this is an emergency', { tenant: none, now: NOW })).toMatchObject({ intent: 'emergency', emergencyKeyword: 'emergency' });
    const dog = demoTenant((raw) => {
      raw.review = { all: false, newCustomers: false, minConfidence: 0.5, emergencyKeywords: ['hit by a car', 'poisoned'] };
    });
    expect(understand('my dog got hit by a car', { tenant: dog, now: NOW })).toMatchObject({ intent: 'emergency', emergencyKeyword: 'hit by a car' });
    expect(understand('I think he was poisoning himself', { tenant: dog, now: NOW }).emergencyKeyword).toBe('poisoned');
  });
});
