import { blankUnderstanding } from '../../../../src/main/core/conversation/understanding/index.js';
import { readFileSync } from 'node:fs';
import { tenantConfigSchema, type TenantConfig, type TenantConfigInput } from '../../../../src/shared/contract/index.js';
import type { Understanding } from '../../../../src/main/core/conversation/understanding/index.js';

/** Monday, November 23rd 2026, 9:00 AM in New York. */
export const NOW = Date.parse('2026-11-23T14:00:00Z');

export function demoInput(): TenantConfigInput {
  return JSON.parse(readFileSync(new URL('../../../../resources/demo-practice.json', import.meta.url), 'utf8')) as TenantConfigInput;
}

export function demoTenant(edit: (raw: TenantConfigInput) => void = () => {}): TenantConfig {
  const raw = demoInput();
  edit(raw);
  return tenantConfigSchema.parse(raw);
}

/** A London practice with no aliases at all, to check names alone are enough. */
export function londonTenant(): TenantConfig {
  return demoTenant((raw) => {
    raw.id = 'harley-smiles';
    raw.timezone = 'Europe/London';
    raw.country = 'GB';
    raw.locale = 'en-GB';
    raw.phoneNumbers = ['+442079460958'];
    raw.transferNumber = null;
    for (const p of raw.providers) p.aliases = [];
    for (const s of raw.services) s.aliases = [];
  });
}

/** Every entity field at its "nothing heard" value. */
export const NOTHING: Omit<Understanding, 'intent' | 'confidence'> = (({ intent: _i, confidence: _c, ...rest }) => rest)(blankUnderstanding());
