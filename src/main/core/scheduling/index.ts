export { AvailabilityService } from './availability-service.js';
export { toBookingDto, toCustomerDto, toHistoryDto, toSlotDto } from './booking-dto.js';
export { BookingService, describeStatus, type BookingChange, type BookRequest, type ConfirmRequest } from './booking-service.js';
export { CustomerService, type CustomerInput } from './customer-service.js';
export * from './engine/index.js';
export { normalizePhone } from './phone-numbers.js';
export {
  NO_EXTERNAL_BUSY,
  SlotTakenError,
  type BookingHistoryRecord,
  type BookingPatch,
  type BookingQuery,
  type BookingRecord,
  type BookingRepository,
  type CustomerRecord,
  type CustomerRepository,
  type ExternalBusySource,
  type FreshBusy,
} from './ports.js';
export { SlotLocks } from './slot-locks.js';
export { workingTimeLost } from './working-time-change.js';
