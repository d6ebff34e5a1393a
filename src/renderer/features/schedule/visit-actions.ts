import type { BookingDto, VisitOutcome } from '../../../shared/contract/scheduling.js';
import { localDateOfIso } from '../../components/wall-clock.js';

export interface VisitAction {
  outcome: VisitOutcome;
  /** The button's word: short enough for a schedule block. */
  label: string;
  /** What the notice says after it is done. */
  done: string;
}

const ACTIONS: Record<VisitOutcome, VisitAction> = {
  arrived: { outcome: 'arrived', label: 'Arrived', done: 'Marked as arrived' },
  completed: { outcome: 'completed', label: 'Completed', done: 'Marked completed' },
  no_show: { outcome: 'no_show', label: 'No-show', done: 'Marked as a no-show' },
};

/**
 * What the front desk may record about a visit now, by the appliance's own rules: arrived on the
 * visit's day, completed once it started or the patient arrived, no-show once it started and the
 * patient did not arrive. `today` is the practice's date; `now` the appliance's clock.
 */
export function visitActions(booking: Pick<BookingDto, 'status' | 'start'>, today: string | null, now: number | null): VisitAction[] {
  const started = now !== null && Date.parse(booking.start) <= now;
  if (booking.status === 'arrived') return [ACTIONS.completed];
  if (booking.status !== 'confirmed') return [];
  const actions: VisitAction[] = [];
  if (today !== null && localDateOfIso(booking.start) === today) actions.push(ACTIONS.arrived);
  if (started) actions.push(ACTIONS.completed, ACTIONS.no_show);
  return actions;
}

/** The one-click buttons a schedule block carries: the next step, and "No-show" once the visit is due. */
export function quickVisitActions(booking: Pick<BookingDto, 'status' | 'start'>, today: string | null, now: number | null): VisitAction[] {
  const all = visitActions(booking, today, now);
  return booking.status === 'confirmed' && all.some((a) => a.outcome === 'arrived') ? all.filter((a) => a.outcome !== 'completed') : all;
}
