import { ALL_PRACTICES } from '../../app/desk-store.js';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CallSummaryDto } from '../../../shared/contract/calls.js';
import { describeError } from '../../api/command-error.js';
import type { ConsoleClient } from '../../api/console-client.js';

export const HISTORY_LIMIT = 50;

export interface CallHistoryState {
  tenantId: string | null;
  /** The search as typed; the list answers `appliedSearch`. */
  search: string;
  appliedSearch: string;
  /** `loading` whenever the list answers a different question than the one asked. */
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** Ended calls, newest first. */
  calls: CallSummaryDto[];
  error: string | null;
  /** Changes the practice or the search and loads the matching calls. */
  query(tenantId: string | null, search: string): Promise<void>;
  refresh(): Promise<void>;
  start(): () => void;
}

export type CallHistoryStore = StoreApi<CallHistoryState>;

/**
 * Ended calls of one practice, searchable (caller, number, what they wanted, outcome, anything
 * said). Only the newest question's answer is shown; a call ending anywhere in the practice, or a
 * reconnect, refreshes the list.
 */
export function createCallHistoryStore(client: ConsoleClient, options: { limit?: number } = {}): CallHistoryStore {
  const limit = options.limit ?? HISTORY_LIMIT;
  let request = 0;

  return createStore<CallHistoryState>()((set, get) => {
    const load = async (tenantId: string, search: string, quiet: boolean) => {
      const mine = ++request;
      if (!quiet) set({ status: 'loading', error: null });
      try {
        const trimmed = search.trim();
        const scope = tenantId === ALL_PRACTICES ? {} : { tenantId };
        const calls = await client.call('calls/list-recent', { ...scope, limit, ...(trimmed ? { search: trimmed } : {}) });
        if (mine !== request) return;
        set({ status: 'ready', calls: calls.filter((c) => !c.active), appliedSearch: search, error: null });
      } catch (error) {
        if (mine !== request) return;
        // A failed background refresh keeps the list it had; a failed new question shows the error.
        set({ status: quiet && get().status === 'ready' ? 'ready' : 'error', error: describeError(error) });
      }
    };

    const query = async (tenantId: string | null, search: string) => {
      const changedTenant = tenantId !== get().tenantId;
      set({ tenantId, search, ...(changedTenant ? { calls: [] } : {}) });
      if (!tenantId) {
        request++;
        set({ status: 'idle', calls: [], error: null });
        return;
      }
      await load(tenantId, search, false);
    };

    const refresh = async () => {
      const { tenantId, search, status } = get();
      if (tenantId) await load(tenantId, search, status === 'ready');
    };

    const start = () => {
      const stopEvents = client.subscribe((event) => {
        if (event.name === 'call/ended' && (get().tenantId === ALL_PRACTICES || event.payload.tenantId === get().tenantId)) void refresh();
        // An ended call's outcome can still be filled in (a transfer completing); keep its row right.
        if (event.name === 'call/updated' && !event.payload.active) {
          const calls = get().calls;
          if (calls.some((c) => c.id === event.payload.id)) set({ calls: calls.map((c) => (c.id === event.payload.id ? event.payload : c)) });
        }
      });
      const stopState = client.onStateChange((state) => {
        if (state === 'open') void refresh();
      });
      return () => {
        stopEvents();
        stopState();
      };
    };

    return { tenantId: null, search: '', appliedSearch: '', status: 'idle', calls: [], error: null, query, refresh, start };
  });
}
