import { createStore, type StoreApi } from 'zustand/vanilla';
import type { MessageDto } from '../../../shared/contract/calls.js';
import { describeError } from '../../api/command-error.js';
import type { ConsoleClient } from '../../api/console-client.js';
import { ALL_PRACTICES, useDeskStore } from '../../app/desk-store.js';

export type MessageFilter = 'new' | 'handled';

export const MESSAGES_LIMIT = 200;

export interface MessagesState {
  tenantId: string | null;
  filter: MessageFilter;
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** Urgent first, then newest first. Messages handled here stay in the "new" list, marked, until it reloads. */
  messages: MessageDto[];
  error: string | null;
  /** Messages being marked handled right now. */
  marking: Record<string, true>;
  /** Why marking a message failed. */
  markErrors: Record<string, string>;
  show(tenantId: string | null, filter: MessageFilter): Promise<void>;
  refresh(): Promise<void>;
  markHandled(messageId: string): Promise<boolean>;
  start(): () => void;
}

export type MessagesStore = StoreApi<MessagesState>;

/** Urgent before routine; within each, the newest first. */
export function sortMessages(messages: readonly MessageDto[]): MessageDto[] {
  return [...messages].sort((a, b) => {
    if (a.urgent !== b.urgent) return a.urgent ? -1 : 1;
    return Date.parse(b.createdAt) - Date.parse(a.createdAt);
  });
}

/** Messages the receptionist took for one practice, new or handled; live as new ones are taken. */
export function createMessagesStore(client: ConsoleClient, options: { limit?: number } = {}): MessagesStore {
  const limit = options.limit ?? MESSAGES_LIMIT;
  let request = 0;
  /** Messages pushed while a list is loading; its answer may predate them. */
  let takenDuringLoad: MessageDto[] | null = null;

  return createStore<MessagesState>()((set, get) => {
    const load = async (quiet: boolean) => {
      const { tenantId, filter } = get();
      const mine = ++request;
      if (!tenantId) {
        set({ status: 'idle', messages: [], error: null });
        return;
      }
      if (!quiet) set({ status: 'loading', error: null });
      const taken: MessageDto[] = [];
      takenDuringLoad = taken;
      try {
        const all = tenantId === ALL_PRACTICES;
        const messages = await client.call('messages/list', { ...(all ? {} : { tenantId }), status: filter, limit });
        if (mine !== request) return;
        const known = new Set(messages.map((m) => m.id));
        const late = taken.filter((m) => !known.has(m.id) && (all || m.tenantId === tenantId) && m.status === filter);
        set({ status: 'ready', messages: sortMessages([...messages, ...late]), error: null, markErrors: {} });
      } catch (error) {
        if (mine !== request) return;
        set({ status: quiet && get().status === 'ready' ? 'ready' : 'error', error: describeError(error) });
      } finally {
        if (mine === request) takenDuringLoad = null;
      }
    };

    const show = async (tenantId: string | null, filter: MessageFilter) => {
      const changed = tenantId !== get().tenantId || filter !== get().filter;
      if (!changed && get().status !== 'idle' && get().status !== 'error') return;
      set({ tenantId, filter, messages: changed ? [] : get().messages });
      await load(false);
    };

    const markHandled = async (messageId: string) => {
      const { tenantId, marking } = get();
      if (!tenantId || marking[messageId]) return false;
      const { [messageId]: _dropped, ...otherErrors } = get().markErrors;
      set({ marking: { ...marking, [messageId]: true }, markErrors: otherErrors });
      try {
        // Recorded as who handled it; the desk's generic name when nobody has said who is at the desk.
        const staffName = useDeskStore.getState().staffName.trim();
        const owner = get().messages.find((m) => m.id === messageId)?.tenantId ?? tenantId;
        const updated = await client.call('messages/mark-handled', { tenantId: owner, messageId, ...(staffName ? { staffName } : {}) });
        set({ messages: get().messages.map((m) => (m.id === updated.id ? updated : m)) });
        return true;
      } catch (error) {
        set({ markErrors: { ...get().markErrors, [messageId]: describeError(error) } });
        return false;
      } finally {
        const { [messageId]: _done, ...rest } = get().marking;
        set({ marking: rest });
      }
    };

    const start = () => {
      const stopEvents = client.on('messages/taken', (message) => {
        takenDuringLoad?.push(message);
        const { tenantId, filter, messages, status } = get();
        if ((tenantId !== ALL_PRACTICES && message.tenantId !== tenantId) || message.status !== filter || status !== 'ready') return;
        if (messages.some((m) => m.id === message.id)) return;
        set({ messages: sortMessages([message, ...messages]) });
      });
      const stopState = client.onStateChange((state) => {
        if (state === 'open') void load(true);
      });
      return () => {
        stopEvents();
        stopState();
      };
    };

    return {
      tenantId: null,
      filter: 'new',
      status: 'idle',
      messages: [],
      error: null,
      marking: {},
      markErrors: {},
      show,
      refresh: () => load(get().status === 'ready'),
      markHandled,
      start,
    };
  });
}
