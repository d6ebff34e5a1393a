import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { MessageDto } from '../../../shared/contract/calls.js';
import { useConsoleClient } from '../../app/console-client-context.js';
import { useCurrentTenant } from '../../app/use-current-tenant.js';
import { EmptyState } from '../../components/empty-state.js';
import { InlineError } from '../../components/inline-error.js';
import { Panel } from '../../components/panel.js';
import { StatusPill } from '../../components/status-pill.js';
import { formatLocalDateTime } from '../calls/call-format.js';
import { callHref } from '../calls/use-hash-sub-path.js';
import { formatPhoneNumber, pluralize } from '../overview/format.js';
import { createMessagesStore, type MessageFilter, type MessagesState } from './messages-store.js';

const FILTERS: { value: MessageFilter; label: string }[] = [
  { value: 'new', label: 'New' },
  { value: 'handled', label: 'Handled' },
];

/** Messages the receptionist took: who, how to call them back, what about; urgent first. */
export function MessagesScreen() {
  const client = useConsoleClient();
  const current = useCurrentTenant();
  const [store] = useState(() => createMessagesStore(client));
  useEffect(() => store.getState().start(), [store]);
  const state = useStore(store);
  // The list spans every practice the person may see, or the one picked in the header.
  const tenantId = current.tenant ? (current.tenants.length > 1 ? current.listScope : current.tenant.id) : null;
  const { show } = state;
  const [filter, setFilter] = useState<MessageFilter>('new');

  useEffect(() => {
    if (tenantId) void show(tenantId, filter);
  }, [show, tenantId, filter]);

  const unhandled = state.messages.filter((m) => m.status === 'new');
  const urgent = unhandled.filter((m) => m.urgent).length;
  return (
    <div className="screen messages-screen">
      <h1 className="screen-title">Messages</h1>
      <Panel
        title={filter === 'new' ? 'New messages' : 'Handled messages'}
        className="messages-panel"
        actions={
          <>
            {state.status === 'ready' && filter === 'new' ? (
              <span className="count">
                {unhandled.length === 0 ? 'All handled' : `${pluralize(unhandled.length, 'to call back', 'to call back')}${urgent ? `, ${urgent} urgent` : ''}`}
              </span>
            ) : null}
            <div className="filter-toggle" role="group" aria-label="Show messages">
              {FILTERS.map((f) => (
                <button key={f.value} type="button" className="filter-toggle-option" aria-pressed={filter === f.value} onClick={() => setFilter(f.value)}>
                  {f.label}
                </button>
              ))}
            </div>
          </>
        }
      >
        <MessagesBody state={state} tenantReady={!current.loading} tenantError={current.error} />
      </Panel>
    </div>
  );
}

function MessagesBody({ state, tenantReady, tenantError }: { state: MessagesState; tenantReady: boolean; tenantError: string | null }) {
  if (!state.tenantId) {
    if (tenantError) return <InlineError message={`Couldn't load the practices: ${tenantError}`} />;
    return tenantReady ? (
      <EmptyState title="No practices yet">Messages appear here once a practice answers calls.</EmptyState>
    ) : (
      <p className="loading">Loading messages…</p>
    );
  }
  if (state.status === 'loading' || state.status === 'idle') return <p className="loading">Loading messages…</p>;
  if (state.status === 'error') return <InlineError message={`Couldn't load the messages: ${state.error ?? 'unknown error'}`} onRetry={() => void state.refresh()} />;
  if (state.messages.length === 0) {
    return state.filter === 'new' ? (
      <EmptyState icon={<EnvelopeIcon />} title="No new messages">
        When a caller leaves a message, it appears here with their number to call back.
      </EmptyState>
    ) : (
      <EmptyState icon={<EnvelopeIcon />} title="Nothing handled yet">
        Messages you mark handled are kept here.
      </EmptyState>
    );
  }
  return (
    <>
      {state.error ? <p className="stale-note">Couldn&apos;t refresh just now; showing the last known messages.</p> : null}
      <ul className="message-list" aria-label="Messages">
        {state.messages.map((message) => (
          <MessageItem
            key={message.id}
            message={message}
            marking={Boolean(state.marking[message.id])}
            error={state.markErrors[message.id] ?? null}
            onMarkHandled={() => state.markHandled(message.id)}
          />
        ))}
      </ul>
    </>
  );
}

function MessageItem({ message, marking, error, onMarkHandled }: { message: MessageDto; marking: boolean; error: string | null; onMarkHandled: () => Promise<boolean> }) {
  const item = useRef<HTMLLIElement>(null);
  const headingId = `message-${message.id}`;
  const who = message.callerName ?? (message.callbackNumber ? formatPhoneNumber(message.callbackNumber) : 'Unknown caller');
  return (
    <li ref={item} className="message" data-urgent={message.urgent || undefined} data-status={message.status} aria-labelledby={headingId} tabIndex={-1}>
      <div className="message-head">
        <h3 id={headingId} className="message-caller">
          {who}
        </h3>
        {message.urgent ? <StatusPill tone="bad">Urgent</StatusPill> : null}
        <span className="message-practice">{message.tenantName}</span>
        <span className="message-time">{formatLocalDateTime(message.createdAt)}</span>
      </div>
      <p className="message-reason">{message.reason}</p>
      <div className="message-foot">
        <span className="message-links">
          {message.callbackNumber ? (
            <span>
              Call back{' '}
              <a href={`tel:${message.callbackNumber}`} className="phone">
                {formatPhoneNumber(message.callbackNumber)}
              </a>
            </span>
          ) : (
            <span className="muted">No callback number</span>
          )}
          {message.callId ? (
            <a href={callHref(message.callId)} aria-label={`Open the call with ${who}`}>
              See the call
            </a>
          ) : null}
        </span>
        {message.status === 'handled' ? (
          <StatusPill tone="ok">
            Handled{message.handledBy ? ` by ${message.handledBy}` : ''}
            {message.handledAt ? ` · ${formatLocalDateTime(message.handledAt)}` : ''}
          </StatusPill>
        ) : (
          <button
            type="button"
            className="button"
            disabled={marking}
            aria-label={`Mark handled: message from ${who}`}
            onClick={() =>
              void onMarkHandled().then((ok) => {
                // The button is gone once handled: keep keyboard focus on the message, not lost on the page.
                if (ok) item.current?.focus();
              })
            }
          >
            {marking ? 'Marking…' : 'Mark handled'}
          </button>
        )}
      </div>
      {error ? (
        <p className="input-error" role="alert">
          Couldn&apos;t mark it handled: {error}
        </p>
      ) : null}
    </li>
  );
}

function EnvelopeIcon() {
  return (
    <svg viewBox="0 0 24 24" width="36" height="36" focusable="false">
      <rect x="3.5" y="6" width="17" height="12" rx="2" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="m4.5 7.5 7.5 6 7.5-6" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
  );
}
