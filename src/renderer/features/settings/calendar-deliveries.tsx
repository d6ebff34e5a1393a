import type { CalendarDeliveryDto } from '../../../shared/contract/index.js';
import { StatusPill } from '../../components/status-pill.js';
import { formatDayTime } from '../../components/wall-clock.js';
import { deliveryState } from './calendar-delivery-state.js';

/**
 * The calendar outbox in people's words: bookings whose event has not reached a calendar yet
 * (the calendar is down, refused the sign-in, or refused the event). Empty means all delivered.
 */
export function CalendarDeliveries({ deliveries }: { deliveries: readonly CalendarDeliveryDto[] }) {
  return (
    <section className="calendar-deliveries" aria-label="Waiting to reach the calendars">
      <h3>Waiting to reach the calendars</h3>
      {deliveries.length === 0 ? (
        <p className="muted">Every booking is in its calendar.</p>
      ) : (
        <ol className="history-list">
          {deliveries.map((d) => {
            const state = deliveryState(d);
            return (
              <li key={d.seq} className="history-entry calendar-delivery">
                <span className="history-when">{d.appointmentAt ? formatDayTime(d.appointmentAt) : 'Appointment removed'}</span>
                <span className="history-what">
                  <strong>{d.what}</strong> {d.change === 'write' ? `to be written to ${d.calendar}` : `to be removed from ${d.calendar}`} <StatusPill tone={state.tone}>{state.label}</StatusPill>
                </span>
                {state.detail ? <span className="history-details muted">{state.detail}</span> : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
