import type { BookingDto, CustomerDto, SlotDto, TenantConfig } from '../../../shared/contract/index.js';
import { DateTime } from 'luxon';
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
  return { id: customer.id, name: customer.name, phone: customer.phone, notes: customer.notes, createdAt: customer.createdAt, ...(customer.language ? { language: customer.language } : {}) };
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
  return { ...entry, at: formatInstant(entry.at, tenant.timezone), details: describeHistoryDetails(entry.details, tenant) };
}

/**
 * A history entry's details as staff read them: "Time: Tue, Nov 24, 9:00 AM", "Provider: Maria
 * Gomez, RDH", "Staff override: inside the minimum notice". Never epoch numbers or ids.
 */
function describeHistoryDetails(details: Record<string, unknown>, tenant: TenantConfig): Record<string, string> {
  const when = (ms: unknown) =>
    typeof ms === 'number'
      ? DateTime.fromMillis(ms, { zone: tenant.timezone }).setLocale(tenant.locale).toLocaleString({ weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' })
      : null;
  const provider = (id: unknown) => (typeof id === 'string' ? providerName(tenant, id) : null);
  const service = (id: unknown) => (typeof id === 'string' ? (tenant.services.find((s) => s.id === id)?.name ?? 'a service no longer offered') : null);
  const out: Record<string, string> = {};
  const put = (label: string, value: string | null) => {
    if (value) out[label] = value;
  };
  put('Time', when(details.start));
  put('Provider', provider(details.providerId));
  put('Booked by', details.source === 'staff' ? 'staff at the desk' : details.source === 'phone' ? 'the receptionist on the phone' : null);
  put('Moved from', when(details.fromStart));
  put('Moved to', when(details.toStart));
  if (details.fromProviderId !== details.toProviderId) {
    put('Provider before', provider(details.fromProviderId));
    put('Provider after', provider(details.toProviderId));
  }
  if (details.fromServiceId !== details.toServiceId) {
    put('Service before', service(details.fromServiceId));
    put('Service after', service(details.toServiceId));
  }
  put('Reason', typeof details.reason === 'string' ? details.reason : null);
  put('Staff override', typeof details.staffOverride === 'string' ? details.staffOverride : null);
  return out;
}

function providerName(tenant: TenantConfig, providerId: string): string {
  return tenant.providers.find((p) => p.id === providerId)?.name ?? providerId;
}
