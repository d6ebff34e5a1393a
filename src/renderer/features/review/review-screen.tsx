import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useConsoleClient } from '../../app/console-client-context.js';
import type { ReviewItemDto } from '../../../shared/contract/desk.js';
import { ALL_PRACTICES, useDeskStore } from '../../app/desk-store.js';
import { useCurrentTenant } from '../../app/use-current-tenant.js';
import { EmptyState } from '../../components/empty-state.js';
import { InlineError } from '../../components/inline-error.js';
import { useTenantConfig } from '../../components/use-tenant-config.js';
import { pluralize } from '../overview/format.js';
import { ReviewCard } from './review-card.js';
import { createReviewStore } from './review-store.js';

export function ReviewScreen() {
  const { tenant, tenants, loading, error, listScope } = useCurrentTenant();
  const all = listScope === ALL_PRACTICES && tenants.length > 1;
  const scope = all ? ALL_PRACTICES : (tenants.find((t) => t.id === listScope) ?? tenant)?.id;
  const scopeName = all ? 'every practice you can see' : (tenants.find((t) => t.id === scope)?.name ?? '');
  return (
    <div className="screen review">
      {tenant && scope ? (
        <ReviewQueue key={scope} scope={scope} tenantName={scopeName} showPractice={all} />
      ) : (
        <>
          <h1 className="screen-title">Review</h1>
          {loading ? (
            <p className="loading">Loading…</p>
          ) : error ? (
            <InlineError message={`Couldn't load the practices: ${error}`} />
          ) : (
            <EmptyState title="No practices yet">Import a practice to start answering calls.</EmptyState>
          )}
        </>
      )}
    </div>
  );
}

function ReviewQueue({ scope, tenantName, showPractice }: { scope: string; tenantName: string; showPractice: boolean }) {
  const client = useConsoleClient();
  const [store] = useState(() => createReviewStore(client, scope));
  useEffect(() => store.getState().start(), [store]);
  const staffName = useDeskStore((s) => s.staffName.trim());

  const status = useStore(store, (s) => s.status);
  const items = useStore(store, (s) => s.items);
  const error = useStore(store, (s) => s.error);
  const deciding = useStore(store, (s) => s.deciding);
  const decisionErrors = useStore(store, (s) => s.decisionErrors);
  const notice = useStore(store, (s) => s.notice);
  const { refresh, approve, reject, modify } = store.getState();
  const noticeRef = useRef<HTMLParagraphElement>(null);
  // The decided card is gone, and focus with it: land on what happened, then Tab on to the next card.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  return (
    <>
      <div className="screen-heading">
        <h1 className="screen-title">Review</h1>
        {status === 'ready' ? <span className="count">{items.length === 0 ? 'All clear' : `${pluralize(items.length, 'booking')} waiting`}</span> : null}
      </div>
      <p className="screen-intro muted">
        Bookings the receptionist for {tenantName} was not sure about. Approve, change or reject each one; until then the time stays held.
        {staffName ? (
          <>
            {' '}
            Decisions are recorded as <strong className="staff-name">{staffName}</strong>.
          </>
        ) : null}
      </p>
      <div className="review-notice" role="status" aria-live="polite">
        {notice ? (
          <p className="notice notice-ok" tabIndex={-1} ref={noticeRef}>
            {notice.text}
          </p>
        ) : null}
      </div>
      {status === 'loading' ? (
        <p className="loading">Loading the review queue…</p>
      ) : status === 'error' ? (
        <InlineError message={`Couldn't load the review queue: ${error ?? 'unknown error'}`} onRetry={() => void refresh()} />
      ) : (
        <>
          {error ? <p className="stale-note">Couldn't refresh just now; showing the last known queue.</p> : null}
          {items.length === 0 ? (
            <div className="panel review-empty">
              <EmptyState icon={<CheckIcon />} title="Nothing waiting for review">
                When the receptionist books something it is unsure of, it appears here for you to approve.
              </EmptyState>
            </div>
          ) : (
            <ul className="review-list" aria-label="Waiting for review">
              {items.map((item) => (
                <li key={item.booking.id}>
                  <ReviewCardFor
                    item={item}
                    showPractice={showPractice}
                    deciding={deciding[item.booking.id]}
                    decisionError={decisionErrors[item.booking.id]}
                    actions={{
                      approve: (name) => approve(item.booking.id, name),
                      reject: (reason, name) => reject(item.booking.id, reason, name),
                      modify: (change, name) => modify(item.booking.id, change, name),
                    }}
                  />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}

/** A card with its own practice's settings (services, providers), so an "All practices" queue decides each in its own terms. */
function ReviewCardFor({ item, showPractice, ...rest }: { item: ReviewItemDto; showPractice: boolean } & Omit<Parameters<typeof ReviewCard>[0], 'item' | 'tenantId' | 'config'>) {
  const { config } = useTenantConfig(item.booking.tenantId);
  return (
    <>
      {showPractice ? <p className="review-practice">{item.booking.tenantName}</p> : null}
      <ReviewCard item={item} tenantId={item.booking.tenantId} config={config} {...rest} />
    </>
  );
}

function CheckIcon() {
  return (
    <svg viewBox="0 0 24 24" width="40" height="40" focusable="false">
      <path d="M5 12.5l4.2 4.2L19 7" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
