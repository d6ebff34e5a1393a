import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { TextThreadDto, TextThreadSummaryDto } from '../../../shared/contract/texts.js';
import { useConsoleClient } from '../../app/console-client-context.js';
import { useDeskStore } from '../../app/desk-store.js';
import { useCurrentTenant } from '../../app/use-current-tenant.js';
import { BookingStatusPill } from '../../components/booking-status-pill.js';
import { EmptyState } from '../../components/empty-state.js';
import { InlineError } from '../../components/inline-error.js';
import { Panel } from '../../components/panel.js';
import { StatusPill } from '../../components/status-pill.js';
import { useApplianceNow } from '../../components/use-appliance-today.js';
import { useTenantConfig } from '../../components/use-tenant-config.js';
import { formatDayTime } from '../../components/wall-clock.js';
import { formatLocalDateTime } from '../calls/call-format.js';
import { formatPhoneNumber } from '../overview/format.js';
import { BookingDetailDialog } from '../schedule/booking-detail-dialog.js';
import { createInboxStore, type InboxState } from './inbox-store.js';
import { deliveryLabel, purposeLabel } from './text-message-status.js';
import { WaitlistPanel } from './waitlist-panel.js';

/** Text threads with patients: read what came in, answer through the outbox, open their appointments. */
export function InboxScreen() {
  const client = useConsoleClient();
  const current = useCurrentTenant();
  const [store] = useState(() => createInboxStore(client));
  useEffect(() => store.getState().start(), [store]);
  const state = useStore(store);
  const tenantId = current.tenant?.id ?? null;
  const { show } = state;
  useEffect(() => {
    void show(tenantId);
  }, [show, tenantId]);

  return (
    <div className="screen inbox-screen">
      <h1 className="screen-title">Inbox</h1>
      <div className="inbox-layout">
        <Panel title="Texts" className="inbox-threads">
          <ThreadList state={state} tenantReady={!current.loading} />
        </Panel>
        <Panel title={state.thread ? threadTitle(state.thread) : 'Conversation'} className="inbox-thread">
          {state.selected ? <ThreadView state={state} tenantId={tenantId} /> : <EmptyState title="No conversation open">Pick a text thread to read it and reply.</EmptyState>}
        </Panel>
      </div>
      {tenantId ? <WaitlistPanel tenantId={tenantId} /> : null}
    </div>
  );
}

function threadTitle(thread: Pick<TextThreadDto, 'customer' | 'phone'>): string {
  return thread.customer?.name ? `${thread.customer.name} · ${formatPhoneNumber(thread.phone)}` : formatPhoneNumber(thread.phone);
}

function ThreadList({ state, tenantReady }: { state: InboxState; tenantReady: boolean }) {
  if (!state.tenantId) return tenantReady ? <EmptyState title="No practices yet">Texts appear here once a practice has a number.</EmptyState> : <p className="loading">Loading texts…</p>;
  if (state.status === 'loading' || state.status === 'idle') return <p className="loading">Loading texts…</p>;
  if (state.status === 'error') return <InlineError message={`Couldn't load the texts: ${state.error ?? 'unknown error'}`} />;
  if (state.threads.length === 0) return <EmptyState title="No texts yet">Confirmations, reminders and patients&apos; replies appear here.</EmptyState>;
  return (
    <ul className="thread-list" aria-label="Text threads">
      {state.threads.map((thread) => (
        <ThreadItem key={thread.phone} thread={thread} selected={thread.phone === state.selected} onSelect={() => void state.select(thread.phone)} />
      ))}
    </ul>
  );
}

function ThreadItem({ thread, selected, onSelect }: { thread: TextThreadSummaryDto; selected: boolean; onSelect: () => void }) {
  const who = thread.customer?.name ?? formatPhoneNumber(thread.phone);
  return (
    <li>
      <button type="button" className="thread-item" aria-current={selected ? 'true' : undefined} data-unread={thread.unread > 0 || undefined} onClick={onSelect} aria-label={`${who}${thread.unread ? `, ${thread.unread} unread` : ''}`}>
        <span className="thread-who">{who}</span>
        {thread.unread > 0 ? (
          <span className="nav-badge" aria-hidden="true">
            {thread.unread}
          </span>
        ) : null}
        {thread.optedOut ? <StatusPill tone="warn">STOP</StatusPill> : null}
        <span className="thread-last">
          {thread.lastDirection === 'out' ? 'You: ' : ''}
          {thread.lastBody}
        </span>
        <span className="thread-time">{formatLocalDateTime(thread.lastAt)}</span>
      </button>
    </li>
  );
}

function ThreadView({ state, tenantId }: { state: InboxState; tenantId: string | null }) {
  const staffName = useDeskStore((s) => s.staffName);
  const [draft, setDraft] = useState('');
  const [openBooking, setOpenBooking] = useState<string | null>(null);
  const config = useTenantConfig(tenantId);
  const now = useApplianceNow();
  const end = useRef<HTMLLIElement>(null);
  const thread = state.thread;
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'nearest' });
  }, [thread?.messages.length]);
  if (state.threadError) return <InlineError message={`Couldn't load the conversation: ${state.threadError}`} />;
  if (!thread) return <p className="loading">Loading the conversation…</p>;
  const send = async () => {
    if (await state.reply(draft, staffName)) setDraft('');
  };
  return (
    <div className="thread-view">
      <ol className="text-bubbles" aria-label="Messages">
        {thread.messages.map((m) => {
          const delivery = deliveryLabel(m);
          return (
            <li key={m.id} className="text-bubble" data-direction={m.direction}>
              <p className="text-body">{m.body}</p>
              <span className="text-meta">
                {formatLocalDateTime(m.at)}
                {m.direction === 'out' ? ` · ${purposeLabel(m.purpose)}` : ''}
                {delivery ? <StatusPill tone={delivery.tone}>{delivery.label}</StatusPill> : null}
              </span>
            </li>
          );
        })}
        <li ref={end} aria-hidden="true" />
      </ol>
      {thread.bookings.length > 0 ? (
        <section className="thread-bookings" aria-label="Appointments">
          <h3>Appointments</h3>
          <ul>
            {thread.bookings.map((b) => (
              <li key={b.id}>
                <button type="button" className="button button-quiet button-small" onClick={() => setOpenBooking(b.id)}>
                  {b.serviceName}, {formatDayTime(b.start)} with {b.providerName}
                </button>
                <BookingStatusPill status={b.status} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {thread.optedOut ? <p className="muted">This number replied STOP. Texts resume if they reply START.</p> : null}
      <form
        className="reply-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <label htmlFor="inbox-reply" className="visually-hidden">
          Reply
        </label>
        <textarea id="inbox-reply" className="input" rows={2} value={draft} maxLength={640} placeholder="Write a reply…" onChange={(e) => setDraft(e.target.value)} disabled={thread.optedOut} />
        <button type="submit" className="button button-primary" disabled={state.sending || !draft.trim() || thread.optedOut}>
          {state.sending ? 'Sending…' : 'Send'}
        </button>
        {state.sendError ? (
          <p className="input-error" role="alert">
            Couldn&apos;t send: {state.sendError}
          </p>
        ) : null}
      </form>
      {openBooking && tenantId && config.config ? (
        <BookingDetailDialog tenantId={tenantId} config={config.config} bookingId={openBooking} now={now} onClose={() => setOpenBooking(null)} onChanged={() => void state.select(thread.phone)} />
      ) : null}
    </div>
  );
}
