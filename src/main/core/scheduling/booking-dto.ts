import type { BookingDto, CustomerDto, SlotDto, TenantConfig } from '../../../shared/contract/index.js';
import { formatInstant } from '../../../shared/lib/time.js';
import type { Slot } from './engine/index.js';
import type { BookingHistoryRecord, BookingRecord, CustomerRecord } from './ports.js';

/** What the console and CLI see: names resolved, instants in the practice's local offset. */
export function toBookingDto(record: BookingRecord, tenant: TenantConfig, customer: CustomerRecord | null, rehearsal = false): BookingDto {
  const zone = tenant.timezone;
  return {
    id: record.id,
    tenantId: record.tenantId,
    tenantName: tenant.name,
    rehearsal,
    status: record.status,
    serviceId: record.serviceId,
    serviceName: tenant.services.find((s) => s.id === record.serviceId)?.name ?? record.serviceId,
    providerId: record.providerId,
    providerName: providerName(tenant, record.providerId),
    start: formatInstant(record.start, zone),
    end: formatInstant(record.end, zone),
    customer: customer ? toCustomerDto(customer) : null,
    source: record.source,
    holdExpiresAt: record.holdExpiresAt === null ? null : formatInstant(record.holdExpiresAt, zone),
    reviewReason: record.reviewReason,
    notes: record.notes,
    callId: record.callId,
    createdAt: formatInstant(record.createdAt, zone),
    createdBy: record.createdBy,
    updatedAt: formatInstant(record.updatedAt, zone),
    updatedBy: record.updatedBy,
  };
}

export function toCustomerDto(customer: CustomerRecord): CustomerDto {
  return { id: customer.id, name: customer.name, phone: customer.phone, notes: customer.notes, createdAt: customer.createdAt };
}

export function toSlotDto(slot: Slot, tenant: TenantConfig): SlotDto {
  return {
    providerId: slot.providerId,
    providerName: providerName(tenant, slot.providerId),
    start: formatInstant(slot.start, tenant.timezone),
    end: formatInstant(slot.end, tenant.timezone),
  };
}

export function toHistoryDto(entry: BookingHistoryRecord, tenant: TenantConfig) {
  return { ...entry, at: formatInstant(entry.at, tenant.timezone) };
}

function providerName(tenant: TenantConfig, providerId: string): string {
  return tenant.providers.find((p) => p.id === providerId)?.name ?? providerId;
}
