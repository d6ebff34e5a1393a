import type { BookingStatus, Language, TenantConfig } from '../../../shared/contract/index.js';
import type { BusyInterval } from './engine/index.js';

export interface BookingRecord {
  tenantId: string;
  id: string;
  customerId: string | null;
  serviceId: string;
  providerId: string;
  start: number;
  end: number;
  blockedStart: number;
  blockedEnd: number;
  status: BookingStatus;
  holdExpiresAt: number | null;
  source: 'phone' | 'staff';
  idempotencyKey: string | null;
  callId: string | null;
  reviewReason: string | null;
  notes: string;
  createdAt: number;
  createdBy: string;
  updatedAt: number;
  updatedBy: string;
}

export interface BookingHistoryRecord {
  at: number;
  actor: string;
  action: string;
  fromStatus: BookingStatus | null;
  toStatus: BookingStatus | null;
  details: Record<string, unknown>;
}

export interface BookingQuery {
  from?: number;
  to?: number;
  statuses?: readonly BookingStatus[];
  providerId?: string;
  customerId?: string;
  callId?: string;
}

export type BookingPatch = Partial<
  Pick<BookingRecord, 'status' | 'providerId' | 'start' | 'end' | 'blockedStart' | 'blockedEnd' | 'holdExpiresAt' | 'customerId' | 'reviewReason' | 'notes'>
> & { updatedAt: number; updatedBy: string };

/** Thrown by a repository when the database's overlap guard refuses a write. */
export class SlotTakenError extends Error {
  constructor() {
    super('another booking of this provider overlaps that time');
    this.name = 'SlotTakenError';
  }
}

/**
 * Bookings storage. Synchronous on purpose: `exclusive` runs its function inside one
 * BEGIN IMMEDIATE transaction, and nothing inside may await.
 */
export interface BookingRepository {
  exclusive<T>(fn: () => T): T;
  /** Marks holds past their expiry as 'expired' so they stop blocking; returns their ids. */
  expireHolds(tenantId: string, now: number): string[];
  /** Blocked intervals of active bookings of these providers overlapping [from, to), unexpired holds only. */
  busyIntervals(tenantId: string, providerIds: readonly string[], from: number, to: number, now: number, excludeBookingId?: string | null): BusyInterval[];
  insert(record: BookingRecord): void;
  /** Changes what the booking is for (staff modifying a pending booking). */
  setService(tenantId: string, bookingId: string, serviceId: string): void;
  update(tenantId: string, bookingId: string, patch: BookingPatch): void;
  get(tenantId: string, bookingId: string): BookingRecord | null;
  findByIdempotencyKey(tenantId: string, key: string): BookingRecord | null;
  list(tenantId: string, query: BookingQuery): BookingRecord[];
  countByStatus(tenantId: string, status: BookingStatus): number;
  addHistory(tenantId: string, bookingId: string, entry: BookingHistoryRecord): void;
  history(tenantId: string, bookingId: string): BookingHistoryRecord[];
  /** Deletes the bookings these rehearsal calls made (with their history); returns their ids. */
  /** Deletes them and returns what they were, so their outside-calendar copies can be removed too. */
  deleteRehearsalBookings(tenantId: string, callIds: readonly string[] | 'all'): BookingRecord[];
}

export interface CustomerRecord {
  tenantId: string;
  id: string;
  phone: string | null;
  name: string | null;
  notes: string;
  createdAt: number;
  updatedAt: number;
  /** The language they spoke on their last call ('en', 'es'); texts to them go out in it. Null: not known. */
  language?: Language | null;
}

export interface CustomerRepository {
  get(tenantId: string, customerId: string): CustomerRecord | null;
  findByPhone(tenantId: string, phone: string): CustomerRecord | null;
  insert(record: CustomerRecord): void;
  update(tenantId: string, customerId: string, patch: Partial<Pick<CustomerRecord, 'name' | 'notes' | 'phone' | 'language'>> & { updatedAt: number }): void;
  search(tenantId: string, text: string, phoneDigits: string | null, limit: number): CustomerRecord[];
}

/** Busy time read fresh from the calendars, and the calendars that could not be read (in plain words). */
export interface FreshBusy {
  busy: BusyInterval[];
  unreadable: string[];
}

/** Busy time from outside the building (calendars); core/calendars implements it. */
export interface ExternalBusySource {
  /** What is known now (the synced cache): fast, for listing availability. */
  busyFor(tenant: TenantConfig, providerIds: readonly string[], from: number, to: number): Promise<BusyInterval[]>;
  /**
   * A bounded re-read of these providers' calendars right before a booking commits. A calendar
   * that cannot be read is named in `unreadable`, and the booking waits for staff review instead
   * of risking a double booking.
   */
  freshBusyFor?(tenant: TenantConfig, providerIds: readonly string[], from: number, to: number): Promise<FreshBusy>;
}

export const NO_EXTERNAL_BUSY: ExternalBusySource = { busyFor: async () => [] };
