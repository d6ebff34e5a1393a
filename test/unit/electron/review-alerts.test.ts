import { describe, expect, it } from 'vitest';
import { createReviewAlerts } from '../../../src/main/electron/review-alerts.js';

const changed = (tenantId: string, pending: number) => ({ name: 'review/changed' as const, payload: { tenantId, pending } });

describe('review alerts', () => {
  it('notifies only when a practice gets a new item, not on the first count or when items clear', () => {
    const decide = createReviewAlerts((id) => (id === 'bright-smiles' ? 'Bright Smiles Dental' : null));
    expect(decide(changed('bright-smiles', 2))).toBeNull();
    expect(decide(changed('bright-smiles', 3))).toEqual({
      title: '3 bookings need review',
      body: 'Bright Smiles Dental: the receptionist was unsure of a booking. Open Review to approve, change or reject it.',
    });
    expect(decide(changed('bright-smiles', 2))).toBeNull();
    expect(decide(changed('bright-smiles', 2))).toBeNull();
    expect(decide(changed('other', 0))).toBeNull();
    expect(decide(changed('other', 1))).toMatchObject({ title: 'A booking needs review', body: expect.stringMatching(/^A practice:/) });
    expect(decide({ name: 'tenants/changed', payload: { tenantIds: [] } })).toBeNull();
  });
});
