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

/** The history action an undo records ("arrived undone"), so a second click can tell it was already taken back. */
export const undoneAction = (outcome: VisitOutcome): string => `${outcome} undone`;

const OUTCOMES: readonly BookingStatus[] = ['arrived', 'completed', 'no_show'];

/**
 * What taking back `outcome` returns the visit to: the status it had before that click, read from
 * its history (completed after arrived goes back to arrived; a second undo then to confirmed).
 * `done` when that click was already taken back (a second desk, a double click); otherwise the
 * refusal in the front desk's words.
 */
export function undoOutcomeTarget(
  booking: { status: BookingStatus },
  outcome: VisitOutcome,
  history: readonly { action: string; fromStatus: BookingStatus | null; toStatus: BookingStatus | null }[],
): { to: BookingStatus } | { done: true } | { refusal: string } {
  if (booking.status !== outcome) {
    const last = history.at(-1);
    if (last?.action === undoneAction(outcome) && last.toStatus === booking.status) return { done: true };
    return { refusal: `This visit is ${NOW_IS[booking.status] ?? booking.status}, not ${DONE[outcome]}, so there is nothing to undo.` };
  }
  // Outcomes only move forward, so the latest entry that reached this status is the click being undone.
  const click = [...history].reverse().find((h) => h.toStatus === outcome && OUTCOMES.includes(h.action as BookingStatus));
  const to = click?.fromStatus;
  if (!to || (to !== 'confirmed' && to !== 'arrived')) return { refusal: `This visit was not ${DONE[outcome]} from the schedule, so it cannot be undone here.` };
  return { to };
}

const NOW_IS: Partial<Record<BookingStatus, string>> = {
  confirmed: 'confirmed',
  arrived: 'marked as arrived',
  completed: 'marked completed',
  no_show: 'marked a no-show',
  cancelled: 'cancelled',
  pending_review: 'waiting for review',
};
