import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BusyBlockDto } from '../../../shared/contract/calendars.js';
import type { BookingDto } from '../../../shared/contract/scheduling.js';
import { describeError } from '../../api/command-error.js';
import type { ConsoleClient } from '../../api/console-client.js';
import { SCHEDULE_STATUSES, shiftAnchor, visibleDates, type ScheduleView } from './schedule-layout.js';
import { keepFresh } from '../../api/keep-fresh.js';

export interface ScheduleState {
  view: ScheduleView;
  /** The day on screen (day view) or a day of the week on screen; null until the appliance's today is known. */
  anchor: string | null;
  /** Whose week the week view shows; null: the first provider. */
  weekProviderId: string | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  bookings: BookingDto[];
  /** Busy time from the providers' calendars on those dates (someone else's events). */
  busyBlocks: BusyBlockDto[];
  /** The dates `bookings` covers, so a view never draws another range's bookings. */
  loadedRange: string | null;
  error: string | null;
  setView(view: ScheduleView): void;
  setAnchor(date: string): void;
  shift(direction: -1 | 1): void;
  setWeekProvider(providerId: string): void;
  refresh(): Promise<void>;
  /** Subscribes to events; returns the function that stops it. */
  start(): () => void;
}

export type ScheduleStore = StoreApi<ScheduleState>;

export function rangeKey(view: ScheduleView, anchor: string): string {
  const dates = visibleDates(view, anchor);
  return `${dates[0] ?? anchor}..${dates[dates.length - 1] ?? anchor}`;
}

/** The bookings of the days on screen for one practice; follows `bookings/changed`. */
export function createScheduleStore(client: ConsoleClient, tenantId: string, initial: { view?: ScheduleView } = {}): ScheduleStore {
  let request = 0;

  return createStore<ScheduleState>()((set, get) => {
    const refresh = async () => {
      const { view, anchor } = get();
      if (!anchor) return;
      const mine = ++request;
      const dates = visibleDates(view, anchor);
      const range = rangeKey(view, anchor);
      if (get().loadedRange !== range) set({ status: 'loading' });
      try {
        const from = dates[0] ?? anchor;
        const to = dates[dates.length - 1] ?? anchor;
        const [bookings, busyBlocks] = await Promise.all([
          client.call('bookings/list', { tenantId, from, to, statuses: [...SCHEDULE_STATUSES] }),
          // Calendar busy time is extra: the bookings still show when it cannot be read.
          client.call('calendars/busy-blocks', { tenantId, from, to }).catch(() => []),
        ]);
        if (mine !== request) return;
        set({ status: 'ready', bookings, busyBlocks, loadedRange: range, error: null });
      } catch (error) {
        if (mine !== request) return;
        set((s) => ({ status: s.loadedRange === range ? s.status : 'error', error: describeError(error) }));
      }
    };

    const navigate = (patch: Partial<Pick<ScheduleState, 'view' | 'anchor'>>) => {
      set(patch);
      void refresh();
    };

    return {
      view: initial.view ?? 'day',
      anchor: null,
      weekProviderId: null,
      status: 'idle',
      bookings: [],
      busyBlocks: [],
      loadedRange: null,
      error: null,
      setView: (view) => navigate({ view }),
      setAnchor: (anchor) => navigate({ anchor }),
      shift: (direction) => {
        const { view, anchor } = get();
        if (anchor) navigate({ anchor: shiftAnchor(view, anchor, direction) });
      },
      setWeekProvider: (weekProviderId) => set({ weekProviderId }),
      refresh,
      start: () => keepFresh(client, () => void refresh(), (event) => (event.name === 'bookings/changed' || event.name === 'calendars/changed') && event.payload.tenantId === tenantId),
    };
  });
}
