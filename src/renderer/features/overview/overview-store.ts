import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Health, TenantSummary } from '../../../shared/contract/dto.js';
import { describeError } from '../../api/command-error.js';
import type { ConsoleClient } from '../../api/console-client.js';

/** `health/changed` is the main signal; the poll only covers changes nobody announced. */
export const HEALTH_POLL_MS = 10_000;

export interface Loadable<T> {
  /** `loading` only until the first answer; later refreshes keep showing the last data. */
  status: 'loading' | 'ready' | 'error';
  data: T;
  /** The last refresh's failure, kept beside older data so the screen can say it may be stale. */
  error: string | null;
}

export interface OverviewState {
  practices: Loadable<TenantSummary[]>;
  health: Loadable<Health | null>;
  /** Appliance clock minus this browser's clock, from the last health report (the clock may be pinned). */
  clockOffsetMs: number;
  refreshPractices(): Promise<void>;
  refreshHealth(): Promise<void>;
  /** Subscribes to events, polls health, loads everything; returns the function that stops it all. */
  start(): () => void;
}

export type OverviewStore = StoreApi<OverviewState>;

export function createOverviewStore(client: ConsoleClient, options: { healthPollMs?: number } = {}): OverviewStore {
  const healthPollMs = options.healthPollMs ?? HEALTH_POLL_MS;
  // Only the newest request may write, so a slow old answer never overwrites a fresh one.
  let practicesRequest = 0;
  let healthRequest = 0;
  let healthInFlight: Promise<void> | null = null;

  return createStore<OverviewState>()((set, get) => {
    const applyHealth = (health: Health) => {
      set({ health: { status: 'ready', data: health, error: null }, clockOffsetMs: health.now - Date.now() });
    };

    const refreshPractices = async () => {
      const request = ++practicesRequest;
      try {
        const practices = await client.call('tenants/list', {});
        if (request === practicesRequest) set({ practices: { status: 'ready', data: practices, error: null } });
      } catch (error) {
        if (request !== practicesRequest) return;
        const previous = get().practices;
        set({ practices: { status: previous.status === 'loading' ? 'error' : previous.status, data: previous.data, error: describeError(error) } });
      }
    };

    const refreshHealth = () => {
      // The poll and an event can ask at once; one question in flight is enough.
      if (healthInFlight) return healthInFlight;
      const request = ++healthRequest;
      healthInFlight = (async () => {
        try {
          const health = await client.call('health/get', {});
          if (request === healthRequest) applyHealth(health);
        } catch (error) {
          if (request !== healthRequest) return;
          const previous = get().health;
          set({ health: { status: previous.status === 'loading' ? 'error' : previous.status, data: previous.data, error: describeError(error) } });
        } finally {
          healthInFlight = null;
        }
      })();
      return healthInFlight;
    };

    const start = () => {
      const stopEvents = client.subscribe((event) => {
        switch (event.name) {
          case 'tenants/changed':
            void refreshPractices();
            break;
          case 'health/changed':
            // A pushed report is newer than any answer still on its way.
            healthRequest++;
            applyHealth(event.payload);
            break;
        }
      });
      // Events sent while the connection was down are lost: catch up after every reconnect.
      const stopState = client.onStateChange((state) => {
        if (state !== 'open') return;
        void refreshPractices();
        void refreshHealth();
      });
      const poll = setInterval(() => void refreshHealth(), healthPollMs);
      void refreshPractices();
      void refreshHealth();
      return () => {
        stopEvents();
        stopState();
        clearInterval(poll);
      };
    };

    return {
      practices: { status: 'loading', data: [], error: null },
      health: { status: 'loading', data: null, error: null },
      clockOffsetMs: 0,
      refreshPractices,
      refreshHealth,
      start,
    };
  });
}
