import { DateTime } from 'luxon';
import { ContractError, type TenantConfig } from '../../../shared/contract/index.js';
import type { Clock } from '../kernel/index.js';
import type { TenantService } from '../tenants/index.js';
import type { BookingService } from './booking-service.js';
import { availableSlots, suggestSlots, suggestSlotsMeetingWish, type Slot, type SlotWish } from './engine/index.js';
import type { ExternalBusySource } from './ports.js';

/** Availability for people: the pure engine fed with live busy time from SQLite and calendars. */
export class AvailabilityService {
  constructor(
    private readonly deps: { tenants: TenantService; bookings: BookingService; externalBusy: ExternalBusySource; clock: Clock },
  ) {}

  /** `excludeBookingId`: a booking being moved does not block the times it could move to. */
  async listSlots(query: { tenantId: string; serviceId: string; providerId?: string | null | undefined; from: string; to: string; excludeBookingId?: string | null }): Promise<{ tenant: TenantConfig; slots: Slot[] }> {
    const tenant = this.deps.tenants.get(query.tenantId).config;
    if (query.from > query.to) throw new ContractError('invalid_input', `The range ends (${query.to}) before it starts (${query.from}).`);
    const providerIds = this.providersFor(tenant, query.serviceId, query.providerId ?? null);
    const from = DateTime.fromISO(query.from, { zone: tenant.timezone }).startOf('day').toMillis();
    const to = DateTime.fromISO(query.to, { zone: tenant.timezone }).plus({ days: 1 }).startOf('day').toMillis();
    const busy = [
      ...this.deps.bookings.busy(tenant.id, providerIds, from, to, query.excludeBookingId ?? null),
      ...(await this.deps.externalBusy.busyFor(tenant, providerIds, from, to)),
    ];
    const slots = availableSlots({
      tenant,
      serviceId: query.serviceId,
      providerId: query.providerId ?? null,
      fromDate: query.from,
      toDate: query.to,
      now: this.deps.clock.now(),
      busy,
    });
    return { tenant, slots };
  }

  /** The best three options for a caller's wish, searched over the wish's range or the next `searchDays`. */
  async suggest(query: { tenantId: string; serviceId: string; providerId?: string | null | undefined; wish: SlotWish; searchDays: number; excludeBookingId?: string | null }): Promise<{ tenant: TenantConfig; slots: Slot[] }> {
    const tenant = this.deps.tenants.get(query.tenantId).config;
    const now = this.deps.clock.now();
    const today = DateTime.fromMillis(now, { zone: tenant.timezone });
    const wishStart = query.wish.fromDate ?? query.wish.date ?? today.toISODate()!;
    const from = wishStart < today.toISODate()! ? today.toISODate()! : wishStart;
    const lastBookable = today.plus({ days: tenant.booking.maxAdvanceDays }).toISODate()!;
    // Look beyond the wished day too, so a full day still yields the nearest real alternatives.
    const searchEnd = DateTime.fromISO(query.wish.toDate ?? query.wish.date ?? from).plus({ days: query.searchDays }).toISODate()!;
    const to = searchEnd > lastBookable ? lastBookable : searchEnd;
    if (from > to) return { tenant, slots: [] };
    const wish = { ...query.wish, providerId: query.providerId ?? query.wish.providerId ?? null };
    const range = (until: string) => ({ tenantId: query.tenantId, serviceId: query.serviceId, providerId: query.providerId ?? null, from, to: until, excludeBookingId: query.excludeBookingId ?? null });
    // The wished day or range first (one day instead of a fortnight, on most calls): when it holds
    // three picks that meet every wish, the wider search would offer the very same three.
    const wishedUntil = query.wish.toDate ?? query.wish.date ?? null;
    if (wishedUntil !== null && wishedUntil >= from && wishedUntil < to) {
      const near = suggestSlotsMeetingWish((await this.listSlots(range(wishedUntil))).slots, wish, { tenant, now });
      if (near) return { tenant, slots: near };
    }
    const { slots } = await this.listSlots(range(to));
    return { tenant, slots: suggestSlots(slots, wish, { tenant, now }) };
  }

  private providersFor(tenant: TenantConfig, serviceId: string, providerId: string | null): string[] {
    const service = tenant.services.find((s) => s.id === serviceId);
    if (!service) throw new ContractError('not_found', `${tenant.name} has no service "${serviceId}".`);
    if (providerId === null) return service.providerIds;
    if (!service.providerIds.includes(providerId)) {
      const known = tenant.providers.find((p) => p.id === providerId);
      throw new ContractError('not_found', known ? `${known.name} does not offer ${service.name}.` : `${tenant.name} has no provider "${providerId}".`);
    }
    return [providerId];
  }
}
