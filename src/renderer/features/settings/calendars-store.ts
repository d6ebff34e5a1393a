import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CalendarConnectionDto, CalendarDeliveryDto, CommandInput } from '../../../shared/contract/index.js';
import { describeError } from '../../api/command-error.js';
import type { ConsoleClient } from '../../api/console-client.js';
import { keepFresh } from '../../api/keep-fresh.js';

export interface CalendarsState {
  status: 'loading' | 'ready' | 'error';
  connections: CalendarConnectionDto[];
  /** Bookings not yet in their calendars (the calendar outbox's pending and failed items). */
  deliveries: CalendarDeliveryDto[];
  error: string | null;
  /** What the last action (connect, sync, change) said went wrong, in plain words. */
  actionError: string | null;
  busy: boolean;
  /** The sign-in under way: its link (shown: headless there is no other way to open it) and whether the desktop app opened it already. */
  signIn: { kind: 'google' | 'outlook'; url: string; openedInBrowser: boolean } | null;
  lastSync: string | null;
  refresh(): Promise<void>;
  connect(input: CommandInput<'calendars/connect'>): Promise<boolean>;
  signInWith(kind: 'google' | 'outlook', providerId: string): Promise<void>;
  update(connectionId: string, change: { countsAsBusy?: boolean; receivesBookings?: boolean }): Promise<void>;
  disconnect(connectionId: string): Promise<void>;
  syncNow(): Promise<void>;
  start(): () => void;
}

export type CalendarsStore = StoreApi<CalendarsState>;

/** One practice's connected calendars, live: every sync, alert and change elsewhere refreshes it. */
export function createCalendarsStore(client: ConsoleClient, tenantId: string): CalendarsStore {
  return createStore<CalendarsState>()((set, get) => {
    const act = async (fn: () => Promise<void>): Promise<boolean> => {
      set({ busy: true, actionError: null });
      try {
        await fn();
        return true;
      } catch (error) {
        set({ actionError: describeError(error) });
        return false;
      } finally {
        set({ busy: false });
        await get().refresh();
      }
    };
    return {
      status: 'loading',
      connections: [],
      deliveries: [],
      error: null,
      actionError: null,
      busy: false,
      signIn: null,
      lastSync: null,
      async refresh() {
        try {
          const [connections, deliveries] = await Promise.all([client.call('calendars/list', { tenantId }), client.call('calendars/list-deliveries', { tenantId })]);
          set({ connections, deliveries, status: 'ready', error: null });
        } catch (error) {
          set({ status: 'error', error: describeError(error) });
        }
      },
      connect: (input) => act(async () => void (await client.call('calendars/connect', input))),
      async signInWith(kind, providerId) {
        await act(async () => set({ signIn: { kind, ...(await client.call('calendars/start-sign-in', { tenantId, providerId, kind })) } }));
      },
      async update(connectionId, change) {
        // Shown at once; the refresh after the call puts back what the appliance really has.
        set({ connections: get().connections.map((c) => (c.id === connectionId ? { ...c, ...change } : c)) });
        await act(async () => void (await client.call('calendars/update', { tenantId, connectionId, ...change })));
      },
      async disconnect(connectionId) {
        await act(async () => void (await client.call('calendars/disconnect', { tenantId, connectionId })));
      },
      async syncNow() {
        await act(async () => {
          const outcomes = await client.call('calendars/sync', { tenantId });
          const failed = outcomes.filter((o) => !o.ok).length;
          set({ lastSync: outcomes.length === 0 ? null : failed ? `${failed} of ${outcomes.length} calendars could not be synced.` : 'All calendars synced.' });
        });
      },
      start: () =>
        keepFresh(client, () => void get().refresh(), (event) => (event.name === 'calendars/changed' || event.name === 'calendars/reconnect-needed' || event.name === 'bookings/changed') && event.payload.tenantId === tenantId),
    };
  });
}
