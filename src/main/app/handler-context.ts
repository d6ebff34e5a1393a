import type { TenantService } from '../core/tenants/index.js';
import { visiblePractices } from './access-policy.js';
import type { CommandContext } from './app-types.js';

/**
 * Whose name a decision is recorded under: the signed-in person's, always. A typed `staffName`
 * counts only where nobody signs in (scripts acting as the appliance, the open single-PC desk).
 */
export function actorOf(context: CommandContext, staffName?: string): string {
  if (context.principal?.staffId) return context.principal.name;
  return staffName ?? context.actor;
}

/** The practices a list spans: the one asked for, or every practice this person may see. */
export function practicesFor(context: CommandContext, tenants: TenantService, tenantId: string | undefined): string[] {
  if (tenantId !== undefined) {
    tenants.get(tenantId);
    return [tenantId];
  }
  return visiblePractices(context.principal ?? null, tenants.list().map((t) => t.id));
}
