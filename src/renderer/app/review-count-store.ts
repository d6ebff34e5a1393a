import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConsoleClient } from '../api/console-client.js';

export interface ReviewCountState {
  /** Bookings waiting for review, per practice; a practice is missing until its count is known. */
  pending: Record<string, number>;
  /** Loads every practice's queue; returns nothing, failures leave that practice's count unknown. */
  refresh(): Promise<void>;
  start(): () => void;
}

export type ReviewCountStore = StoreApi<ReviewCountState>;

/** Everything waiting, across the practices whose count is known. */
export function totalPending(pending: Record<string, number>): number {
  return Object.values(pending).reduce((sum, n) => sum + n, 0);
}

/**
 * The number on the Review tab: `review/list` once per practice when the console loads (and after
 * a reconnect or a change of practices), then `review/changed`, which carries each new count.
 */
export function createReviewCountStore(client: ConsoleClient): ReviewCountStore {
  let round = 0;
  /** How many `review/changed` events each practice has had: a list answer older than an event loses. */
  const pushes = new Map<string, number>();

  return createStore<ReviewCountState>()((set, get) => {
    const refresh = async () => {
      const mine = ++round;
      let tenants;
      try {
        tenants = await client.call('tenants/list', {});
      } catch {
        // The connection is down or the appliance is busy; the next reconnect asks again.
        return;
      }
      if (mine !== round) return;
      const known = new Set(tenants.map((t) => t.id));
      set({ pending: Object.fromEntries(Object.entries(get().pending).filter(([id]) => known.has(id))) });
      await Promise.all(
        tenants.map(async (tenant) => {
          const before = pushes.get(tenant.id) ?? 0;
          try {
            const items = await client.call('review/list', { tenantId: tenant.id });
            if (mine === round && (pushes.get(tenant.id) ?? 0) === before) set({ pending: { ...get().pending, [tenant.id]: items.length } });
          } catch {
            // Unknown stays unknown: no badge is better than a wrong one.
          }
        }),
      );
    };

    const start = () => {
      const stopEvents = client.subscribe((event) => {
        if (event.name === 'review/changed') {
          pushes.set(event.payload.tenantId, (pushes.get(event.payload.tenantId) ?? 0) + 1);
          set({ pending: { ...get().pending, [event.payload.tenantId]: event.payload.pending } });
        } else if (event.name === 'tenants/changed') {
          void refresh();
        }
      });
      const stopState = client.onStateChange((state) => {
        if (state === 'open') void refresh();
      });
      void refresh();
      return () => {
        stopEvents();
        stopState();
      };
    };

    return { pending: {}, refresh, start };
  });
}
