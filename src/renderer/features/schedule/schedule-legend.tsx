import { BOOKING_STATUS_LABELS } from '../../components/booking-status.js';
import { SCHEDULE_STATUSES } from './schedule-layout.js';

/** What each look means; the blocks also carry the status word for screen readers. */
export function ScheduleLegend({ providers = [] }: { providers?: readonly { name: string; tone: number }[] }) {
  return (
    <ul className="schedule-legend" aria-label="Legend">
      {SCHEDULE_STATUSES.map((status) => (
        <li key={status} title={BOOKING_STATUS_LABELS[status].meaning}>
          <span className={`legend-swatch booking-block status-${status}`} aria-hidden="true" />
          {BOOKING_STATUS_LABELS[status].label}
        </li>
      ))}
      {providers.map((provider) => (
        <li key={provider.name}>
          <span className={`legend-swatch legend-provider provider-tone-${provider.tone}`} aria-hidden="true" />
          {provider.name}
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
