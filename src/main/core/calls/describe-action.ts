import { DateTime } from 'luxon';
import type { TenantConfig } from '../../../shared/contract/index.js';

/** Keys that name things only the software needs (ids, keys): never shown to staff. */
const HIDDEN = /(^|[a-z])(Id|Ids|Key|Token)$|^id$|^callSid$/;

/**
 * What an action was asked to do, in the desk's words: "Teeth cleaning · Maria Gomez, RDH ·
 * Tue, Nov 24, 9:00 AM · Ann Lee". Services and providers by name, times in the practice's own
 * format, ids and structures left out (the raw record stays in the database for audits).
 */
export function describeActionArgs(args: unknown, tenant: TenantConfig): string {
  if (args === null || typeof args !== 'object') return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(args as Record<string, unknown>)) {
    if (value === null || value === undefined || value === '' || typeof value === 'object') continue;
    if (key === 'serviceId') parts.push(tenant.services.find((s) => s.id === value)?.name ?? 'a service no longer offered');
    else if (key === 'providerId') parts.push(tenant.providers.find((p) => p.id === value)?.name ?? 'a provider no longer here');
    else if (HIDDEN.test(key)) continue;
    else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) parts.push(localTime(value, tenant));
    else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) parts.push(localDay(value, tenant));
    else if (typeof value === 'boolean') continue;
    else if (typeof value === 'number' && value > 1e11) parts.push(localTime(new Date(value).toISOString(), tenant));
    else parts.push(String(value));
  }
  return parts.join(' · ');
}

function localTime(iso: string, tenant: TenantConfig): string {
  const at = DateTime.fromISO(iso, { zone: tenant.timezone, setZone: /[zZ]|[+-]\d{2}:?\d{2}$/.test(iso) }).setZone(tenant.timezone);
  return at.isValid ? at.setLocale(tenant.locale).toLocaleString({ weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }) : iso;
}

function localDay(date: string, tenant: TenantConfig): string {
  const at = DateTime.fromISO(date, { zone: tenant.timezone });
  return at.isValid ? at.setLocale(tenant.locale).toLocaleString({ weekday: 'short', month: 'short', day: 'numeric' }) : date;
}
