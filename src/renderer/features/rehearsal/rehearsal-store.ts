import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RehearsalTurnDto } from '../../../shared/contract/desk.js';
import { describeError } from '../../api/command-error.js';
import type { ConsoleClient } from '../../api/console-client.js';

export interface RehearsalLine {
  id: number;
  speaker: 'you' | 'receptionist';
  text: string;
}

/**
 * - idle: no rehearsal yet; starting: dialing in; listening: the receptionist waits for you;
 * - replying: your line is on its way; transferred / ended: the call is over.
 */
export type RehearsalPhase = 'idle' | 'starting' | 'listening' | 'replying' | 'transferred' | 'ended';

export interface RehearsalState {
  tenantId: string | null;
  callId: string | null;
  phase: RehearsalPhase;
  lines: RehearsalLine[];
  transferTo: string | null;
  error: string | null;
  start(tenantId: string): Promise<void>;
  say(text: string): Promise<boolean>;
  hangUp(): Promise<void>;
  /** Hangs up any rehearsal in progress and starts a fresh one. */
  startOver(tenantId: string): Promise<void>;
}

export type RehearsalStore = StoreApi<RehearsalState>;

/**
 * A practice call typed by the owner: each line goes through the real call path (the same brain,
 * actions and call record as a phone call), and the receptionist's replies come back as text.
 */
export function createRehearsalStore(client: ConsoleClient): RehearsalStore {
  let nextLineId = 1;
  /** Bumped by every start, so answers for an abandoned rehearsal are ignored. */
  let session = 0;

  return createStore<RehearsalState>()((set, get) => {
    const lines = (speaker: RehearsalLine['speaker'], texts: readonly string[]): RehearsalLine[] =>
      texts.filter((t) => t.trim()).map((text) => ({ id: nextLineId++, speaker, text }));

    const applyTurn = (turn: RehearsalTurnDto) => {
      set({
        callId: turn.callId,
        phase: turn.state,
        transferTo: turn.transferTo,
        lines: [...get().lines, ...lines('receptionist', turn.said)],
      });
    };

    const start = async (tenantId: string) => {
      const mine = ++session;
      set({ tenantId, callId: null, phase: 'starting', lines: [], transferTo: null, error: null });
      try {
        const turn = await client.call('rehearsal/start', { tenantId });
        if (mine === session) applyTurn(turn);
      } catch (error) {
        if (mine === session) set({ phase: 'idle', error: describeError(error) });
      }
    };

    const say = async (text: string) => {
      const { callId, phase } = get();
      const trimmed = text.trim();
      if (!callId || phase !== 'listening' || !trimmed) return false;
      const mine = session;
      set({ phase: 'replying', error: null, lines: [...get().lines, ...lines('you', [trimmed])] });
      try {
        const turn = await client.call('rehearsal/say', { callId, text: trimmed });
        if (mine === session) applyTurn(turn);
        return true;
      } catch (error) {
        // The line was not heard; the caller may say it again.
        if (mine === session) set({ phase: 'listening', error: describeError(error) });
        return false;
      }
    };

    const hangUp = async () => {
      const { callId, phase } = get();
      if (!callId || phase === 'ended' || phase === 'transferred') return;
      const mine = session;
      try {
        await client.call('rehearsal/hang-up', { callId });
        if (mine === session) set({ phase: 'ended', error: null });
      } catch (error) {
        if (mine === session) set({ error: describeError(error) });
      }
    };

    const startOver = async (tenantId: string) => {
      const { callId, phase } = get();
      if (callId && (phase === 'listening' || phase === 'replying')) {
        // Best effort: the old rehearsal ends on its own when abandoned; a new one must not wait on it.
        client.call('rehearsal/hang-up', { callId }).catch(() => undefined);
      }
      await start(tenantId);
    };

    return { tenantId: null, callId: null, phase: 'idle', lines: [], transferTo: null, error: null, start, say, hangUp, startOver };
  });
}

const stores = new WeakMap<ConsoleClient, RehearsalStore>();

/** One rehearsal per console, so it survives a look at the live board and back. */
export function rehearsalStoreFor(client: ConsoleClient): RehearsalStore {
  let store = stores.get(client);
  if (!store) {
    store = createRehearsalStore(client);
    stores.set(client, store);
  }
  return store;
}
