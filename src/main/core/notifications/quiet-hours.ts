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

/** When an unsolicited text may go out: now, or the end of tonight's quiet hours. */
export function quietHoursEnd(tenant: TenantConfig, instant: number): number {
  if (!inQuietHours(tenant, instant)) return instant;
  const [hour, minute] = tenant.texts.quietHours.to.split(':').map(Number) as [number, number];
  const local = DateTime.fromMillis(instant, { zone: tenant.timezone });
  let end = local.set({ hour, minute, second: 0, millisecond: 0 });
  if (end.toMillis() <= instant) end = end.plus({ days: 1 });
  return end.toMillis();
}
