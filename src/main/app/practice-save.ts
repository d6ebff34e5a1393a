import { DateTime } from 'luxon';
import { ACTIVE_BOOKING_STATUSES, ContractError, type ClosedDayChoice, type TenantConfig } from '../../shared/contract/index.js';
import { ScheduleRules, workingTimeLost, type BookingRecord, type BookingService, type CustomerService } from '../core/scheduling/index.js';
import type { TenantRecord, TenantService } from '../core/tenants/index.js';

export interface PracticeSaveDeps {
  tenants: TenantService;
  bookings: BookingService;
  customers: CustomerService;
  now: () => number;
}

/** What to do with a removed provider's appointments: the provider who takes them over. */
export type Reassignments = Record<string, string>;

interface Orphan {
  booking: BookingRecord;
  why: string;
}

/**
 * An upcoming visit this change strands where it stands: on a day it closes, or outside its
 * provider's new working time (shorter hours, a day off, time off). The owner may keep, cancel or review these.
 */
export interface StrandedVisit extends Orphan {
  closedDay: boolean;
}

/**
 * Saves a practice file without losing appointments: a change that would leave upcoming
 * bookings without their provider or service, on a day the practice now closes, or outside
 * their provider's working time, is refused with the list of them, unless the owner named who
 * takes over a removed provider's bookings (then they are moved, with the same conflict checks as
 * any move, before the provider goes). The console, the WebSocket and `frontdesk tenant import`
 * all save through here. Visits a change strands in time (a closed day, shorter hours, time off)
 * may be kept, cancelled (each patient texted) or sent to review, when the owner says which (`closedDays`).
 */
export async function savePractice(
  deps: PracticeSaveDeps,
  raw: unknown,
  actor: string,
  reassign: Reassignments = {},
  closedDays?: ClosedDayChoice,
): Promise<TenantRecord> {
  const { tenants } = deps;
  const next = tenants.parse(raw);
  const current = tenants.find(next.id);
  if (!current) return tenants.save(next, actor);

  const moves: { booking: BookingRecord; to: string }[] = [];
  const orphans: (Orphan | StrandedVisit)[] = [];
  const closing: StrandedVisit[] = [];
  for (const booking of upcomingOf(deps, next.id)) {
    const stranded = strandedIn(current.config, next, booking, deps.now());
    const why = stranded?.why ?? orphanReason(current.config, next, booking);
    if (stranded && closedDays) {
      closing.push(stranded);
    } else if (why === 'provider removed' && reassign[booking.providerId]) {
      const to = reassign[booking.providerId] ?? '';
      const taker = next.providers.find((p) => p.id === to);
      const service = next.services.find((s) => s.id === booking.serviceId);
      if (!taker) orphans.push({ booking, why: `the provider chosen to take over is not in the practice` });
      else if (!service?.providerIds.includes(taker.id)) orphans.push({ booking, why: `${taker.name} does not offer ${service?.name ?? 'this service'}` });
      else moves.push({ booking, to });
    } else if (why) {
      orphans.push(stranded ?? { booking, why });
    }
  }
  if (orphans.length > 0) {
    const n = orphans.length;
    const them = n === 1 ? 'it' : 'them';
    const message = orphans.every((o) => o.why === CLOSED_DAY)
      ? `This change closes a day with ${n} upcoming appointment${n === 1 ? '' : 's'}. Keep ${them} (the day closes to new bookings only), cancel ${them} and text each patient, or send ${them} to review to move.`
      : orphans.every((o) => 'closedDay' in o)
        ? `This change leaves ${n} upcoming appointment${n === 1 ? '' : 's'} outside ${n === 1 ? 'its' : 'their'} provider's working time. Keep ${them} (new bookings follow the new hours), cancel ${them} and text each patient, or send ${them} to review to move.`
        : `This change would leave ${n} upcoming appointment${n === 1 ? '' : 's'} without a place on the schedule. Move or cancel ${them} first, or choose who takes ${them} over.`;
    throw new ContractError('conflict', message, orphans.map((o) => `${describe(deps, current.config, o.booking)}: ${o.why}`));
  }
  const saved = await saveMoving(deps, current.config, next, moves, actor);
  if (closedDays && closing.length > 0) await settleClosedDays(deps, next.id, closing, closedDays, actor);
  return saved;
}

/** The upcoming appointments this edited practice file would strand on a closed day or outside working time (for the owner to decide on). */
export function strandedBookings(deps: PracticeSaveDeps, raw: unknown): StrandedVisit[] {
  const next = deps.tenants.parse(raw);
  const current = deps.tenants.find(next.id);
  if (!current) return [];
  return upcomingOf(deps, next.id).flatMap((booking) => strandedIn(current.config, next, booking, deps.now()) ?? []);
}

const CLOSED_DAY = 'the practice would be closed that day';

/** A visit whose provider and service stay but whose time no longer fits: a newly closed day, or working time that no longer covers it. */
function strandedIn(current: TenantConfig, next: TenantConfig, booking: BookingRecord, now: number): StrandedVisit | null {
  if (!next.providers.some((p) => p.id === booking.providerId) || !next.services.some((s) => s.id === booking.serviceId)) return null;
  const date = DateTime.fromMillis(booking.start, { zone: next.timezone }).toISODate() ?? '';
  if (closedOn(next, date) && !closedOn(current, date)) return { booking, why: CLOSED_DAY, closedDay: true };
  const why = workingTimeLost(current, next, booking, now);
  return why ? { booking, why, closedDay: false } : null;
}

function upcomingOf(deps: PracticeSaveDeps, tenantId: string): BookingRecord[] {
  return deps.bookings.list(tenantId, { statuses: [...ACTIVE_BOOKING_STATUSES] }).filter((b) => b.end > deps.now());
}

/** What the owner chose for the stranded appointments, each recorded under their name with why. */
async function settleClosedDays(deps: PracticeSaveDeps, tenantId: string, closing: readonly StrandedVisit[], choice: ClosedDayChoice, actor: string): Promise<void> {
  for (const { booking, why, closedDay } of closing) {
    // Cancelling goes through the ordinary path, so the patient gets the practice's "cancelled" text (which invites them to book again).
    if (choice === 'cancel') await deps.bookings.cancel(tenantId, booking.id, actor, closedDay ? 'the practice is closed that day' : `outside the new working time: ${why}`);
    else if (choice === 'review') {
      const reason = closedDay ? 'The practice is now closed that day: move this appointment to another day.' : `${why[0]?.toUpperCase() ?? ''}${why.slice(1)}: move this appointment to another time.`;
      await deps.bookings.flagForReview(tenantId, booking.id, reason, actor);
    } else deps.bookings.note(tenantId, booking.id, actor, closedDay ? 'kept on a closed day' : 'kept outside the new working time', closedDay ? {} : { reason: why });
  }
}

async function saveMoving(deps: PracticeSaveDeps, current: TenantConfig, next: TenantConfig, moves: readonly { booking: BookingRecord; to: string }[], actor: string): Promise<TenantRecord> {
  const { tenants, bookings } = deps;
  if (moves.length === 0) return tenants.save(next, actor);

  // The departing providers stay until their appointments have moved, so nothing is orphaned if a move fails.
  const departing = current.providers.filter((p) => !next.providers.some((n) => n.id === p.id));
  const bridge: TenantConfig = { ...next, providers: [...next.providers, ...departing] };
  tenants.save(bridge, actor);
  const failed: string[] = [];
  for (const move of moves) {
    try {
      await bookings.reschedule(next.id, move.booking.id, move.booking.start, actor, move.to, { allowInsideNotice: true });
    } catch (error) {
      failed.push(`${describe(deps, current, move.booking)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failed.length > 0) {
    throw new ContractError('conflict', 'Some appointments could not be moved to the provider you chose, so the provider was kept. Move these yourself, then try again.', failed);
  }
  return tenants.save(next, actor);
}

function orphanReason(current: TenantConfig, next: TenantConfig, booking: BookingRecord): string | null {
  if (!next.providers.some((p) => p.id === booking.providerId)) return 'provider removed';
  if (!next.services.some((s) => s.id === booking.serviceId)) {
    return `the service ${current.services.find((s) => s.id === booking.serviceId)?.name ?? ''} would be removed`.replace('  ', ' ');
  }
  return null;
}

/** A closure, or special hours with no hours at all: both close the day. */
function closedOn(tenant: TenantConfig, date: string): boolean {
  if (new ScheduleRules(tenant, date, date).closureOn(date)) return true;
  return tenant.specialHours.some((s) => s.date === date && s.hours.length === 0);
}

/** "Tue, Nov 24, 9:00 AM · Cleaning with Maria Santos for Ann Lee" in the practice's words. */
function describe(deps: PracticeSaveDeps, tenant: TenantConfig, booking: BookingRecord): string {
  const when = DateTime.fromMillis(booking.start, { zone: tenant.timezone })
    .setLocale(tenant.locale)
    .toLocaleString({ weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
  const service = tenant.services.find((s) => s.id === booking.serviceId)?.name ?? 'Appointment';
  const provider = tenant.providers.find((p) => p.id === booking.providerId)?.name ?? 'a removed provider';
  const customer = booking.customerId ? deps.customers.find(tenant.id, booking.customerId) : null;
  const who = customer?.name ?? customer?.phone ?? 'a patient';
  return `${when} · ${service} with ${provider} for ${who}`;
}
