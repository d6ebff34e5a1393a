import { DateTime } from 'luxon';
import { ACTIVE_BOOKING_STATUSES, ContractError, type TenantConfig } from '../../shared/contract/index.js';
import { parseInstant } from '../../shared/lib/time.js';
import {
  toCustomerDto,
  toHistoryDto,
  toSlotDto,
  type AvailabilityService,
  type BookingService,
  type CustomerService,
} from '../core/scheduling/index.js';
import type { CallService } from '../core/calls/index.js';
import type { TenantService } from '../core/tenants/index.js';
import { createBookingPresenter } from './booking-presenter.js';
import type { CommandHandlers } from './dispatch.js';

export interface SchedulingHandlerDeps {
  tenants: TenantService;
  availability: AvailabilityService;
  bookings: BookingService;
  customers: CustomerService;
  calls: CallService;
  now: () => number;
}

type SchedulingCommand =
  | 'availability/list-slots'
  | 'availability/suggest-slots'
  | 'bookings/list'
  | 'bookings/get'
  | 'bookings/create'
  | 'bookings/cancel'
  | 'bookings/reschedule'
  | 'bookings/record-outcome'
  | 'bookings/undo-outcome'
  | 'bookings/remove-rehearsal'
  | 'customers/search'
  | 'customers/get'
  | 'customers/update';

/** Contract ↔ scheduling domain: parse local times in the practice's zone, resolve names for display. */
export function createSchedulingHandlers(deps: SchedulingHandlerDeps): Pick<CommandHandlers, SchedulingCommand> {
  const { tenants, availability, bookings, customers } = deps;
  const tenantOf = (tenantId: string): TenantConfig => tenants.get(tenantId).config;
  const dto = createBookingPresenter(deps);
  const instant = (tenant: TenantConfig, text: string): number => {
    const parsed = parseInstant(text, tenant.timezone);
    if (!parsed.ok) throw new ContractError('invalid_input', parsed.message);
    return parsed.epochMs;
  };
  const dayStart = (tenant: TenantConfig, date: string) => DateTime.fromISO(date, { zone: tenant.timezone }).startOf('day').toMillis();

  return {
    'availability/list-slots': async (input) => {
      const { tenant, slots } = await availability.listSlots(input);
      return { slots: slots.map((s) => toSlotDto(s, tenant)) };
    },
    'availability/suggest-slots': async (input) => {
      const { tenant, slots } = await availability.suggest(input);
      return { slots: slots.map((s) => toSlotDto(s, tenant)) };
    },
    'bookings/list': ({ tenantId, from, to, statuses, providerId }) => {
      const tenant = tenantOf(tenantId);
      if (from && to && from > to) throw new ContractError('invalid_input', `The range ends (${to}) before it starts (${from}).`);
      return bookings
        .list(tenantId, {
          ...(from ? { from: dayStart(tenant, from) } : {}),
          ...(to ? { to: DateTime.fromISO(to, { zone: tenant.timezone }).plus({ days: 1 }).startOf('day').toMillis() } : {}),
          ...(statuses ? { statuses } : {}),
          ...(providerId ? { providerId } : {}),
        })
        .map(dto);
    },
    'bookings/get': ({ tenantId, bookingId }) => {
      const record = bookings.get(tenantId, bookingId);
      return { ...dto(record), history: bookings.history(tenantId, bookingId).map((h) => toHistoryDto(h, tenantOf(tenantId))) };
    },
    'bookings/create': async ({ tenantId, serviceId, providerId, start, customer, notes, idempotencyKey }, context) => {
      const tenant = tenantOf(tenantId);
      if (!customer.phone && !customer.name) throw new ContractError('invalid_input', 'A booking needs the customer\'s phone number or name.');
      const record = await bookings.book({
        tenantId,
        serviceId,
        providerId,
        start: instant(tenant, start),
        status: 'confirmed',
        customer,
        source: 'staff',
        actor: context.actor,
        notes,
        idempotencyKey,
        allowInsideNotice: true,
      });
      return dto(record);
    },
    'bookings/cancel': async ({ tenantId, bookingId, reason }, context) => dto(await bookings.cancel(tenantId, bookingId, context.actor, reason)),
    'bookings/reschedule': async ({ tenantId, bookingId, start, providerId }, context) =>
      dto(await bookings.reschedule(tenantId, bookingId, instant(tenantOf(tenantId), start), context.actor, providerId, { allowInsideNotice: true })),
    'bookings/record-outcome': async ({ tenantId, bookingId, outcome }, context) =>
      dto(await bookings.recordOutcome(tenantId, bookingId, outcome, context.actor)),
    'bookings/undo-outcome': async ({ tenantId, bookingId, outcome }, context) => dto(await bookings.undoOutcome(tenantId, bookingId, outcome, context.actor)),
    'bookings/remove-rehearsal': ({ tenantId }) => ({ removed: bookings.removeRehearsalBookings(tenantId, 'all').length }),
    'customers/search': ({ tenantId, query, limit }) => customers.search(tenantId, query, limit).map(toCustomerDto),
    'customers/get': ({ tenantId, customerId }) => {
      const customer = customers.get(tenantId, customerId);
      const all = bookings.list(tenantId, { customerId }).map(dto);
      const now = deps.now();
      const isUpcoming = (b: { end: string; status: string }) => Date.parse(b.end) > now && (ACTIVE_BOOKING_STATUSES as readonly string[]).includes(b.status);
      return { ...toCustomerDto(customer), upcoming: all.filter(isUpcoming), past: all.filter((b) => !isUpcoming(b)).reverse() };
    },
    'customers/update': ({ tenantId, customerId, name, notes }) => toCustomerDto(customers.update(tenantId, customerId, { name, notes })),
  };
}
