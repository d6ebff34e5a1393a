import { describe, expect, it } from 'vitest';
import { tenantConfigSchema } from '../../../src/shared/contract/index.js';
import { formatHours, sayClock } from '../../../src/main/core/conversation/index.js';
import { demoTenant } from '../../support/demo-tenant.js';

const tenant = tenantConfigSchema.parse(demoTenant());

describe('the hours sentence', () => {
  it('says clock times the way people do', () => {
    expect(['08:00', '12:00', '13:30', '00:00', '24:00', '19:05'].map(sayClock)).toEqual(['8 AM', 'noon', '1:30 PM', 'midnight', 'midnight', '7:05 PM']);
  });

  it('groups days with the same hours and names the closed ones', () => {
    const text = formatHours(tenant, Date.parse('2026-11-30T14:00:00Z'));
    expect(text).toBe(
      "We're open Monday to Wednesday, 8 AM to noon and 1 PM to 5 PM; Thursday, 10 AM to 1 PM and 2 PM to 7 PM; Friday, 8 AM to 2 PM. We're closed Saturday and Sunday.",
    );
  });

  it('mentions closures and special hours in the coming week', () => {
    const text = formatHours(tenant, Date.parse('2026-11-23T14:00:00Z')); // Monday before Thanksgiving
    expect(text).toContain("Please note we're closed on Thursday, November 26 for Thanksgiving.");
    expect(text).toContain("On Friday, November 27 we're open 9 AM to 1 PM.");
  });
});
