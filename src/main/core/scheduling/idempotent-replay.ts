import { ContractError } from '../../../shared/contract/index.js';
import type { BookRequest } from './booking-service.js';
import type { BookingRecord } from './ports.js';

/**
 * A create repeated with the idempotency key of an earlier one: the same slot is a retry and gets
 * the earlier booking back; another slot is a mistake (a key reused for a new booking), and
 * answering it with the old booking would tell the caller a booking exists that they never asked for.
 */
export function replayOf(earlier: BookingRecord | null, request: BookRequest): BookingRecord | null {
  if (!earlier) return null;
  const same = earlier.serviceId === request.serviceId && earlier.providerId === request.providerId && earlier.start === request.start;
  if (same) return earlier;
  throw new ContractError(
    'conflict',
    `The idempotency key "${request.idempotencyKey ?? ''}" was already used for another booking (${earlier.id}); use a new key for a new booking.`,
  );
}
