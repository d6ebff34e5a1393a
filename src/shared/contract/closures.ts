import { z } from 'zod';
import { bookingSchema } from './scheduling.js';

/**
 * What happens to the upcoming appointments on a day a settings change closes: keep them (the
 * day is closed to new bookings only), cancel them (each patient is texted the practice's
 * "Booking cancelled" wording, which invites them to book again), or send them to review to move.
 */
export const CLOSED_DAY_CHOICES = ['keep', 'cancel', 'review'] as const;
export type ClosedDayChoice = (typeof CLOSED_DAY_CHOICES)[number];

export const closureCommands = {
  /** The upcoming appointments on days this edited practice file would newly close. */
  'tenants/closure-impact': {
    input: z.object({ tenantId: z.string().min(1), config: z.unknown() }).strict(),
    output: z.array(bookingSchema),
  },
} as const;
