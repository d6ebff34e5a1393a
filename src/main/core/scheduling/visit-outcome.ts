import { DateTime } from 'luxon';
import type { BookingStatus, VisitOutcome } from '../../../shared/contract/index.js';
import { localDateOf } from '../../../shared/lib/time.js';

/** The statuses each one-click outcome may follow, as a front desk runs a day. */
const FROM: Record<VisitOutcome, readonly BookingStatus[]> = {
  // In the waiting room: only a confirmed visit, on its own day.
  arrived: ['confirmed'],
  // Seen: they arrived, or (arrival not recorded) the visit has started.
  completed: ['confirmed', 'arrived'],
  // Did not come: a patient marked arrived did come.
  no_show: ['confirmed'],
};

const DONE: Record<VisitOutcome, string> = { arrived: 'marked as arrived', completed: 'marked completed', no_show: 'marked a no-show' };

const NOT_FROM: Partial<Record<BookingStatus, string>> = {
  held: 'is only on hold while a caller decides',
  pending_review: 'is still waiting for review; approve it first',
  cancelled: 'was cancelled',
  expired: 'is a hold that expired',
  completed: 'is already completed',
  no_show: 'is already marked a no-show',
  arrived: 'is marked as arrived; the patient came',
};

/**
 * Why the front desk may not record this outcome now, in their words, or null when it may. A
 * visit is marked arrived only on its own day (the practice's day, not the PC's); completed and
 * no-show once it has started, or (completed) once the patient arrived.
 */
export function visitOutcomeRefusal(
  booking: { status: BookingStatus; start: number },
  outcome: VisitOutcome,
  now: number,
  zone: string,
): string | null {
  if (!FROM[outcome].includes(booking.status)) {
    return `This visit ${NOT_FROM[booking.status] ?? `is ${booking.status}`}, so it cannot be ${DONE[outcome]}.`;
  }
  const visitDay = localDateOf(booking.start, zone);
  const today = localDateOf(now, zone);
  const day = DateTime.fromMillis(booking.start, { zone }).toFormat('cccc, LLLL d');
  if (outcome === 'arrived') {
    if (visitDay > today) return `This visit is on ${day}. A patient can be marked as arrived on the day of their visit.`;
    if (visitDay < today) return `This visit was on ${day}. Mark it completed or a no-show instead.`;
    return null;
  }
  if (booking.status === 'confirmed' && booking.start > now) {
    return visitDay === today ? 'This appointment has not started yet. Mark the patient as arrived when they come in.' : `This appointment has not started yet (it is on ${day}).`;
  }
  return null;
}
