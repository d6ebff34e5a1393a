import type { TenantConfig } from '../../../../shared/contract/index.js';
import { weekdayKeyOf } from '../../../../shared/lib/civil-date.js';

/** Why the practice is closed on a day: a closure (with its reason), holiday hours of none, or its weekly hours. */
export type ClosedDay = { closed: true; reason: string | null } | { closed: false };

export function closedOn(tenant: TenantConfig, date: string): ClosedDay {
  const closure = tenant.closures.find((c) => ('date' in c ? c.date === date : c.from <= date && date <= c.to));
  if (closure) return { closed: true, reason: closure.reason ?? null };
  const special = tenant.specialHours.find((s) => s.date === date);
  if (special) return special.hours.length === 0 ? { closed: true, reason: special.reason ?? null } : { closed: false };
  return tenant.hours[weekdayKeyOf(date)].length === 0 ? { closed: true, reason: null } : { closed: false };
}
