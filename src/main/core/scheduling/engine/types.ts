import type { TenantConfig } from '../../../../shared/contract/index.js';

/** A time a provider cannot be booked (epoch ms, half-open): blocked intervals of bookings/holds, external busy time. */
export interface BusyInterval {
  providerId: string;
  start: number;
  end: number;
}

/** A bookable appointment: `end = start + duration` (the visit itself, not its buffers). */
export interface Slot {
  providerId: string;
  start: number;
  end: number;
}

/** A half-open span of instants (epoch ms). */
export interface TimeSpan {
  start: number;
  end: number;
}

export interface AvailabilityQuery {
  tenant: TenantConfig;
  serviceId: string;
  /** One provider, or null/undefined for any provider who offers the service. */
  providerId?: string | null;
  /** Local dates "YYYY-MM-DD" in the tenant zone, inclusive. */
  fromDate: string;
  toDate: string;
  now: number;
  busy: readonly BusyInterval[];
}

export interface SlotCheckQuery {
  tenant: TenantConfig;
  serviceId: string;
  providerId: string;
  start: number;
  now: number;
  busy: readonly BusyInterval[];
}

export type SlotRejection =
  | 'unknown_service'
  | 'unknown_provider'
  | 'provider_not_offering'
  | 'closed'
  | 'not_on_grid'
  | 'too_soon'
  | 'too_far'
  | 'busy';

export type SlotCheck = { ok: true; slot: Slot } | { ok: false; reason: SlotRejection; message: string };

export type PartOfDay = 'morning' | 'afternoon' | 'evening';

/** What a caller asked for, as understood; every field is optional and local to the tenant zone. */
export interface SlotWish {
  /** "YYYY-MM-DD" */
  date?: string | null;
  /** "HH:MM": "at 3", "half past 4". */
  time?: string | null;
  /** morning < 12:00 ≤ afternoon < 17:00 ≤ evening */
  partOfDay?: PartOfDay | null;
  /** "HH:MM", inclusive: "after 4" accepts 4:00. */
  after?: string | null;
  /** "HH:MM", exclusive: "before 10" means starting before 10:00. */
  before?: string | null;
  /** "earliest", "first available", "as soon as possible". */
  earliest?: boolean;
  /** A range such as "next week", inclusive local dates. */
  fromDate?: string | null;
  toDate?: string | null;
  providerId?: string | null;
}

export interface SuggestContext {
  tenant: TenantConfig;
  now: number;
}
