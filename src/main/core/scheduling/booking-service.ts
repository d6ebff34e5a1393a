import { ACTIVE_BOOKING_STATUSES, ContractError, type BookingStatus, type TenantConfig, type VisitOutcome } from '../../../shared/contract/index.js';
import type { Clock, IdGenerator, Logger } from '../kernel/index.js';
import type { TenantService } from '../tenants/index.js';
import type { CustomerInput, CustomerService } from './customer-service.js';
import { blockedInterval, checkSlot, type BusyInterval, type SlotCheck } from './engine/index.js';
import {
  SlotTakenError,
  type BookingPatch,
  type BookingQuery,
  type BookingRecord,
  type BookingRepository,
  type ExternalBusySource,
  type FreshBusy,
} from './ports.js';
import { replayOf } from './idempotent-replay.js';
import type { SlotLocks } from './slot-locks.js';
import { undoneAction, undoOutcomeTarget, visitOutcomeRefusal } from './visit-outcome.js';

/** How far around a slot we look for bookings whose buffers might reach it. */
const NEIGHBOURHOOD_MS = 24 * 60 * 60 * 1000;

export interface BookRequest {
  tenantId: string;
  serviceId: string;
  providerId: string;
  start: number;
  /** held: kept for `holdMinutes` while a caller decides; pending_review: waits for staff. */
  status: 'held' | 'confirmed' | 'pending_review';
  customer?: CustomerInput | undefined;
  source: 'phone' | 'staff';
  actor: string;
  idempotencyKey?: string | undefined;
  callId?: string | undefined;
  reviewReason?: string | undefined;
  notes?: string | undefined;
  /** Staff at the desk may book inside the minimum notice (a walk-in); recorded as a staff override. */
  allowInsideNotice?: boolean | undefined;
}

export interface ConfirmRequest {
  tenantId: string;
  bookingId: string;
  status: 'confirmed' | 'pending_review';
  actor: string;
  customer?: CustomerInput | undefined;
  reviewReason?: string | undefined;
}

/**
 * One committed change to a booking, told inside the transaction that makes it, so effects that
 * must not be lost (a confirmation text in the outbox) commit or roll back with the change.
 */
export interface BookingChange {
  action: 'created' | 'confirmed' | 'approved' | 'rejected' | 'modified' | 'rescheduled' | 'cancelled' | 'released' | 'arrived' | 'completed' | 'no_show';
  booking: BookingRecord;
  previous: BookingRecord | null;
  actor: string;
}

const ACTIVE: readonly BookingStatus[] = ACTIVE_BOOKING_STATUSES;

/**
 * Bookings that can never double-book. Every write goes: per-provider mutex (guard 1) → fresh
 * external busy time → one BEGIN IMMEDIATE transaction that re-checks the slot against the rules
 * and every active booking and writes, with no await inside (guard 2) → the database trigger
 * refuses any overlap that slipped past (guard 3, which also covers other processes).
 */
export class BookingService {
  constructor(
    private readonly deps: {
      bookings: BookingRepository;
      customers: CustomerService;
      tenants: TenantService;
      locks: SlotLocks;
      externalBusy: ExternalBusySource;
      clock: Clock;
      ids: IdGenerator;
      logger: Logger;
      /** Told after every committed change (the schedule and the review badge refresh). */
      onChanged?: (tenantId: string, bookingIds: string[]) => void;
      /**
       * Told inside the transaction of every booking write, so effects it queues (calendar events
       * through the outbox) commit or roll back with the booking itself.
       */
      onWritten?: (record: BookingRecord) => void;
      /** Told inside the writing transaction (no await there); what it writes commits with the change. */
      inTransaction?: (change: BookingChange) => void;
    },
  ) {}

  private changed<T extends BookingRecord>(record: T): T {
    this.deps.onChanged?.(record.tenantId, [record.id]);
    return record;
  }

  async book(request: BookRequest): Promise<BookingRecord> {
    const { bookings, tenants, locks } = this.deps;
    const tenant = tenants.get(request.tenantId).config;
    if (request.idempotencyKey) {
      const earlier = replayOf(bookings.findByIdempotencyKey(request.tenantId, request.idempotencyKey), request);
      if (earlier) return earlier;
    }
    const booked = await locks.run(request.tenantId, [request.providerId], async () => {
      const { busy: external, unreadable } = await this.externalBusy(tenant, [request.providerId], request.start);
      const { status, reviewReason } = degraded(request.status, request.reviewReason, unreadable);
      return this.write(() => {
        const now = this.deps.clock.now();
        bookings.expireHolds(request.tenantId, now);
        if (request.idempotencyKey) {
          const earlier = replayOf(bookings.findByIdempotencyKey(request.tenantId, request.idempotencyKey), request);
          if (earlier) return earlier;
        }
        const check = this.check(tenant, request.serviceId, request.providerId, request.start, now, external, null, request.allowInsideNotice);
        const service = this.service(tenant, request.serviceId);
        const blocked = blockedInterval(service, check.slot.start);
        const customer = request.customer ? this.deps.customers.findOrCreate(request.tenantId, request.customer) : null;
        const record: BookingRecord = {
          tenantId: request.tenantId,
          id: this.deps.ids.next(),
          customerId: customer?.id ?? null,
          serviceId: request.serviceId,
          providerId: request.providerId,
          start: check.slot.start,
          end: check.slot.end,
          blockedStart: blocked.start,
          blockedEnd: blocked.end,
          status,
          holdExpiresAt: status === 'held' ? now + tenant.booking.holdMinutes * 60_000 : null,
          source: request.source,
          idempotencyKey: request.idempotencyKey ?? null,
          callId: request.callId ?? null,
          reviewReason: status === 'pending_review' ? (reviewReason ?? null) : null,
          notes: request.notes ?? '',
          createdAt: now,
          createdBy: request.actor,
          updatedAt: now,
          updatedBy: request.actor,
        };
        bookings.insert(record);
        bookings.addHistory(record.tenantId, record.id, {
          at: now,
          actor: request.actor,
          action: 'created',
          fromStatus: null,
          toStatus: record.status,
          details: { start: record.start, providerId: record.providerId, source: record.source, ...(check.override ? { staffOverride: check.override } : {}) },
        });
        this.deps.inTransaction?.({ action: 'created', booking: record, previous: null, actor: request.actor });
        return record;
      });
    });
    return this.changed(booked);
  }

  /** Turns a hold into a booking. A hold that lapsed is re-checked and kept only if still free. */
  async confirm(request: ConfirmRequest): Promise<BookingRecord> {
    const current = this.get(request.tenantId, request.bookingId);
    const tenant = this.deps.tenants.get(request.tenantId).config;
    const confirmed = await this.deps.locks.run(request.tenantId, [current.providerId], async () => {
      const { busy: external, unreadable } = await this.externalBusy(tenant, [current.providerId], current.start);
      const { status, reviewReason } = degraded(request.status, request.reviewReason, unreadable);
      return this.write(() => {
        const now = this.deps.clock.now();
        const booking = this.get(request.tenantId, request.bookingId);
        if (booking.status === status) return booking;
        if (booking.status !== 'held' && booking.status !== 'expired') {
          throw new ContractError('conflict', `This booking is ${describeStatus(booking.status)} and cannot be confirmed.`);
        }
        this.deps.bookings.expireHolds(request.tenantId, now);
        if (booking.status === 'expired' || (booking.holdExpiresAt ?? 0) <= now) {
          this.check(tenant, booking.serviceId, booking.providerId, booking.start, now, external, booking.id);
        }
        const customer = request.customer ? this.deps.customers.findOrCreate(request.tenantId, request.customer) : null;
        return this.transition(booking, status, request.actor, now, 'confirmed', {
          holdExpiresAt: null,
          ...(customer ? { customerId: customer.id } : {}),
          reviewReason: status === 'pending_review' ? (reviewReason ?? null) : null,
        });
      });
    });
    return this.changed(confirmed);
  }

  /** Staff's review decision on a pending booking: approved → confirmed, rejected → cancelled. */
  async decideReview(
    tenantId: string,
    bookingId: string,
    approve: boolean,
    actor: string,
    reason?: string,
    inTransaction?: (decided: BookingRecord) => void,
  ): Promise<BookingRecord> {
    return this.changed(
      this.write(() => {
        const now = this.deps.clock.now();
        const booking = this.get(tenantId, bookingId);
        if (booking.status !== 'pending_review') {
          throw new ContractError('conflict', `This booking is ${describeStatus(booking.status)}, not waiting for review.`);
        }
        const decided = this.transition(booking, approve ? 'confirmed' : 'cancelled', actor, now, approve ? 'approved' : 'rejected', {
          reviewReason: booking.reviewReason,
        }, reason ? { reason } : {});
        inTransaction?.(decided);
        return decided;
      }),
    );
  }

  /**
   * Staff confirm a pending booking at another time, provider or service: the new slot is checked
   * against the rules and every other booking, and the booking is moved and confirmed in one commit.
   */
  async modifyPending(
    tenantId: string,
    bookingId: string,
    change: { start: number; providerId?: string | undefined; serviceId?: string | undefined },
    actor: string,
    inTransaction?: (decided: BookingRecord) => void,
  ): Promise<BookingRecord> {
    const current = this.get(tenantId, bookingId);
    const tenant = this.deps.tenants.get(tenantId).config;
    const providerId = change.providerId ?? current.providerId;
    const serviceId = change.serviceId ?? current.serviceId;
    const modified = await this.deps.locks.run(tenantId, [current.providerId, providerId], async () => {
      // Staff decide here with the calendars in front of them: an unreadable calendar does not stop them.
      const { busy: external } = await this.externalBusy(tenant, [providerId], change.start);
      return this.write(() => {
        const now = this.deps.clock.now();
        const booking = this.get(tenantId, bookingId);
        if (booking.status !== 'pending_review') {
          throw new ContractError('conflict', `This booking is ${describeStatus(booking.status)}, not waiting for review.`);
        }
        this.deps.bookings.expireHolds(tenantId, now);
        const check = this.check(tenant, serviceId, providerId, change.start, now, external, booking.id);
        const blocked = blockedInterval(this.service(tenant, serviceId), check.slot.start);
        this.deps.bookings.update(tenantId, bookingId, {
          providerId,
          start: check.slot.start,
          end: check.slot.end,
          blockedStart: blocked.start,
          blockedEnd: blocked.end,
          status: 'confirmed',
          updatedAt: now,
          updatedBy: actor,
        });
        if (serviceId !== booking.serviceId) this.deps.bookings.setService(tenantId, bookingId, serviceId);
        this.deps.bookings.addHistory(tenantId, bookingId, {
          at: now,
          actor,
          action: 'modified',
          fromStatus: booking.status,
          toStatus: 'confirmed',
          details: { fromStart: booking.start, toStart: check.slot.start, fromProviderId: booking.providerId, toProviderId: providerId, fromServiceId: booking.serviceId, toServiceId: serviceId },
        });
        const decided = this.get(tenantId, bookingId);
        this.deps.inTransaction?.({ action: 'modified', booking: decided, previous: booking, actor });
        inTransaction?.(decided);
        return decided;
      });
    });
    return this.changed(modified);
  }

  async cancel(tenantId: string, bookingId: string, actor: string, reason?: string): Promise<BookingRecord> {
    return this.changedAfter(() => this.write(() => {
      const now = this.deps.clock.now();
      const booking = this.get(tenantId, bookingId);
      if (booking.status === 'cancelled') return booking;
      if (!ACTIVE.includes(booking.status)) {
        throw new ContractError('conflict', `This booking is ${describeStatus(booking.status)} and cannot be cancelled.`);
      }
      return this.transition(booking, 'cancelled', actor, now, 'cancelled', { holdExpiresAt: null }, reason ? { reason } : {});
    }));
  }

  private changedAfter(fn: () => BookingRecord): BookingRecord {
    return this.changed(fn());
  }

  /**
   * Moves a booking in one transaction: the new time is checked against everything but the
   * booking itself and the row is updated in place, so the new slot is secured in the same
   * commit that releases the old one — there is no moment with neither, or both.
   */
  async reschedule(
    tenantId: string,
    bookingId: string,
    start: number,
    actor: string,
    providerId?: string,
    options: { releaseHoldId?: string | undefined; allowInsideNotice?: boolean | undefined } = {},
  ): Promise<BookingRecord> {
    const current = this.get(tenantId, bookingId);
    const tenant = this.deps.tenants.get(tenantId).config;
    const targetProvider = providerId ?? current.providerId;
    const moved = await this.deps.locks.run(tenantId, [current.providerId, targetProvider], async () => {
      const { busy: external, unreadable } = await this.externalBusy(tenant, [targetProvider], start);
      return this.write(() => {
        const now = this.deps.clock.now();
        const booking = this.get(tenantId, bookingId);
        if (booking.status !== 'confirmed' && booking.status !== 'pending_review') {
          throw new ContractError('conflict', `This booking is ${describeStatus(booking.status)} and cannot be moved.`);
        }
        this.deps.bookings.expireHolds(tenantId, now);
        // A hold the caller placed on the new time is released in this same commit that moves
        // the booking into it, so nobody can take the slot in between.
        if (options.releaseHoldId) this.releaseHold(tenantId, options.releaseHoldId, actor, now);
        const check = this.check(tenant, booking.serviceId, targetProvider, start, now, external, booking.id, options.allowInsideNotice);
        const blocked = blockedInterval(this.service(tenant, booking.serviceId), check.slot.start);
        const held = unreadable.length > 0 && booking.status === 'confirmed';
        const patch: BookingPatch = {
          providerId: targetProvider,
          start: check.slot.start,
          end: check.slot.end,
          blockedStart: blocked.start,
          blockedEnd: blocked.end,
          ...(held ? { status: 'pending_review' as const, reviewReason: unreadableReason(unreadable) } : {}),
          updatedAt: now,
          updatedBy: actor,
        };
        this.deps.bookings.update(tenantId, bookingId, patch);
        this.deps.bookings.addHistory(tenantId, bookingId, {
          at: now,
          actor,
          action: 'rescheduled',
          fromStatus: booking.status,
          toStatus: held ? 'pending_review' : booking.status,
          details: {
            fromStart: booking.start,
            toStart: check.slot.start,
            fromProviderId: booking.providerId,
            toProviderId: targetProvider,
            ...(check.override ? { staffOverride: check.override } : {}),
          },
        });
        const movedRecord = this.get(tenantId, bookingId);
        this.deps.inTransaction?.({ action: 'rescheduled', booking: movedRecord, previous: booking, actor });
        return movedRecord;
      });
    });
    if (options.releaseHoldId) this.deps.onChanged?.(tenantId, [options.releaseHoldId]);
    return this.changed(moved);
  }

  /**
   * Puts a confirmed booking back in front of staff (an outside calendar change collided with it).
   * Anything else is left alone: a booking already waiting for review keeps its first reason.
   */
  async flagForReview(tenantId: string, bookingId: string, reason: string, actor: string): Promise<BookingRecord | null> {
    let flagged = false;
    const record = this.write(() => {
      const booking = this.get(tenantId, bookingId);
      if (booking.status !== 'confirmed') return booking;
      flagged = true;
      return this.transition(booking, 'pending_review', actor, this.deps.clock.now(), 'flagged', { reviewReason: reason }, { reason });
    });
    return flagged ? this.changed(record) : null;
  }

  /** Arrived, completed or a no-show in one click; refused with the reason when the visit's state or day does not allow it. */
  async recordOutcome(tenantId: string, bookingId: string, outcome: VisitOutcome, actor: string): Promise<BookingRecord> {
    const zone = this.deps.tenants.get(tenantId).config.timezone;
    return this.changedAfter(() => this.write(() => {
      const now = this.deps.clock.now();
      const booking = this.get(tenantId, bookingId);
      // Two desks clicking the same button at once both see it done.
      if (booking.status === outcome) return booking;
      const refusal = visitOutcomeRefusal(booking, outcome, now, zone);
      if (refusal) throw new ContractError('conflict', refusal);
      return this.transition(booking, outcome, actor, now, outcome, {});
    }));
  }

  /**
   * Takes back a mistaken arrived / completed / no-show click: the visit returns to what it was
   * before it, recorded under the person's name. A no-show whose time someone else has since
   * taken stays a no-show (the overlap guard refuses it), with a reason.
   */
  async undoOutcome(tenantId: string, bookingId: string, outcome: VisitOutcome, actor: string): Promise<BookingRecord> {
    const taken = 'Someone else is booked in this visit’s time now, so it cannot go back on the schedule. Move or cancel that booking first.';
    return this.changedAfter(() =>
      this.write(() => {
        const booking = this.get(tenantId, bookingId);
        const target = undoOutcomeTarget(booking, outcome, this.deps.bookings.history(tenantId, bookingId));
        if ('done' in target) return booking;
        if ('refusal' in target) throw new ContractError('conflict', target.refusal);
        return this.transition(booking, target.to, actor, this.deps.clock.now(), undoneAction(outcome), {});
      }, taken),
    );
  }

  private releaseHold(tenantId: string, holdId: string, actor: string, now: number): void {
    const hold = this.get(tenantId, holdId);
    if (hold.status !== 'held' && hold.status !== 'expired') {
      throw new ContractError('conflict', 'That hold is no longer available.');
    }
    this.transition(hold, 'cancelled', actor, now, 'released', { holdExpiresAt: null }, { reason: 'converted into a reschedule' });
  }

  /**
   * Lets go of a hold a call placed and no longer wants (the caller chose another time), so it
   * stops blocking the times around it. Only that call's own live hold is released.
   */
  async releaseCallHold(tenantId: string, holdId: string, callId: string, actor: string): Promise<void> {
    const hold = this.deps.bookings.get(tenantId, holdId);
    if (!hold || hold.status !== 'held' || hold.callId !== callId) return;
    await this.cancel(tenantId, holdId, actor, 'released: the caller chose another time');
  }

  get(tenantId: string, bookingId: string): BookingRecord {
    this.deps.tenants.get(tenantId);
    const booking = this.deps.bookings.get(tenantId, bookingId);
    if (!booking) throw new ContractError('not_found', `There is no booking "${bookingId}".`);
    return booking;
  }

  find(tenantId: string, bookingId: string): BookingRecord | null {
    return this.deps.bookings.get(tenantId, bookingId);
  }

  /** Records something that happened to a booking without changing it ("confirmed by text"). */
  note(tenantId: string, bookingId: string, actor: string, action: string, details: Record<string, unknown> = {}): void {
    const booking = this.get(tenantId, bookingId);
    this.deps.bookings.addHistory(tenantId, bookingId, { at: this.deps.clock.now(), actor, action, fromStatus: booking.status, toStatus: booking.status, details });
    this.deps.onChanged?.(tenantId, [bookingId]);
  }

  list(tenantId: string, query: BookingQuery): BookingRecord[] {
    this.deps.tenants.get(tenantId);
    return this.deps.bookings.list(tenantId, query);
  }

  /** Rehearsal bookings are tests: removed when the rehearsal ends, or all at once with one click. */
  removeRehearsalBookings(tenantId: string, callIds: readonly string[] | 'all'): string[] {
    const removed = this.deps.bookings.exclusive(() =>
      this.deps.bookings.deleteRehearsalBookings(tenantId, callIds).map((record) => {
        // A test booking mirrored to a provider's calendar is taken off it in the same commit.
        this.deps.onWritten?.({ ...record, status: 'cancelled' });
        return record.id;
      }),
    );
    if (removed.length > 0) {
      this.deps.logger.info({ tenantId, removed: removed.length }, 'rehearsal bookings removed');
      this.deps.onChanged?.(tenantId, removed);
    }
    return removed;
  }

  count(tenantId: string, status: BookingStatus): number {
    return this.deps.bookings.countByStatus(tenantId, status);
  }

  history(tenantId: string, bookingId: string) {
    return this.deps.bookings.history(tenantId, bookingId);
  }

  /** Busy intervals of these providers around [from, to), for availability. */
  busy(tenantId: string, providerIds: readonly string[], from: number, to: number, excludeBookingId: string | null = null): BusyInterval[] {
    return this.deps.bookings.busyIntervals(tenantId, providerIds, from - NEIGHBOURHOOD_MS, to + NEIGHBOURHOOD_MS, this.deps.clock.now(), excludeBookingId);
  }

  private transition(
    booking: BookingRecord,
    to: BookingStatus,
    actor: string,
    now: number,
    action: string,
    patch: Omit<BookingPatch, 'updatedAt' | 'updatedBy' | 'status'>,
    details: Record<string, unknown> = {},
  ): BookingRecord {
    this.deps.bookings.update(booking.tenantId, booking.id, { ...patch, status: to, updatedAt: now, updatedBy: actor });
    this.deps.bookings.addHistory(booking.tenantId, booking.id, { at: now, actor, action, fromStatus: booking.status, toStatus: to, details });
    const after = this.get(booking.tenantId, booking.id);
    this.deps.inTransaction?.({ action: action as BookingChange['action'], booking: after, previous: booking, actor });
    return after;
  }

  /** Guard 2: the re-check and the write share one IMMEDIATE transaction; guard 3's refusal becomes a conflict. */
  private write(fn: () => BookingRecord, takenMessage = 'That time was just taken. Please choose another time.'): BookingRecord {
    try {
      return this.deps.bookings.exclusive(() => {
        const record = fn();
        this.deps.onWritten?.(record);
        return record;
      });
    } catch (error) {
      if (error instanceof SlotTakenError) {
        throw new ContractError('conflict', takenMessage);
      }
      throw error;
    }
  }

  private check(
    tenant: TenantConfig,
    serviceId: string,
    providerId: string,
    start: number,
    now: number,
    external: readonly BusyInterval[],
    excludeBookingId: string | null,
    allowInsideNotice = false,
  ): Extract<SlotCheck, { ok: true }> & { override?: string } {
    const stored = this.deps.bookings.busyIntervals(tenant.id, [providerId], start - NEIGHBOURHOOD_MS, start + NEIGHBOURHOOD_MS, now, excludeBookingId);
    const busy = [...stored, ...external];
    let result = checkSlot({ tenant, serviceId, providerId, start, now, busy });
    if (!result.ok && result.reason === 'too_soon' && allowInsideNotice && insideStaffWindow(tenant, start, now)) {
      // Judged as if booked early enough: every other rule (hours, grid, busy time) still holds.
      result = checkSlot({ tenant, serviceId, providerId, start, now: start - tenant.booking.minNoticeMinutes * 60_000, busy });
      if (result.ok) return { ...result, override: 'inside the minimum notice' };
    }
    if (!result.ok) {
      const code =
        result.reason === 'busy' ? 'conflict'
        : result.reason === 'provider_not_offering' ? 'invalid_input'
        : result.reason.startsWith('unknown') ? 'not_found'
        : 'outside_rules';
      throw new ContractError(code, result.message);
    }
    return result;
  }

  private service(tenant: TenantConfig, serviceId: string) {
    const service = tenant.services.find((s) => s.id === serviceId);
    if (!service) throw new ContractError('not_found', `There is no service "${serviceId}".`);
    return service;
  }

  /** Guard 1½: the providers' calendars re-read for the slot (bounded), or the cache when there is no fresh read. */
  private async externalBusy(tenant: TenantConfig, providerIds: readonly string[], around: number): Promise<FreshBusy> {
    const { externalBusy } = this.deps;
    const from = around - NEIGHBOURHOOD_MS;
    const to = around + NEIGHBOURHOOD_MS;
    if (externalBusy.freshBusyFor) return externalBusy.freshBusyFor(tenant, providerIds, from, to);
    return { busy: await externalBusy.busyFor(tenant, providerIds, from, to), unreadable: [] };
  }
}

/** A calendar that cannot be read makes a booking wait for staff instead of risking a double booking. */
function degraded<S extends BookRequest['status']>(status: S, reviewReason: string | undefined, unreadable: readonly string[]): { status: S | 'pending_review'; reviewReason: string | undefined } {
  if (unreadable.length === 0 || status !== 'confirmed') return { status, reviewReason };
  return { status: 'pending_review', reviewReason: [reviewReason, unreadableReason(unreadable)].filter(Boolean).join('; ') };
}

function unreadableReason(unreadable: readonly string[]): string {
  return `calendar not checked: ${unreadable.join('; ')}`;
}

/** Staff may book from the slot under way now (a walk-in standing at the desk) onwards. */
function insideStaffWindow(tenant: TenantConfig, start: number, now: number): boolean {
  return start > now - tenant.booking.slotStepMinutes * 60_000;
}

export function describeStatus(status: BookingStatus): string {
  return { held: 'on hold', pending_review: 'waiting for review', confirmed: 'confirmed', arrived: 'marked as arrived', cancelled: 'cancelled', completed: 'completed', no_show: 'marked as a no-show', expired: 'an expired hold' }[status];
}
