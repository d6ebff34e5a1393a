import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CallDetailDto, CallSummaryDto, TranscriptTurnDto } from '../../../shared/contract/calls.js';
import { describeError } from '../../api/command-error.js';
import type { ConsoleClient } from '../../api/console-client.js';
import { insertTurn, mergeTurns } from './transcript.js';

export interface CallRef {
  tenantId: string;
  callId: string;
}

/** The desk's commands on a live call. */
export type DeskCommand = 'transfer' | 'take-over' | 'say' | 'hand-back';

export interface CallDetailState {
  ref: CallRef | null;
  /** `loading` until the selected call's first answer; later reloads keep what is shown. */
  status: 'idle' | 'loading' | 'ready' | 'error';
  detail: CallDetailDto | null;
  error: string | null;
  /** The desk command in flight on this call; controls stay disabled meanwhile. */
  pending: DeskCommand | null;
  /** The last desk command's failure, in words for people. */
  commandError: string | null;
  select(ref: CallRef | null): void;
  reload(): Promise<void>;
  /** Each resolves true when the appliance accepted the command. */
  transfer(staffName: string, to?: string): Promise<boolean>;
  takeOver(staffName: string): Promise<boolean>;
  say(staffName: string, text: string): Promise<boolean>;
  handBack(staffName: string): Promise<boolean>;
  clearCommandError(): void;
  start(): () => void;
}

export type CallDetailStore = StoreApi<CallDetailState>;

const sameRef = (a: CallRef | null, b: CallRef | null) => a?.callId === b?.callId && a?.tenantId === b?.tenantId;

/** Keeps the summary fields of `detail` up to date from a pushed summary. */
function withSummary(detail: CallDetailDto, summary: CallSummaryDto): CallDetailDto {
  return { ...detail, ...summary, transcript: detail.transcript, actions: detail.actions, messages: detail.messages };
}

/**
 * One call, selected on the Calls screen: its record (`calls/get`), the transcript streaming in
 * live, and the desk's commands on it. Turns that arrive while the record loads are kept and
 * merged into it, so nothing said in between is lost or shown twice.
 */
export function createCallDetailStore(client: ConsoleClient): CallDetailStore {
  let request = 0;
  /**
   * Live turns and summaries seen while `calls/get` is in flight for the current selection: its
   * answer may be older than them, so they are replayed over it. Null when nothing is in flight.
   */
  let early: { turns: TranscriptTurnDto[]; summary: CallSummaryDto | null } | null = null;

  return createStore<CallDetailState>()((set, get) => {
    const reload = async () => {
      const ref = get().ref;
      if (!ref) return;
      const mine = ++request;
      const seen = { turns: [] as TranscriptTurnDto[], summary: null as CallSummaryDto | null };
      early = seen;
      try {
        const fetched = await client.call('calls/get', ref);
        if (mine !== request) return;
        let detail: CallDetailDto = { ...fetched, transcript: [...mergeTurns(fetched.transcript, seen.turns)] };
        // A summary pushed after the fetch began is at least as new as the fetch (ended stays ended).
        if (seen.summary && !(fetched.endedAt && seen.summary.active)) detail = withSummary(detail, seen.summary);
        set({ status: 'ready', detail, error: null });
      } catch (error) {
        if (mine !== request) return;
        set({ status: get().detail ? 'ready' : 'error', error: describeError(error) });
      } finally {
        if (mine === request) early = null;
      }
    };

    const select = (ref: CallRef | null) => {
      if (sameRef(ref, get().ref)) return;
      request++;
      early = null;
      set({ ref, status: ref ? 'loading' : 'idle', detail: null, error: null, pending: null, commandError: null });
      if (ref) void reload();
    };

    const command = async (name: DeskCommand, run: (ref: CallRef) => Promise<CallSummaryDto>): Promise<boolean> => {
      const ref = get().ref;
      if (!ref || get().pending) return false;
      set({ pending: name, commandError: null });
      try {
        const summary = await run(ref);
        if (!sameRef(ref, get().ref)) return true;
        const detail = get().detail;
        set({ pending: null, ...(detail ? { detail: withSummary(detail, summary) } : {}) });
        return true;
      } catch (error) {
        if (sameRef(ref, get().ref)) set({ pending: null, commandError: describeError(error) });
        return false;
      }
    };

    const onSummary = (summary: CallSummaryDto, ended: boolean) => {
      const { ref, detail } = get();
      if (!ref || summary.id !== ref.callId) return;
      if (early) early.summary = summary;
      if (detail) set({ detail: withSummary(detail, summary) });
      // The record now has its outcome, actions and messages in full.
      if (ended) void reload();
    };

    const start = () => {
      const stopEvents = client.subscribe((event) => {
        switch (event.name) {
          case 'call/started':
          case 'call/updated':
            onSummary(event.payload, false);
            break;
          case 'call/ended':
            onSummary(event.payload, true);
            break;
          case 'call/transcript-appended': {
            const { ref, detail } = get();
            if (!ref || event.payload.callId !== ref.callId) break;
            early?.turns.push(event.payload.turn);
            if (!detail) break;
            const transcript = insertTurn(detail.transcript, event.payload.turn);
            if (transcript !== detail.transcript) set({ detail: { ...detail, transcript: [...transcript] } });
            break;
          }
          case 'messages/taken': {
            const { ref, detail } = get();
            if (!ref || !detail || event.payload.callId !== ref.callId) break;
            if (detail.messages.some((m) => m.id === event.payload.id)) break;
            set({ detail: { ...detail, messages: [...detail.messages, event.payload] } });
            break;
          }
        }
      });
      // Turns spoken while disconnected never arrived: fetch the record again.
      const stopState = client.onStateChange((state) => {
        if (state === 'open') void reload();
      });
      void reload();
      return () => {
        stopEvents();
        stopState();
      };
    };

    return {
      ref: null,
      status: 'idle',
      detail: null,
      error: null,
      pending: null,
      commandError: null,
      select,
      reload,
      transfer: (staffName, to) => command('transfer', (ref) => client.call('calls/transfer', { ...ref, staffName, ...(to ? { to } : {}) })),
      takeOver: (staffName) => command('take-over', (ref) => client.call('calls/take-over', { ...ref, staffName })),
      say: (staffName, text) => command('say', (ref) => client.call('calls/say', { ...ref, staffName, text })),
      handBack: (staffName) => command('hand-back', (ref) => client.call('calls/hand-back', { ...ref, staffName })),
      clearCommandError: () => set({ commandError: null }),
      start,
    };
  });
}
