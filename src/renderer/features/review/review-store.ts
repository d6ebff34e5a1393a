import { ALL_PRACTICES } from '../../app/desk-store.js';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BookingDto } from '../../../shared/contract/scheduling.js';
import type { ReviewItemDto } from '../../../shared/contract/desk.js';
import { describeError, isCommandError } from '../../api/command-error.js';
import type { ConsoleClient } from '../../api/console-client.js';
import { formatDayTime } from '../../components/wall-clock.js';
import { keepFresh } from '../../api/keep-fresh.js';

export type Decision = 'approve' | 'reject' | 'modify';

export interface ReviewChange {
  start: string;
  providerId?: string;
  serviceId?: string;
}

export interface DecisionNotice {
  bookingId: string;
  text: string;
}

export interface ReviewState {
  status: 'loading' | 'ready' | 'error';
  items: ReviewItemDto[];
  /** The last refresh's failure; kept beside older items so the screen can say they may be stale. */
  error: string | null;
  /** Decisions on their way to the appliance, by booking id. */
  deciding: Record<string, Decision>;
  /** Why the last decision on a booking failed, by booking id. */
  decisionErrors: Record<string, string>;
  /** The last decision that went through, announced to staff. */
  notice: DecisionNotice | null;
  refresh(): Promise<void>;
  approve(bookingId: string, staffName: string): Promise<boolean>;
  reject(bookingId: string, reason: string, staffName: string): Promise<boolean>;
  modify(bookingId: string, change: ReviewChange, staffName: string): Promise<boolean>;
  clearDecisionError(bookingId: string): void;
  /** Subscribes to events and loads the queue; returns the function that stops it. */
  start(): () => void;
}

export type ReviewStore = StoreApi<ReviewState>;

/**
 * The review queue of one practice, or of every practice the person may see (`ALL_PRACTICES`):
 * bookings the receptionist was unsure of, waiting for staff.
 */
export function createReviewStore(client: ConsoleClient, scope: string): ReviewStore {
  let request = 0;
  const all = scope === ALL_PRACTICES;
  const tenantOf = (bookingId: string) => get().items.find((item) => item.booking.id === bookingId)?.booking.tenantId ?? scope;
  let get: () => ReviewState;

  return createStore<ReviewState>()((set, getState) => {
    get = getState;
    const refresh = async () => {
      const mine = ++request;
      try {
        const items = await client.call('review/list', all ? {} : { tenantId: scope });
        if (mine !== request) return;
        // A decision still on its way stays off the list even if this answer predates it.
        const deciding = get().deciding;
        set({ status: 'ready', items: items.filter((item) => !deciding[item.booking.id]), error: null });
      } catch (error) {
        if (mine !== request) return;
        set((s) => ({ status: s.status === 'loading' ? 'error' : s.status, error: describeError(error) }));
      }
    };

    const decide = async (bookingId: string, decision: Decision, run: () => Promise<BookingDto>, describe: (booking: BookingDto) => string) => {
      if (get().deciding[bookingId]) return false;
      set((s) => ({ deciding: { ...s.deciding, [bookingId]: decision }, decisionErrors: without(s.decisionErrors, bookingId) }));
      try {
        const booking = await run();
        set((s) => ({
          items: s.items.filter((item) => item.booking.id !== bookingId),
          deciding: without(s.deciding, bookingId),
          notice: { bookingId, text: describe(booking) },
        }));
        return true;
      } catch (error) {
        set((s) => ({ deciding: without(s.deciding, bookingId), decisionErrors: { ...s.decisionErrors, [bookingId]: decisionMessage(error) } }));
        return false;
      } finally {
        // Either way the queue may have moved on meanwhile (someone else decided, a time was taken).
        void refresh();
      }
    };

    const start = () =>
      keepFresh(
        client,
        () => void refresh(),
        (event) => (event.name === 'review/changed' || event.name === 'bookings/changed') && (all || event.payload.tenantId === scope),
      );

    return {
      status: 'loading',
      items: [],
      error: null,
      deciding: {},
      decisionErrors: {},
      notice: null,
      refresh,
      approve: (bookingId, staffName) =>
        decide(bookingId, 'approve', () => client.call('review/approve', { tenantId: tenantOf(bookingId), bookingId, staffName }), (b) => `Approved: ${describeBooking(b)} is confirmed.`),
      reject: (bookingId, reason, staffName) =>
        decide(
          bookingId,
          'reject',
          () => client.call('review/reject', { tenantId: tenantOf(bookingId), bookingId, reason, staffName }),
          (b) => `Rejected: ${describeBooking(b)}. The time is free again.`,
        ),
      modify: (bookingId, change, staffName) =>
        decide(
          bookingId,
          'modify',
          () => client.call('review/modify', { tenantId: tenantOf(bookingId), bookingId, staffName, ...change }),
          (b) => `Changed and confirmed: ${describeBooking(b)}.`,
        ),
      clearDecisionError: (bookingId) => set((s) => ({ decisionErrors: without(s.decisionErrors, bookingId) })),
      start,
    };
  });
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _removed, ...rest } = record;
  return rest;
}

/** The appliance's sentence plus any field details, e.g. "The request … is not valid. staffName: enter your name". */
export function decisionMessage(error: unknown): string {
  if (isCommandError(error) && error.details.length) return `${error.message} ${error.details.join('; ')}`;
  return describeError(error);
}

/** "Jane Doe — Teeth whitening consultation with Dr. Raj Patel, Wed, Nov 25 · 9:00 AM" */
export function describeBooking(booking: BookingDto): string {
  const who = booking.customer?.name ?? booking.customer?.phone ?? 'The caller';
  return `${who} — ${booking.serviceName} with ${booking.providerName}, ${formatDayTime(booking.start)}`;
}
