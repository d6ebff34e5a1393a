import { DateTime } from 'luxon';
import type { TenantConfig } from '../../../../shared/contract/index.js';

// Some ICU versions put a narrow no-break space before "PM"; speech and SMS want a plain one.
const ODD_SPACES = /[\u202f\u00a0]/g;

/** "7:00 PM" in the tenant's zone and locale. */
export function sayTime(instant: number, tenant: TenantConfig): string {
  return DateTime.fromMillis(instant, { zone: tenant.timezone })
    .setLocale(tenant.locale)
    .toLocaleString(DateTime.TIME_SIMPLE)
    .replace(ODD_SPACES, ' ');
}

/** "Tuesday, November 24" for a local date; the year is added when it is not the year of `now`. */
export function sayDate(date: string, tenant: TenantConfig, now: number): string {
  const day = DateTime.fromISO(date, { zone: tenant.timezone }).setLocale(tenant.locale);
  const sameYear = day.year === DateTime.fromMillis(now, { zone: tenant.timezone }).year;
  return day
    .toLocaleString(sameYear ? { weekday: 'long', month: 'long', day: 'numeric' } : { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' })
    .replace(ODD_SPACES, ' ');
}

/** "2 hours", "90 minutes", "1 day". */
export function sayMinutes(minutes: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (minutes > 0 && minutes % 1440 === 0) return unit(minutes / 1440, 'day');
  if (minutes > 0 && minutes % 60 === 0) return unit(minutes / 60, 'hour');
  return unit(minutes, 'minute');
}
