import { DateTime } from 'luxon';

export { addDays, daysInMonth, dayOf, isoDate, isoWeekday, mondayOf, monthOf, yearOf } from '../../../../shared/lib/civil-date.js';

/** The practice's date at `now`: the one place understanding touches a time zone. */
export function localToday(zone: string, now: number): string {
  return DateTime.fromMillis(now, { zone }).toISODate() as string;
}
