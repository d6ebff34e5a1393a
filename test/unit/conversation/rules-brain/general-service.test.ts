import { describe, expect, it } from 'vitest';
import { generalService, soundsUnsure } from '../../../../src/main/core/conversation/rules-brain/general-service.js';
import { tenantConfigSchema } from '../../../../src/shared/contract/index.js';
import { GARAGE, SALON } from '../../../support/callers/practices.js';
import { demoTenant } from './harness.js';

const withServices = (services: { id: string; name: string; aliases?: string[] }[]) =>
  demoTenant((raw) => {
    raw.services = services.map((s) => ({ ...s, aliases: s.aliases ?? [], durationMinutes: 30, providerIds: ['dr-lee'] }));
  });

describe('the general visit a caller who cannot name a service starts with', () => {
  it('is the dental exam at the demo practice (not the whitening consultation)', () => {
    expect(generalService(demoTenant())).toBe('exam');
  });

  it('is nothing at a salon or a garage whose "inspection" is of one part', () => {
    expect(generalService(tenantConfigSchema.parse(SALON))).toBeNull();
    expect(generalService(tenantConfigSchema.parse(GARAGE))).toBeNull();
  });

  it.each([
    [[{ id: 'diag', name: 'Diagnostic' }, { id: 'oil', name: 'Oil change' }], 'diag'],
    [[{ id: 'np', name: 'New patient consultation' }, { id: 'fu', name: 'Follow-up' }], 'np'],
    [[{ id: 'chk', name: 'Annual check-up' }, { id: 'vax', name: 'Flu shot' }], 'chk'],
    [[{ id: 'ex', name: 'Examen dental' }, { id: 'lim', name: 'Limpieza' }], 'ex'],
    [[{ id: 'a', name: 'Hearing test', aliases: ['assessment'] }, { id: 'b', name: 'Fitting' }], 'a'],
  ])('%j → %s', (services, id) => {
    expect(generalService(withServices(services))).toBe(id);
  });

  it('two equally general visits decide nothing', () => {
    expect(generalService(withServices([{ id: 'a', name: 'Exam' }, { id: 'b', name: 'Check-up' }]))).toBeNull();
  });
});

describe('a caller who does not know what to book', () => {
  it.each(["I don't know", 'not sure, it just hurts', 'whatever you think', 'no sé', 'no estoy segura'])('%s', (text) => {
    expect(soundsUnsure(text)).toBe(true);
  });
  it.each(['a cleaning', 'tomorrow at 3', 'yes'])('%s is not unsure', (text) => {
    expect(soundsUnsure(text)).toBe(false);
  });
});
