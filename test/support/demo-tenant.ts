import { readFileSync } from 'node:fs';
import { PATHS } from '../../src/main/app/index.js';
import type { TenantConfigInput } from '../../src/shared/contract/index.js';

/** A fresh deep copy of the demo practice file, to edit in a test. */
export function demoTenant(): TenantConfigInput & Record<string, unknown> {
  return JSON.parse(readFileSync(PATHS.demoPractice, 'utf8')) as TenantConfigInput & Record<string, unknown>;
}
