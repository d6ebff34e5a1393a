import { DateTime } from 'luxon';
import { WEEKDAYS, type DayHours, type TenantConfig, type Weekday } from '../../../../shared/contract/index.js';
import { sayDate } from '../../scheduling/index.js';

const DAY_NAMES: Record<Weekday, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

/** "8 AM", "12:30 PM", "noon" — clock times as a receptionist says them. */
export function sayClock(hhmm: string): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  if (h === 12 && m === 0) return 'noon';
  if ((h === 0 || h === 24) && m === 0) return 'midnight';
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${hour12}${m ? `:${String(m).padStart(2, '0')}` : ''} ${h < 12 ? 'AM' : 'PM'}`;
}

function sayDay(hours: DayHours): string {
  return hours.map(([from, to]) => `${sayClock(from)} to ${sayClock(to)}`).join(' and ');
}

/**
 * The practice's weekly hours as one or two spoken sentences, consecutive days with the same
 * hours grouped ("Monday to Wednesday, 8 AM to noon and 1 PM to 5 PM"), plus any closure or
 * special hours in the coming week, which is what a caller asking "are you open…" needs.
 */
export function formatHours(tenant: TenantConfig, now: number): string {
  const groups: { days: Weekday[]; hours: DayHours }[] = [];
  for (const day of WEEKDAYS) {
    const hours = tenant.hours[day];
    const last = groups.at(-1);
    if (last && JSON.stringify(last.hours) === JSON.stringify(hours)) last.days.push(day);
    else groups.push({ days: [day], hours });
  }
  const open = groups.filter((g) => g.hours.length > 0);
  const closed = groups.filter((g) => g.hours.length === 0).flatMap((g) => g.days);
  const span = (days: Weekday[]) => {
    const first = DAY_NAMES[days[0]!];
    const last = DAY_NAMES[days.at(-1)!];
    return days.length === 1 ? first : days.length === 2 ? `${first} and ${last}` : `${first} to ${last}`;
  };
  const parts = [`We're open ${open.map((g) => `${span(g.days)}, ${sayDay(g.hours)}`).join('; ')}.`];
  if (closed.length > 0) parts.push(`We're closed ${closed.length === 7 ? 'every day' : closed.map((d) => DAY_NAMES[d]).join(' and ')}.`);

  const today = DateTime.fromMillis(now, { zone: tenant.timezone }).startOf('day');
  for (let offset = 0; offset < 7; offset++) {
    const date = today.plus({ days: offset }).toISODate()!;
    const when = offset === 0 ? 'today' : offset === 1 ? 'tomorrow' : `on ${sayDate(date, tenant, now)}`;
    const closure = tenant.closures.find((c) => ('date' in c ? c.date === date : c.from <= date && date <= c.to));
    if (closure) {
      parts.push(`Please note we're closed ${when}${closure.reason ? ` for ${closure.reason}` : ''}.`);
      continue;
    }
    const special = tenant.specialHours.find((s) => s.date === date);
    if (special) parts.push(special.hours.length === 0 ? `Please note we're closed ${when}.` : `${capitalize(when)} we're open ${sayDay(special.hours)}.`);
  }
  return parts.join(' ');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
