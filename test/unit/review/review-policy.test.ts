import { describe, expect, it } from 'vitest';
import { tenantConfigSchema } from '../../../src/shared/contract/index.js';
import { reviewReasons } from '../../../src/main/core/review/index.js';
import { demoTenant } from '../../support/demo-tenant.js';

const tenant = tenantConfigSchema.parse(demoTenant());
const cleaning = tenant.services.find((s) => s.id === 'cleaning')!;
const whitening = tenant.services.find((s) => s.id === 'whitening')!;
const calm = { lowConfidence: false, clarifications: 0, emergency: false };

describe('review triggers', () => {
  it('confirms an ordinary booking', () => {
    expect(reviewReasons({ tenant, service: cleaning, isNewCustomer: true, signals: calm })).toEqual([]);
  });

  it.each([
    ['a service that requires review', { service: whitening }, 'Teeth whitening consultation needs review'],
    ['low speech confidence', { signals: { ...calm, lowConfidence: true } }, 'low speech confidence'],
    ['two clarifications', { signals: { ...calm, clarifications: 2 } }, 'needed 2 clarifications'],
    ['an emergency keyword', { signals: { ...calm, emergency: true } }, 'emergency mentioned'],
    ['review.all', { tenant: { ...tenant, review: { ...tenant.review, all: true } } }, 'the practice reviews every booking'],
    ['review.newCustomers for a new customer', { tenant: { ...tenant, review: { ...tenant.review, newCustomers: true } } }, 'new customer'],
  ])('holds for review on %s', (_label, override, reason) => {
    expect(reviewReasons({ tenant, service: cleaning, isNewCustomer: true, signals: calm, ...override })).toContain(reason);
  });

  it('does not flag a returning customer under review.newCustomers, nor one clarification', () => {
    const strict = { ...tenant, review: { ...tenant.review, newCustomers: true } };
    expect(reviewReasons({ tenant: strict, service: cleaning, isNewCustomer: false, signals: { ...calm, clarifications: 1 } })).toEqual([]);
  });
});
