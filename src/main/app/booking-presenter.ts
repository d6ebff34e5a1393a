import type { BookingDto } from '../../shared/contract/index.js';
import type { CallService } from '../core/calls/index.js';
import { toBookingDto, type BookingRecord, type CustomerService } from '../core/scheduling/index.js';
import type { TenantService } from '../core/tenants/index.js';

export type BookingPresenter = (record: BookingRecord) => BookingDto;

/** A booking as the console shows it: names resolved, and marked when a rehearsal made it. */
export function createBookingPresenter(deps: { tenants: TenantService; customers: CustomerService; calls: CallService }): BookingPresenter {
  return (record) =>
    toBookingDto(
      record,
      deps.tenants.get(record.tenantId).config,
      record.customerId ? deps.customers.find(record.tenantId, record.customerId) : null,
      record.callId !== null && deps.calls.isRehearsal(record.tenantId, record.callId),
    );
}
