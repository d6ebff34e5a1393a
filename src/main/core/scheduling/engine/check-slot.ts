import { blockedInterval } from './blocked-interval.js';
import { bookingWindow } from './booking-window.js';
import { forEachGridStart } from './candidate-grid.js';
import { MINUTE_MS, localDateOf } from './local-time.js';
import { ScheduleRules } from './schedule-rules.js';
import { findProvider, findService } from './tenant-lookup.js';
import type { SlotCheck, SlotCheckQuery, SlotRejection } from './types.js';
import { sayDate, sayMinutes, sayTime } from './wording.js';

const reject = (reason: SlotRejection, message: string): SlotCheck => ({ ok: false, reason, message });

/**
 * Whether `start` is exactly one of the slots `availableSlots` would offer for this provider, and
 * if not, the first rule it breaks, in the order: who (service, provider), when the provider
 * works (closed, not on the grid), the booking window (too soon, too far), and busy time last,
 * so the reason names the most permanent obstacle.
 */
export function checkSlot(q: SlotCheckQuery): SlotCheck {
  const { tenant, start } = q;
  const service = findService(tenant, q.serviceId);
  if (!service) return reject('unknown_service', `${tenant.name} has no service "${q.serviceId}".`);
  const provider = findProvider(tenant, q.providerId);
  if (!provider) return reject('unknown_provider', `${tenant.name} has no provider "${q.providerId}".`);
  if (!service.providerIds.includes(provider.id)) {
    return reject('provider_not_offering', `${provider.name} does not offer ${service.name}.`);
  }
  if (!Number.isFinite(start)) return reject('not_on_grid', `That is not a valid appointment time.`);

  const date = localDateOf(start, tenant.timezone);
  const rules = new ScheduleRules(tenant, date, date);
  const durationMs = service.durationMinutes * MINUTE_MS;
  const end = start + durationMs;
  const at = () => `${sayTime(start, tenant)} on ${sayDate(date, tenant, q.now)}`;

  const spans = rules.openSpans(provider, date);
  const span = spans.find((s) => s.start <= start && end <= s.end);
  if (!span) {
    const { hours, source } = rules.hoursOn(provider, rules.calendar.day(date));
    if (source.kind === 'closure' || (source.kind === 'special' && hours.length === 0)) {
      const why = source.reason ? ` (${source.reason})` : '';
      return reject('closed', `${tenant.name} is closed on ${sayDate(date, tenant, q.now)}${why}.`);
    }
    const startsInside = spans.find((s) => s.start <= start && start < s.end);
    if (startsInside) {
      return reject(
        'closed',
        `${provider.name} is only available until ${sayTime(startsInside.end, tenant)} on ${sayDate(date, tenant, q.now)}, ` +
          `so ${service.name} (${sayMinutes(service.durationMinutes)}) cannot start at ${sayTime(start, tenant)}.`,
      );
    }
    return reject('closed', `${provider.name} is not working at ${at()}.`);
  }

  let onGrid = false;
  forEachGridStart(span, tenant.booking.slotStepMinutes, durationMs, start, (candidate) => {
    if (candidate === start) onGrid = true;
  });
  if (!onGrid) {
    return reject(
      'not_on_grid',
      `${service.name} with ${provider.name} cannot start at ${at()}; appointments start every ${sayMinutes(tenant.booking.slotStepMinutes)}.`,
    );
  }

  const window = bookingWindow(tenant.booking, tenant.timezone, q.now);
  if (start < window.earliestStart) {
    if (start < q.now) return reject('too_soon', `${at()} has already passed.`);
    return reject('too_soon', `Bookings need to be made at least ${sayMinutes(tenant.booking.minNoticeMinutes)} ahead, so ${at()} is too soon.`);
  }
  if (date > window.lastDate) {
    return reject(
      'too_far',
      `Bookings can be made up to ${sayMinutes(tenant.booking.maxAdvanceDays * 1440)} ahead (through ${sayDate(window.lastDate, tenant, q.now)}), ` +
        `so ${sayDate(date, tenant, q.now)} is too far out.`,
    );
  }

  const blocked = blockedInterval(service, start);
  const clash = q.busy.some((b) => b.providerId === provider.id && b.start < blocked.end && blocked.start < b.end && b.end > b.start);
  if (clash) return reject('busy', `${provider.name} is already booked at ${at()}.`);

  return { ok: true, slot: { providerId: provider.id, start, end } };
}
