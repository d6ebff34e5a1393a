export { availableSlots } from './available-slots.js';
export { blockedInterval } from './blocked-interval.js';
export { bookingWindow } from './booking-window.js';
export type { BookingWindow } from './booking-window.js';
export { checkSlot } from './check-slot.js';
export { ScheduleRules } from './schedule-rules.js';
export type { DayHoursSource, OpenSpan } from './schedule-rules.js';
export { suggestSlots, suggestSlotsMeetingWish } from './suggest-slots.js';
export type {
  AvailabilityQuery,
  BusyInterval,
  PartOfDay,
  Slot,
  SlotCheck,
  SlotCheckQuery,
  SlotRejection,
  SlotWish,
  SuggestContext,
  TimeSpan,
} from './types.js';
export { sayDate, sayMinutes, sayTime } from './wording.js';
export { LocalDay, ZoneCalendar } from './zone-calendar.js';
