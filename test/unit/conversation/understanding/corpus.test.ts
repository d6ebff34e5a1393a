import { describe, expect, it } from 'vitest';
import { understand } from '../../../../src/main/core/conversation/understanding/index.js';
import { NOTHING, NOW, demoTenant } from './fixtures.js';
import { PHRASES } from './phrases.js';

const tenant = demoTenant();

describe('understanding: the phrasing corpus', () => {
  it('is large and covers every intent', () => {
    expect(PHRASES.length).toBeGreaterThanOrEqual(250);
    const intents = new Set(PHRASES.map((p) => p.intent));
    for (const intent of ['book', 'reschedule', 'cancel', 'check_appointment', 'availability', 'hours', 'location', 'faq', 'speak_to_person', 'leave_message', 'emergency', 'yes', 'no', 'correction', 'goodbye', 'greeting', 'unknown']) {
      expect(intents, intent).toContain(intent);
    }
  });

  it.each(PHRASES.map((p) => [p.expect ? `${p.text} (expecting ${p.expect})` : p.text, p] as const))('%s', (_, phrase) => {
    const u = understand(phrase.text, { tenant, now: NOW, expect: phrase.expect ?? null, optionCount: phrase.optionCount ?? null });
    // The dialog hints (questions asked, AM/PM said, help choice) have their own tests; this corpus checks the entities.
    const { intent, confidence, rejected, questions: _q, timeHasMeridiem: _m, helpChoice: _h, appointmentDate, ...entities } = u;
    if (appointmentDate) Object.assign(entities, { appointmentDate });
    expect({ intent, ...entities, rejected }).toEqual({ intent: phrase.intent, ...NOTHING, rejected: undefined, ...phrase.want });
    const min = phrase.min ?? (phrase.intent === 'unknown' ? 0 : 0.5);
    const max = phrase.max ?? (phrase.intent === 'unknown' ? 0.3 : 1);
    expect(confidence).toBeGreaterThanOrEqual(min);
    expect(confidence).toBeLessThanOrEqual(max);
  });
});
