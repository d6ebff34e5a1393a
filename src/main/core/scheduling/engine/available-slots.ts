import { ContractError } from '../../../../shared/contract/index.js';
import { bookingWindow } from './booking-window.js';
import { BusyTimeline } from './busy-timeline.js';
import { forEachGridStart } from './candidate-grid.js';
import { MINUTE_MS, addDays, isLocalDate } from './local-time.js';
import { ScheduleRules } from './schedule-rules.js';
import { requireProviders, requireService } from './tenant-lookup.js';
import type { AvailabilityQuery, Slot } from './types.js';

/**
 * Every slot the rules offer for the query, sorted by start and then by the provider's place in
 * the service's `providerIds`. Throws `ContractError` (`not_found`, `invalid_input`) for a query
 * that names things the tenant does not have or an impossible date range.
 */
export function availableSlots(q: AvailabilityQuery): Slot[] {
  const { tenant } = q;
  const service = requireService(tenant, q.serviceId);
  const providers = requireProviders(tenant, service, q.providerId);
  for (const date of [q.fromDate, q.toDate]) {
    if (!isLocalDate(date)) throw new ContractError('invalid_input', `"${date}" is not a date like 2026-11-24.`);
  }
  if (q.fromDate > q.toDate) {
    throw new ContractError('invalid_input', `The date range starts (${q.fromDate}) after it ends (${q.toDate}).`);
  }

  const window = bookingWindow(tenant.booking, tenant.timezone, q.now);
  // Dates before today hold only past instants; dates after the last bookable date are refused.
  const first = q.fromDate > window.today ? q.fromDate : window.today;
  const last = q.toDate < window.lastDate ? q.toDate : window.lastDate;
  if (first > last) return [];

  const rules = new ScheduleRules(tenant, first, last);
  const timelines = BusyTimeline.byProvider(
    q.busy,
    providers.map((p) => p.id),
  );
  const durationMs = service.durationMinutes * MINUTE_MS;
  const beforeMs = service.bufferBeforeMinutes * MINUTE_MS;
  const afterMs = durationMs + service.bufferAfterMinutes * MINUTE_MS;
  const step = tenant.booking.slotStepMinutes;
  const slots: Slot[] = [];

  for (let date = first; date <= last; date = addDays(date, 1)) {
    const dayStart = slots.length;
    for (const provider of providers) {
      const busy = timelines.get(provider.id) as BusyTimeline;
      const providerId = provider.id;
      for (const span of rules.openSpans(provider, date)) {
        forEachGridStart(span, step, durationMs, window.earliestStart, (start) => {
          if (!busy.overlaps(start - beforeMs, start + afterMs)) slots.push({ providerId, start, end: start + durationMs });
        });
      }
    }
    // Each day's slots precede the next day's, so ordering a day at a time orders the whole list;
    // the sort is stable, which keeps providers in service order at equal starts.
    if (providers.length > 1 && slots.length - dayStart > 1) {
      const day = slots.splice(dayStart).sort((a, b) => a.start - b.start);
      for (const slot of day) slots.push(slot);
    }
  }
  return slots;
}
