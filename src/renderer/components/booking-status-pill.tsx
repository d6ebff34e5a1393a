import type { BookingStatus } from '../../shared/contract/scheduling.js';
import { BOOKING_STATUS_LABELS } from './booking-status.js';
import { StatusPill } from './status-pill.js';

export function BookingStatusPill({ status }: { status: BookingStatus }) {
  const { label, tone, meaning } = BOOKING_STATUS_LABELS[status];
  return (
    <StatusPill tone={tone} title={meaning}>
      {label}
    </StatusPill>
  );
}
