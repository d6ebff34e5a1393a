import type { BookingPolicy } from '../../../../shared/contract/index.js';
import { MINUTE_MS, addDays, localDateOf } from './local-time.js';

/** The bookable window at `now`: starts from `earliestStart`, on local dates up to `lastDate`. */
export interface BookingWindow {
  earliestStart: number;
  today: string;
  lastDate: string;
}

export function bookingWindow(policy: BookingPolicy, zone: string, now: number): BookingWindow {
  const today = localDateOf(now, zone);
  return {
    earliestStart: now + policy.minNoticeMinutes * MINUTE_MS,
    today,
    lastDate: addDays(today, policy.maxAdvanceDays),
  };
}
