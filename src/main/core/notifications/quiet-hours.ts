import { DateTime } from 'luxon';
import type { TenantConfig } from '../../../shared/contract/index.js';

/**
 * True while the practice's quiet hours hold, read on its wall clock (so a DST change moves them
 * with the clocks). `from > to` wraps midnight: 21:00–08:00 is quiet at 23:30 and at 07:59.
 */
export function inQuietHours(tenant: TenantConfig, instant: number): boolean {
  const { from, to } = tenant.texts.quietHours;
  const local = DateTime.fromMillis(instant, { zone: tenant.timezone }).toFormat('HH:mm');
  return from < to ? local >= from && local < to : local >= from || local < to;
}
