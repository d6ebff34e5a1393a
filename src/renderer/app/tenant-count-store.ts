import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AnyEvent } from '../../shared/contract/index.js';
import type { ConsoleClient } from '../api/console-client.js';

export interface TenantCountState {
  /** The count per practice; a practice is missing until its count is known. */
  pending: Record<string, number>;
  /** Loads every practice's count; failures leave that practice's count unknown. */
  refresh(): Promise<void>;
  start(): () => void;
}

export type TenantCountStore = StoreApi<TenantCountState>;

/** Everything waiting, across the practices whose count is known. */
export function totalPending(pending: Record<string, number>): number {
  return Object.values(pending).reduce((sum, n) => sum + n, 0);
}

/**
 * A number on a navigation tab, per practice: `count` once per practice when the console loads
 * (and after a reconnect or a change of practices), then the events that carry each new count.
 */
export function createTenantCountStore(
  client: ConsoleClient,
  options: { count: (tenantId: string) => Promise<number>; pushed: (event: AnyEvent) => { tenantId: string; count: number } | null },
): TenantCountStore {
  let round = 0;
  /** How many pushes each practice has had: a loaded answer older than a push loses. */
  const pushes = new Map<string, number>();

  return createStore<TenantCountState>()((set, get) => {
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
            const count = await options.count(tenant.id);
            if (mine === round && (pushes.get(tenant.id) ?? 0) === before) set({ pending: { ...get().pending, [tenant.id]: count } });
          } catch {
            // Unknown stays unknown: no badge is better than a wrong one.
          }
        }),
      );
    };

    const start = () => {
      const stopEvents = client.subscribe((event) => {
        const pushed = options.pushed(event);
        if (pushed) {
          pushes.set(pushed.tenantId, (pushes.get(pushed.tenantId) ?? 0) + 1);
          set({ pending: { ...get().pending, [pushed.tenantId]: pushed.count } });
        } else if (event.name === 'tenants/changed' || event.name === 'staff/changed') {
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
