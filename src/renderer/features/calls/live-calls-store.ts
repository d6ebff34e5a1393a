import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CallSummaryDto, TranscriptTurnDto } from '../../../shared/contract/calls.js';
import { describeError } from '../../api/command-error.js';
import type { ConsoleClient } from '../../api/console-client.js';

/** How long an ended call stays on the board (marked ended, with its outcome) before it leaves for the history. */
export const ENDED_LINGER_MS = 60_000;

export interface LiveCallsState {
  /** `loading` only until the first answer; later refreshes keep the board. */
  status: 'loading' | 'ready' | 'error';
  /** Calls in progress, oldest first, then calls that just ended. */
  calls: CallSummaryDto[];
  /** The latest thing said on each call on the board, for a one-line glimpse. */
  lastTurns: Record<string, TranscriptTurnDto>;
  error: string | null;
  /** Appliance clock minus this browser's clock (the appliance's clock may be pinned for demos). */
  clockOffsetMs: number;
  refresh(): Promise<void>;
  /** Subscribes to call events and loads the board; returns the function that stops it. */
  start(): () => void;
}

export type LiveCallsStore = StoreApi<LiveCallsState>;

function ordered(calls: Iterable<CallSummaryDto>): CallSummaryDto[] {
  return [...calls].sort((a, b) => {
    if (a.active !== b.active) return a.active ? -1 : 1;
    return Date.parse(a.startedAt) - Date.parse(b.startedAt);
  });
}

/**
 * The board of calls in progress across every practice. Events keep it live; a refresh (at start
 * and after every reconnect, since events sent while disconnected are lost) replaces it, while
 * events that arrive during the refresh still win over its older answer.
 */
export function createLiveCallsStore(client: ConsoleClient, options: { endedLingerMs?: number } = {}): LiveCallsStore {
  const lingerMs = options.endedLingerMs ?? ENDED_LINGER_MS;
  const lingerTimers = new Map<string, ReturnType<typeof setTimeout>>();
  let request = 0;
  /** Summaries pushed while a refresh is in flight, replayed over its answer. */
  let pushedDuringRefresh: Map<string, CallSummaryDto> | null = null;

  return createStore<LiveCallsState>()((set, get) => {
    const forget = (callId: string) => {
      lingerTimers.delete(callId);
      const { calls, lastTurns } = get();
      const rest = { ...lastTurns };
      delete rest[callId];
      set({ calls: calls.filter((c) => c.id !== callId), lastTurns: rest });
    };

    const scheduleForget = (callId: string) => {
      if (lingerTimers.has(callId)) return;
      lingerTimers.set(
        callId,
        setTimeout(() => forget(callId), lingerMs),
      );
    };

    /** Puts a summary on the board (or updates it); an ended call lingers, then leaves. */
    const apply = (call: CallSummaryDto) => {
      pushedDuringRefresh?.set(call.id, call);
      const byId = new Map(get().calls.map((c) => [c.id, c]));
      if (!call.active && !byId.has(call.id)) return;
      byId.set(call.id, call);
      set({ calls: ordered(byId.values()) });
      if (!call.active) scheduleForget(call.id);
    };

    const refreshOffset = async () => {
      try {
        const health = await client.call('health/get', {});
        set({ clockOffsetMs: health.now - Date.now() });
      } catch {
        // Durations then count from this browser's clock; the board itself still works.
      }
    };

    const refresh = async () => {
      const mine = ++request;
      pushedDuringRefresh = new Map();
      try {
        const active = await client.call('calls/list-active', {});
        if (mine !== request) return;
        const byId = new Map(active.map((c) => [c.id, c]));
        // Ended calls already on the board keep lingering.
        for (const c of get().calls) if (!c.active && !byId.has(c.id)) byId.set(c.id, c);
        for (const pushed of pushedDuringRefresh.values()) {
          if (pushed.active || byId.has(pushed.id)) byId.set(pushed.id, pushed);
        }
        // A call that ended while we were away is not in the answer and had no event: it just leaves.
        const calls = ordered(byId.values());
        const lastTurns = Object.fromEntries(Object.entries(get().lastTurns).filter(([id]) => byId.has(id)));
        set({ status: 'ready', calls, lastTurns, error: null });
        for (const c of calls) if (!c.active) scheduleForget(c.id);
      } catch (error) {
        if (mine !== request) return;
        set({ status: get().status === 'loading' ? 'error' : get().status, error: describeError(error) });
      } finally {
        if (mine === request) pushedDuringRefresh = null;
      }
    };

    const start = () => {
      const stopEvents = client.subscribe((event) => {
        switch (event.name) {
          case 'call/started':
          case 'call/updated':
          case 'call/ended':
            apply(event.payload);
            break;
          case 'call/transcript-appended': {
            const { callId, turn } = event.payload;
            const previous = get().lastTurns[callId];
            if (previous && previous.id >= turn.id) break;
            set({ lastTurns: { ...get().lastTurns, [callId]: turn } });
            break;
          }
        }
      });
      const stopState = client.onStateChange((state) => {
        if (state !== 'open') return;
        void refresh();
        void refreshOffset();
      });
      void refresh();
      void refreshOffset();
      return () => {
        stopEvents();
        stopState();
        for (const timer of lingerTimers.values()) clearTimeout(timer);
        lingerTimers.clear();
      };
    };

    return { status: 'loading', calls: [], lastTurns: {}, error: null, clockOffsetMs: 0, refresh, start };
  });
}
