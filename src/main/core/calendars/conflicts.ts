import type { TenantConfig } from '../../../shared/contract/index.js';
import { localDateOf } from '../../../shared/lib/time.js';
import { sayDate, sayTime, type BookingRecord } from '../scheduling/index.js';
import { bookingIdFromEventId } from './event-ids.js';
import type { CalendarConnectionRecord, EventLink, ExternalEvent, SyncPage } from './ports.js';

export interface Conflict {
  bookingId: string;
  /** overlap: someone else's event; moved / deleted: the booking's own event was changed outside. */
  kind: 'overlap' | 'moved' | 'deleted';
  reason: string;
}

/**
 * What an outside change in a calendar did to Frontdesk's bookings: an event added (or moved)
 * over a confirmed booking, or the booking's own event moved or deleted outside. Only changes
 * since the last sync count, so a booking staff approved again is not flagged a second time.
 */
export function detectConflicts(input: {
  tenant: TenantConfig;
  now: number;
  connection: CalendarConnectionRecord;
  before: ReadonlyMap<string, ExternalEvent>;
  page: SyncPage;
  /** Confirmed bookings of the connection's provider in the synced window. */
  confirmed: readonly BookingRecord[];
  /** The events Frontdesk wrote to this connection, by booking. */
  links: ReadonlyMap<string, EventLink>;
  /** Whether Frontdesk still has a change of this booking on its way to this calendar. */
  inFlight: (bookingId: string) => boolean;
  window: { from: number; to: number };
}): Conflict[] {
  const { tenant, connection, before, page, links } = input;
  const at = (t: number) => `${sayTime(t, tenant)} on ${sayDate(localDateOf(t, tenant.timezone), tenant, input.now)}`;
  const conflicts = new Map<string, Omit<Conflict, 'bookingId'>>();
  const confirmed = new Map(input.confirmed.map((b) => [b.id, b]));
  const ours = (bookingId: string) => confirmed.has(bookingId) && links.has(bookingId) && !input.inFlight(bookingId);

  for (const event of page.events) {
    const previous = before.get(event.uid);
    const changed = !previous || previous.start !== event.start || previous.end !== event.end || previous.busy !== event.busy;
    if (!changed) continue;
    if (event.bookingId) {
      const link = links.get(event.bookingId);
      if (link && ours(event.bookingId) && (link.start !== event.start || link.end !== event.end)) {
        conflicts.set(event.bookingId, { kind: 'moved', reason: `its event in ${connection.label} was moved to ${at(event.start)} outside Frontdesk` });
      }
      continue;
    }
    if (!connection.countsAsBusy || !event.busy) continue;
    for (const booking of input.confirmed) {
      if (booking.start < event.end && event.start < booking.end && !conflicts.has(booking.id)) {
        const what = event.summary ? `"${event.summary}"` : 'An event';
        conflicts.set(booking.id, { kind: 'overlap', reason: `${what} was added to ${connection.label} at ${at(event.start)}, over this booking` });
      }
    }
  }

  const gone = new Set<string>();
  if (page.full) {
    const present = new Set(page.events.map((e) => e.bookingId).filter((id): id is string => id !== null));
    for (const [bookingId, link] of links) {
      if (!present.has(bookingId) && link.start < input.window.to && link.end > input.window.from) gone.add(bookingId);
    }
  } else {
    for (const uid of page.removed) {
      const bookingId = before.get(uid)?.bookingId ?? bookingIdFromEventId(uid);
      if (bookingId) gone.add(bookingId);
    }
  }
  for (const bookingId of gone) {
    if (ours(bookingId)) conflicts.set(bookingId, { kind: 'deleted', reason: `its event in ${connection.label} was deleted outside Frontdesk` });
  }
  return [...conflicts].map(([bookingId, conflict]) => ({ bookingId, ...conflict }));
}
