import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { tenantConfigSchema } from '../../shared/contract/index.js';

/** Writes the JSON Schema of the tenant file (for editors and integrators) from the zod schema. */
export function tenantJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(tenantConfigSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
    $id: 'https://frontdesk.app/schemas/tenant.schema.json',
    title: 'Frontdesk practice (tenant) file',
    description: 'One practice: hours, services, providers and policies. Times are wall-clock in `timezone`.',
  };
}

const target = process.argv[2];
if (target) writeFileSync(target, `${JSON.stringify(tenantJsonSchema(), null, 2)}\n`);
