import type { BookingStatus } from '../../../shared/contract/scheduling.js';
import { BOOKING_STATUS_LABELS } from '../../components/booking-status.js';

export interface HistoryEntry {
  at: string;
  actor: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  details: Record<string, unknown>;
}

/** "Created", "Review approved": the recorded action as a sentence start. */
export function historyActionLabel(action: string): string {
  const words = action.replace(/[/_-]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Changed';
}

export function statusLabel(status: string | null): string | null {
  if (!status) return null;
  return status in BOOKING_STATUS_LABELS ? BOOKING_STATUS_LABELS[status as BookingStatus].label : status;
}

/** "Waiting for review → Confirmed", or just the new status, or null when the status did not move. */
export function historyStatusChange(entry: Pick<HistoryEntry, 'fromStatus' | 'toStatus'>): string | null {
  const from = statusLabel(entry.fromStatus);
  const to = statusLabel(entry.toStatus);
  if (from && to && from !== to) return `${from} → ${to}`;
  if (!from && to) return to;
  return null;
}

/** The details worth a glance ("reason: …", "staffName: …"), scalar values only. */
export function historyDetails(details: Record<string, unknown>): string[] {
  return Object.entries(details)
    .filter(([, value]) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    .map(([key, value]) => `${humanKey(key)}: ${String(value)}`);
}

function humanKey(key: string): string {
  // The appliance already sends labels people read ("Moved to"); only old entries need spacing.
  if (/\s/.test(key) || /^[A-Z]/.test(key)) return key;
  const spaced = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return spaced[0]?.toUpperCase() + spaced.slice(1);
}
