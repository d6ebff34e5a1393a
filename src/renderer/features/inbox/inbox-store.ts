import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TextThreadDto, TextThreadSummaryDto } from '../../../shared/contract/texts.js';
import { describeError } from '../../api/command-error.js';
import type { ConsoleClient } from '../../api/console-client.js';
import { keepFresh } from '../../api/keep-fresh.js';

export interface InboxState {
  tenantId: string | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  threads: TextThreadSummaryDto[];
  error: string | null;
  /** The open thread's number; its messages are marked read while it is open. */
  selected: string | null;
  thread: TextThreadDto | null;
  threadError: string | null;
  sending: boolean;
  sendError: string | null;
  show(tenantId: string | null): Promise<void>;
  select(phone: string | null): Promise<void>;
  reply(body: string, staffName: string): Promise<boolean>;
  start(): () => void;
}

export type InboxStore = StoreApi<InboxState>;

/**
 * Text threads of one practice, newest activity first (unread ones on top), and the open thread.
 * Live: a `texts/changed` for the practice reloads the list and, when it is the open number, the
 * thread (which marks what arrived read, since staff are looking at it).
 */
export function createInboxStore(client: ConsoleClient): InboxStore {
  let listRound = 0;
  let threadRound = 0;
  return createStore<InboxState>()((set, get) => {
    const loadThreads = async () => {
      const { tenantId } = get();
      const mine = ++listRound;
      if (!tenantId) return set({ status: 'idle', threads: [], error: null });
      if (get().status !== 'ready') set({ status: 'loading' });
      try {
        const threads = await client.call('texts/list-threads', { tenantId });
        if (mine === listRound) set({ status: 'ready', threads, error: null });
      } catch (error) {
        if (mine === listRound) set({ status: get().threads.length ? 'ready' : 'error', error: describeError(error) });
      }
    };

    const loadThread = async () => {
      const { tenantId, selected } = get();
      const mine = ++threadRound;
      if (!tenantId || !selected) return set({ thread: null, threadError: null });
      try {
        const thread = await client.call('texts/get-thread', { tenantId, phone: selected });
        if (mine !== threadRound) return;
        set({ thread, threadError: null });
        if (thread.messages.some((m) => m.direction === 'in' && !m.read)) await client.call('texts/mark-read', { tenantId, phone: selected });
      } catch (error) {
        if (mine === threadRound) set({ threadError: describeError(error) });
      }
    };

    return {
      tenantId: null,
      status: 'idle',
      threads: [],
      error: null,
      selected: null,
      thread: null,
      threadError: null,
      sending: false,
      sendError: null,
      async show(tenantId) {
        if (tenantId === get().tenantId) return;
        set({ tenantId, threads: [], status: 'idle', selected: null, thread: null });
        await loadThreads();
      },
      async select(phone) {
        set({ selected: phone, thread: null, threadError: null, sendError: null });
        await loadThread();
      },
      async reply(body, staffName) {
        const { tenantId, selected } = get();
        if (!tenantId || !selected) return false;
        set({ sending: true, sendError: null });
        try {
          await client.call('texts/reply', { tenantId, phone: selected, body, staffName });
          set({ sending: false });
          await loadThread();
          return true;
        } catch (error) {
          set({ sending: false, sendError: describeError(error) });
          return false;
        }
      },
      start() {
        return keepFresh(
          client,
          () => {
            void loadThreads();
            void loadThread();
          },
          (event) => event.name === 'texts/changed' && event.payload.tenantId === get().tenantId,
        );
      },
    };
  });
}
