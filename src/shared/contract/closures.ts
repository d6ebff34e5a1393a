import { z } from 'zod';
import { bookingSchema } from './scheduling.js';

/**
 * What happens to the upcoming appointments a settings change strands (on a day it closes, or
 * outside their provider's new working time): keep them (only new bookings follow the change),
 * cancel them (each patient is texted the practice's "Booking cancelled" wording, which invites
 * them to book again), or send them to review to move.
 */
export const CLOSED_DAY_CHOICES = ['keep', 'cancel', 'review'] as const;
export type ClosedDayChoice = (typeof CLOSED_DAY_CHOICES)[number];

/** An upcoming appointment a settings change would strand, and why in the owner's words. */
export const strandedBookingSchema = bookingSchema.extend({
  /** "the practice would be closed that day", "Dr. Emily Lee's new hours on Mondays end at 1:00 PM". */
  why: z.string(),
  /** True when the day itself closes (a closure, or special hours with none); false when the hours or time off leave it out. */
  closedDay: z.boolean(),
});
export type StrandedBookingDto = z.infer<typeof strandedBookingSchema>;

export const closureCommands = {
  /**
   * The upcoming appointments this edited practice file would strand: on days it newly closes,
   * or outside their provider's new working time (weekly hours, special hours, time off).
   */
  'tenants/closure-impact': {
    input: z.object({ tenantId: z.string().min(1), config: z.unknown() }).strict(),
    output: z.array(strandedBookingSchema),
  },
} as const;
