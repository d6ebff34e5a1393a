import { DateTime } from 'luxon';
import type { TenantConfig } from '../../../../shared/contract/index.js';
import { sayDate, sayTime } from '../../scheduling/index.js';

/** "Tuesday, November 24 at 3:00 PM" — a start time as a caller should hear it. */
export function sayWhen(start: number, tenant: TenantConfig, now: number): string {
  const date = DateTime.fromMillis(start, { zone: tenant.timezone }).toISODate() ?? '';
  return `${sayDate(date, tenant, now)} at ${sayTime(start, tenant)}`;
}

export function providerName(tenant: TenantConfig, providerId: string): string {
  return tenant.providers.find((p) => p.id === providerId)?.name ?? providerId;
}

export function serviceName(tenant: TenantConfig, serviceId: string): string {
  return tenant.services.find((s) => s.id === serviceId)?.name ?? serviceId;
}
