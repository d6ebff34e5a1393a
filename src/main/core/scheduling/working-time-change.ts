import { DateTime } from 'luxon';
import type { Provider, TenantConfig } from '../../../shared/contract/index.js';
import { localDateOf } from '../../../shared/lib/time.js';
import { ScheduleRules, sayDate, sayTime, type TimeSpan } from './engine/index.js';

/** The part of a booking that must sit inside its provider's working time (buffers may spill over, as when it was booked). */
type Visit = { providerId: string; start: number; end: number };

/**
 * Why an edited practice file leaves this visit outside its provider's working time when the
 * file it replaces did not ("Dr. Emily Lee's new hours on Mondays end at 1:00 PM"), or null when
 * the change does not touch it (or it was outside already: a staff override stays the owner's call).
 * Working time is the availability engine's: closures, special hours, the provider's or the
 * practice's week, then time off, so a visit is stranded exactly when the engine would refuse it.
 */
export function workingTimeLost(current: TenantConfig, next: TenantConfig, visit: Visit, now: number): string | null {
  if (!fitsWorkingTime(current, visit) || fitsWorkingTime(next, visit)) return null;
  const provider = next.providers.find((p) => p.id === visit.providerId);
  return provider ? whyOutside(next, provider, visit, now) : null;
}

function fitsWorkingTime(tenant: TenantConfig, visit: Visit, ignoreTimeOff = false): boolean {
  const found = tenant.providers.find((p) => p.id === visit.providerId);
  if (!found) return false;
  const provider = ignoreTimeOff ? { ...found, timeOff: [] } : found;
  const date = localDateOf(visit.start, tenant.timezone);
  return new ScheduleRules(tenant, date, date).openSpans(provider, date).some((span) => inside(span, visit));
}

const inside = (span: TimeSpan, visit: Visit) => span.start <= visit.start && visit.end <= span.end;

/** Names what in `tenant` keeps the visit out: time off, or the hours that now apply to its day. */
function whyOutside(tenant: TenantConfig, provider: Provider, visit: Visit, now: number): string {
  const date = localDateOf(visit.start, tenant.timezone);
  if (fitsWorkingTime(tenant, visit, true)) {
    // The hours still hold it, so time off is what covers it.
    const calendar = new ScheduleRules(tenant, date, date).calendar;
    const off = provider.timeOff.find((t) => calendar.localDateTimeInstant(t.from) < visit.end && visit.start < calendar.localDateTimeInstant(t.to));
    return `${provider.name} would be off then${off?.reason ? ` (${off.reason})` : ''}`;
  }
  const rules = new ScheduleRules(tenant, date, date);
  const spans = rules.openSpans({ ...provider, timeOff: [] }, date);
  const { source } = rules.hoursOn(provider, rules.calendar.day(date));
  // The sentence is English throughout, so the weekday is too.
  const weekdays = `${DateTime.fromISO(date).setLocale('en').toFormat('cccc')}s`;
  const whose =
    source.kind === 'special'
      ? `the special hours on ${sayDate(date, tenant, now)}${source.reason ? ` (${source.reason})` : ''}`
      : source.kind === 'provider'
        ? `${provider.name}'s new hours on ${weekdays}`
        : `the practice's new hours on ${weekdays}`;
  if (spans.length === 0) {
    return source.kind === 'special' ? `${whose} leave ${provider.name} no time that day` : `${provider.name} would no longer work on ${weekdays}`;
  }
  const startsIn = spans.find((s) => s.start <= visit.start && visit.start < s.end);
  if (startsIn) return `${whose} end at ${sayTime(startsIn.end, tenant)}`;
  const endsIn = spans.find((s) => s.start < visit.end && visit.end <= s.end);
  if (endsIn) return `${whose} start at ${sayTime(endsIn.start, tenant)}`;
  return `${whose} are ${spans.map((s) => `${sayTime(s.start, tenant)} to ${sayTime(s.end, tenant)}`).join(' and ')}`;
}
