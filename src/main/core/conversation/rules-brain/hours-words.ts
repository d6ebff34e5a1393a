import { WEEKDAYS, type DayHours, type TenantConfig, type Weekday } from '../../../../shared/contract/index.js';
import { addLocalDays, dayLabel, listWords, localDate } from './words.js';

const DAY_NAMES: Record<Weekday, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

function parts(hhmm: string): { h: number; m: number } {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return { h, m };
}

/** "8 AM", "5:30 PM", "noon", "midnight". */
function clock(hhmm: string): string {
  const { h, m } = parts(hhmm);
  if (m === 0 && h === 12) return 'noon';
  if (m === 0 && (h === 0 || h === 24)) return 'midnight';
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${hour12}${m ? `:${String(m).padStart(2, '0')}` : ''} ${h < 12 || h === 24 ? 'AM' : 'PM'}`;
}

/** "12", "12:30": a break is said without AM/PM, as people do ("from 12 to 1"). */
function bareClock(hhmm: string): string {
  const { h, m } = parts(hhmm);
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${hour12}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

/** One day's hours: "8 AM to 5 PM with a lunch break from 12 to 1". */
function dayWords(hours: DayHours): string {
  const [first, second] = hours;
  if (first && second && hours.length === 2) {
    const breakStart = parts(first[1]).h;
    const kind = breakStart >= 11 && breakStart <= 14 ? 'a lunch break' : 'a break';
    return `${clock(first[0])} to ${clock(second[1])} with ${kind} from ${bareClock(first[1])} to ${bareClock(second[0])}`;
  }
  return listWords(
    hours.map(([from, to]) => `${clock(from)} to ${clock(to)}`),
    'and',
  );
}

function daySpan(days: Weekday[]): string {
  const first = DAY_NAMES[days[0] ?? 'mon'];
  const last = DAY_NAMES[days[days.length - 1] ?? 'mon'];
  if (days.length === 1) return first;
  return days.length === 2 ? `${first} and ${last}` : `${first} to ${last}`;
}

function closedWords(closed: Weekday[]): string {
  if (closed.length === 2 && closed.includes('sat') && closed.includes('sun')) return "We're closed on weekends.";
  return `We're closed on ${listWords(
    closed.map((d) => DAY_NAMES[d]),
    'and',
  )}.`;
}

/**
 * The week's hours the way a receptionist says them ("We're open Monday to Wednesday 8 AM to
 * 5 PM with a lunch break from 12 to 1, …"), then anything unusual today or tomorrow, which is
 * what a caller asking about hours usually needs to know.
 */
export function hoursSentences(tenant: TenantConfig, now: number): string[] {
  const groups: { days: Weekday[]; hours: DayHours }[] = [];
  for (const day of WEEKDAYS) {
    const hours = tenant.hours[day];
    const last = groups[groups.length - 1];
    if (last && JSON.stringify(last.hours) === JSON.stringify(hours)) last.days.push(day);
    else groups.push({ days: [day], hours });
  }
  const open = groups.filter((g) => g.hours.length > 0);
  const closed = groups.filter((g) => g.hours.length === 0).flatMap((g) => g.days);
  const sentences: string[] = [];
  if (open.length === 0) sentences.push("We don't have regular opening hours set up.");
  else {
    const days = open.map((g) => `${daySpan(g.days)} ${dayWords(g.hours)}`);
    const [first, second] = days;
    // Two groups where the first already lists times with commas need the comma before "and" too.
    const joined = days.length === 2 && first && second && first.includes(',') ? `${first}, and ${second}` : listWords(days, 'and');
    sentences.push(`We're open ${joined}.`);
  }
  if (closed.length > 0 && open.length > 0) sentences.push(closedWords(closed));

  const today = localDate(now, tenant);
  for (const date of [today, addLocalDays(today, 1)]) {
    const when = dayLabel(date, tenant, now);
    const closure = tenant.closures.find((c) => ('date' in c ? c.date === date : c.from <= date && date <= c.to));
    if (closure) {
      sentences.push(`Please note we're closed ${when}${closure.reason ? ` for ${closure.reason}` : ''}.`);
      continue;
    }
    const special = tenant.specialHours.find((s) => s.date === date);
    if (!special) continue;
    const reason = special.reason ?? null;
    sentences.push(
      special.hours.length === 0
        ? `Please note we're closed ${when}${reason ? ` for ${reason}` : ''}.`
        : `Please note that ${when}${reason ? `, ${reason},` : ''} we're open ${dayWords(special.hours)}.`,
    );
  }
  return sentences;
}
