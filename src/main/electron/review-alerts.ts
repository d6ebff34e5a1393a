import type { AnyEvent } from '../../shared/contract/index.js';

export interface ReviewAlert {
  title: string;
  body: string;
}

/**
 * Decides when the desk gets a native notification about the review queue: only when a
 * practice's waiting count goes up (a new item), never when staff clear items, and never for the
 * counts that arrive when the app starts.
 */
export function createReviewAlerts(practiceName: (tenantId: string) => string | null) {
  const lastPending = new Map<string, number>();
  return (event: AnyEvent): ReviewAlert | null => {
    if (event.name !== 'review/changed') return null;
    const { tenantId, pending } = event.payload;
    const before = lastPending.get(tenantId);
    lastPending.set(tenantId, pending);
    if (before === undefined || pending <= before) return null;
    const name = practiceName(tenantId) ?? 'A practice';
    return {
      title: pending === 1 ? 'A booking needs review' : `${pending} bookings need review`,
      body: `${name}: the receptionist was unsure of a booking. Open Review to approve, change or reject it.`,
    };
  };
}
