import { useId, useState } from 'react';
import type { ReviewItemDto } from '../../../shared/contract/desk.js';
import type { TenantConfig } from '../../../shared/contract/tenant.js';
import { useDeskStore } from '../../app/desk-store.js';
import { FormField } from '../../components/form-field.js';
import { SlotPicker, type SlotChoice } from '../../components/slot-picker.js';
import { StatusPill } from '../../components/status-pill.js';
import { formatDayTime, formatDayTimeRange, localDateOfIso } from '../../components/wall-clock.js';
import { formatPhoneNumber } from '../overview/format.js';
import type { Decision, ReviewChange } from './review-store.js';
import { TranscriptExcerpt } from './transcript-excerpt.js';

type Mode = { kind: 'idle' } | { kind: 'reject' } | { kind: 'modify' };

export interface ReviewCardActions {
  approve(staffName: string): Promise<boolean>;
  reject(reason: string, staffName: string): Promise<boolean>;
  modify(change: ReviewChange, staffName: string): Promise<boolean>;
}

export function ReviewCard({
  item,
  tenantId,
  config,
  deciding,
  decisionError,
  actions,
}: {
  item: ReviewItemDto;
  tenantId: string;
  /** Null while the practice's services and providers load; changing the booking waits for them. */
  config: TenantConfig | null;
  deciding: Decision | undefined;
  decisionError: string | undefined;
  actions: ReviewCardActions;
}) {
  const { booking, reasons, transcriptExcerpt } = item;
  const headingId = useId();
  const staffName = useDeskStore((s) => s.staffName);
  const [mode, setMode] = useState<Mode>({ kind: 'idle' });
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [choice, setChoice] = useState<SlotChoice | null>(null);
  const [choiceError, setChoiceError] = useState<string | null>(null);
  const busy = deciding !== undefined;

  const caller = booking.customer?.name ?? (booking.customer?.phone ? formatPhoneNumber(booking.customer.phone) : 'Unknown caller');
  const phone = booking.customer?.phone ?? null;
  const allReasons = reasons.length ? reasons : booking.reviewReason ? [booking.reviewReason] : [];

  const approve = () => void actions.approve(staffName);
  const submitReject = () => {
    if (!reason.trim()) {
      setReasonError('Give a reason: it is recorded and tells the team why the time was released.');
      return;
    }
    setReasonError(null);
    void actions.reject(reason.trim(), staffName).then((ok) => ok && setMode({ kind: 'idle' }));
  };
  const submitModify = () => {
    if (!choice) {
      setChoiceError('Pick one of the free times first.');
      return;
    }
    setChoiceError(null);
    const change: ReviewChange = { start: choice.slot.start };
    if (choice.providerId !== booking.providerId) change.providerId = choice.providerId;
    if (choice.serviceId !== booking.serviceId) change.serviceId = choice.serviceId;
    void actions.modify(change, staffName).then((ok) => ok && setMode({ kind: 'idle' }));
  };

  return (
    <article className="review-card" aria-labelledby={headingId} aria-busy={busy}>
      <div className="review-card-main">
        <header className="review-card-head">
          <div>
            <h2 id={headingId} className="review-caller">
              {caller}
            </h2>
            <p className="review-caller-meta muted">
              {phone && booking.customer?.name ? <span className="phone">{formatPhoneNumber(phone)}</span> : null}
              {phone && booking.customer?.name ? ' · ' : null}
              {booking.source === 'phone' ? 'Booked by phone' : 'Booked at the desk'} {formatDayTime(booking.createdAt)}
            </p>
          </div>
          <StatusPill tone="warn">Waiting for review</StatusPill>
        </header>

        <div className="review-reasons">
          <h3 className="review-label">Why it was flagged</h3>
          {allReasons.length ? (
            <ul className="chip-list" aria-label="Reasons">
              {allReasons.map((r) => (
                <li key={r} className="chip chip-warn">
                  {r}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No reason was recorded.</p>
          )}
        </div>

        <div className="review-proposal">
          <h3 className="review-label">Proposed booking</h3>
          <dl className="facts">
            <div className="fact">
              <dt>Service</dt>
              <dd>{booking.serviceName}</dd>
            </div>
            <div className="fact">
              <dt>With</dt>
              <dd>{booking.providerName}</dd>
            </div>
            <div className="fact">
              <dt>When</dt>
              <dd className="review-when">{formatDayTimeRange(booking.start, booking.end)}</dd>
            </div>
            {booking.notes ? (
              <div className="fact">
                <dt>Notes</dt>
                <dd>{booking.notes}</dd>
              </div>
            ) : null}
          </dl>
        </div>

        {decisionError ? (
          <div className="inline-error" role="alert">
            <p>{decisionError}</p>
          </div>
        ) : null}

        {mode.kind === 'reject' ? (
          <form
            className="review-decision-form"
            onSubmit={(event) => {
              event.preventDefault();
              submitReject();
            }}
          >
            <FormField label="Reason for rejecting" hint="Recorded with the decision. The time is released for other callers." errors={reasonError ? [reasonError] : []} required>
              {(field) => (
                <textarea {...field} className="input" rows={2} maxLength={500} value={reason} autoFocus onChange={(e) => setReason(e.target.value)} />
              )}
            </FormField>
            <div className="button-row">
              <button type="submit" className="button button-danger" disabled={busy}>
                {deciding === 'reject' ? 'Rejecting…' : 'Reject booking'}
              </button>
              <button type="button" className="button" onClick={() => setMode({ kind: 'idle' })}>
                Keep it
              </button>
            </div>
          </form>
        ) : mode.kind === 'modify' ? (
          <form
            className="review-decision-form"
            onSubmit={(event) => {
              event.preventDefault();
              submitModify();
            }}
          >
            <h3 className="review-label">Choose another time, provider or service</h3>
            {config ? (
              <SlotPicker
                tenantId={tenantId}
                config={config}
                initial={{ serviceId: booking.serviceId, providerId: booking.providerId, date: localDateOfIso(booking.start) }}
                onChange={(next) => {
                  setChoice(next);
                  if (next) setChoiceError(null);
                }}
              />
            ) : (
              <p className="loading">Loading the practice's services…</p>
            )}
            {choiceError ? (
              <p className="field-error" role="alert">
                {choiceError}
              </p>
            ) : null}
            <div className="button-row">
              <button type="submit" className="button button-primary" disabled={busy}>
                {deciding === 'modify' ? 'Saving…' : choice ? `Confirm ${formatDayTime(choice.slot.start)}` : 'Confirm the new time'}
              </button>
              <button type="button" className="button" onClick={() => setMode({ kind: 'idle' })}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <div className="button-row review-actions">
            <button type="button" className="button button-primary" disabled={busy} onClick={approve}>
              {deciding === 'approve' ? 'Approving…' : 'Approve'}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setMode({ kind: 'modify' })}>
              Change…
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setMode({ kind: 'reject' })}>
              Reject…
            </button>
          </div>
        )}
      </div>
      <TranscriptExcerpt turns={transcriptExcerpt} />
    </article>
  );
}
