import type { BookingDto, VisitOutcome } from '../../../shared/contract/scheduling.js';
import { localDateOfIso } from '../../components/wall-clock.js';

export interface VisitAction {
  outcome: VisitOutcome;
  /** The button's word: short enough for a schedule block. */
  label: string;
  /** What the notice says after it is done. */
  done: string;
  /** Takes back this outcome (a mistaken click) instead of recording it. */
  undo?: true;
  /** How a person names the outcome inside a sentence ("no-show"). */
  name: string;
}

const ACTIONS: Record<VisitOutcome, VisitAction> = {
  arrived: { outcome: 'arrived', label: 'Arrived', done: 'Marked as arrived', name: 'arrived' },
  completed: { outcome: 'completed', label: 'Completed', done: 'Marked completed', name: 'completed' },
  no_show: { outcome: 'no_show', label: 'No-show', done: 'Marked as a no-show', name: 'no-show' },
};

const UNDO: Record<VisitOutcome, VisitAction> = {
  arrived: { outcome: 'arrived', label: 'Undo', done: 'Arrived undone', undo: true, name: 'arrived' },
  completed: { outcome: 'completed', label: 'Undo', done: 'Completed undone', undo: true, name: 'completed' },
  no_show: { outcome: 'no_show', label: 'Undo', done: 'No-show undone', undo: true, name: 'no-show' },
};

/** Taking back the last one-click outcome, for a mistaken click: any visit marked arrived, completed or a no-show. */
export function undoAction(booking: Pick<BookingDto, 'status'>): VisitAction | null {
  const { status } = booking;
  return status === 'arrived' || status === 'completed' || status === 'no_show' ? UNDO[status] : null;
}

/** "Undo no-show for Rita Levi, 3:00 – 3:30 PM" / "Completed: Rita Levi, 3:00 – 3:30 PM": each button's full name. */
export function visitActionName(action: VisitAction, who: string, when: string): string {
  return action.undo ? `Undo ${action.name} for ${who}, ${when}` : `${action.label}: ${who}, ${when}`;
}

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

/**
 * The one-click buttons a schedule block carries: the next step, "No-show" once the visit is due,
 * and on today's visits "Undo" for the last outcome (a mistaken click is taken back where it was made).
 */
export function quickVisitActions(booking: Pick<BookingDto, 'status' | 'start'>, today: string | null, now: number | null): VisitAction[] {
  const all = visitActions(booking, today, now);
  const steps = booking.status === 'confirmed' && all.some((a) => a.outcome === 'arrived') ? all.filter((a) => a.outcome !== 'completed') : all;
  const undo = undoAction(booking);
  return undo && today !== null && localDateOfIso(booking.start) === today ? [...steps, undo] : steps;
}
