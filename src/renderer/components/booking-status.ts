import type { BookingStatus } from '../../shared/contract/scheduling.js';

/** The status pill tones (kept here so this table stays free of JSX for plain-TS consumers). */
type Tone = 'ok' | 'warn' | 'bad' | 'neutral' | 'info';

/** How each booking status reads to staff; the word carries the meaning, the tone only echoes it. */
export const BOOKING_STATUS_LABELS: Record<BookingStatus, { label: string; tone: Tone; meaning: string }> = {
  confirmed: { label: 'Confirmed', tone: 'ok', meaning: 'Booked and confirmed' },
  pending_review: { label: 'Waiting for review', tone: 'warn', meaning: 'Booked by phone; staff must approve it' },
  held: { label: 'On hold', tone: 'info', meaning: 'Held for a caller who is still deciding' },
  arrived: { label: 'Arrived', tone: 'ok', meaning: 'The patient is here, waiting or being seen' },
  completed: { label: 'Completed', tone: 'neutral', meaning: 'The visit took place' },
  no_show: { label: 'No-show', tone: 'bad', meaning: 'The customer did not come' },
  cancelled: { label: 'Cancelled', tone: 'neutral', meaning: 'Cancelled; the time is free again' },
  expired: { label: 'Hold expired', tone: 'neutral', meaning: 'A hold the caller never confirmed' },
};
