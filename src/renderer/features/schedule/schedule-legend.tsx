import { BOOKING_STATUS_LABELS } from '../../components/booking-status.js';
import { SCHEDULE_STATUSES } from './schedule-layout.js';

/** What each look means; the blocks also carry the status word for screen readers. */
export function ScheduleLegend() {
  return (
    <ul className="schedule-legend" aria-label="Legend">
      {SCHEDULE_STATUSES.map((status) => (
        <li key={status} title={BOOKING_STATUS_LABELS[status].meaning}>
          <span className={`legend-swatch booking-block status-${status}`} aria-hidden="true" />
          {BOOKING_STATUS_LABELS[status].label}
        </li>
      ))}
      <li>
        <span className="legend-swatch schedule-closed" aria-hidden="true" />
        Closed
      </li>
      <li>
        <span className="legend-swatch schedule-time-off" aria-hidden="true" />
        Time off
      </li>
    </ul>
  );
}
