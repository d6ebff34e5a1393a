import { describe, expect, it } from 'vitest';
import { understand } from '../../../../src/main/core/conversation/understanding/index.js';
import { tenantConfigSchema } from '../../../../src/shared/contract/index.js';
import { GARAGE } from '../../../support/callers/practices.js';

const NOW = Date.parse('2026-11-23T14:00:00Z');
const garage = tenantConfigSchema.parse(GARAGE); // "Oil change", "Brake inspection" (alias "brake check")
const heard = (text: string) => understand(text, { tenant: garage, now: NOW });

// A service is named by its own words; an everyday word of its name said on its own is not it.
describe('everyday words in a service name do not name the service alone', () => {
  it.each([
    ['I need to change my appointment', 'reschedule'],
    ['can you check when my appointment is', 'check_appointment'],
    ['my check engine light came on', 'unknown'],
  ])('%s', (text, intent) => {
    const u = heard(text);
    expect(u.serviceId).toBeNull();
    expect(u.intent).toBe(intent);
  });

  it.each([
    ['I need an oil change', 'oil'],
    ['can you do a brake check tomorrow', 'brakes'],
    ['the brakes are squeaking', 'brakes'],
  ])('%s still names its service', (text, service) => {
    expect(heard(text).serviceId).toBe(service);
  });
});
