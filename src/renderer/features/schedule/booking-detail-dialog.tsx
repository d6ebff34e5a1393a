import { useCallback, useEffect, useState } from 'react';
import type { CommandOutput } from '../../../shared/contract/commands.js';
import type { BookingDto } from '../../../shared/contract/scheduling.js';
import type { TenantConfig } from '../../../shared/contract/tenant.js';
import { describeError } from '../../api/command-error.js';
import { useConsoleClient } from '../../app/console-client-context.js';
import { BookingStatusPill } from '../../components/booking-status-pill.js';
import { Dialog } from '../../components/dialog.js';
import { FormField } from '../../components/form-field.js';
import { InlineError } from '../../components/inline-error.js';
import { SlotPicker, type SlotChoice } from '../../components/slot-picker.js';
import { formatDayTime, formatDayTimeRange, localDateOfIso, todayIn } from '../../components/wall-clock.js';
import { undoAction, visitActions } from './visit-actions.js';
import { formatPhoneNumber } from '../overview/format.js';
import { bookingErrorMessage, slotsAreStale } from './booking-errors.js';
import { historyActionLabel, historyDetails, historyStatusChange } from './booking-history.js';
import { BookingTexts } from './booking-texts.js';

type Detail = CommandOutput<'bookings/get'>;
type Mode = 'view' | 'move' | 'cancel';

const ACTIVE = new Set(['held', 'pending_review', 'confirmed']);

export function BookingDetailDialog({
  tenantId,
  config,
  bookingId,
  now,
  onClose,
  onChanged,
}: {
  tenantId: string;
  config: TenantConfig;
  bookingId: string;
  /** The appliance's clock, to offer "completed / no-show" only once the visit has started. */
  now: number | null;
  onClose: () => void;
  onChanged: (booking: BookingDto, what: string) => void;
}) {
  const client = useConsoleClient();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('view');
  const [choice, setChoice] = useState<SlotChoice | null>(null);
  const [reason, setReason] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);

  const load = useCallback(() => {
    client.call('bookings/get', { tenantId, bookingId }).then(
      (found) => {
        setDetail(found);
        setLoadError(null);
      },
      (error: unknown) => setLoadError(describeError(error)),
    );
  }, [client, tenantId, bookingId]);

  useEffect(() => {
    load();
    return client.on('bookings/changed', (payload) => {
      if (payload.tenantId === tenantId && payload.bookingIds.includes(bookingId)) load();
    });
  }, [client, tenantId, bookingId, load]);

  const run = async (what: string, action: () => Promise<BookingDto>) => {
    setWorking(true);
    setActionError(null);
    try {
      const booking = await action();
      setMode('view');
      load();
      onChanged(booking, what);
    } catch (error) {
      setActionError(bookingErrorMessage(error));
      if (slotsAreStale(error)) setReloadKey((k) => k + 1);
    } finally {
      setWorking(false);
    }
  };

  const title = detail ? `${detail.serviceName}` : 'Booking';
  const active = detail ? ACTIVE.has(detail.status) : false;
  // A mistaken arrived / completed / no-show click is taken back here, on any day.
  const undo = detail ? undoAction(detail) : null;

  return (
    <Dialog title={title} onClose={onClose} wide={mode === 'move'}>
      {!detail ? (
        loadError ? (
          <InlineError message={`Couldn't load this booking: ${loadError}`} onRetry={load} />
        ) : (
          <p className="loading">Loading the booking…</p>
        )
      ) : (
        <div className="booking-detail">
          <div className="booking-detail-status">
            <BookingStatusPill status={detail.status} />
            <span className="muted">{detail.source === 'phone' ? 'Booked by phone' : 'Booked at the desk'}</span>
          </div>
          <dl className="facts booking-facts">
            <div className="fact">
              <dt>When</dt>
              <dd>{formatDayTimeRange(detail.start, detail.end)}</dd>
            </div>
            <div className="fact">
              <dt>With</dt>
              <dd>{detail.providerName}</dd>
            </div>
            <div className="fact">
              <dt>Customer</dt>
              <dd>
                {detail.customer?.name ?? <span className="muted">No name</span>}
                {detail.customer?.phone ? <span className="phone"> · {formatPhoneNumber(detail.customer.phone)}</span> : null}
              </dd>
            </div>
            {detail.status === 'held' && detail.holdExpiresAt ? (
              <div className="fact">
                <dt>Hold ends</dt>
                <dd>{formatDayTime(detail.holdExpiresAt)}</dd>
              </div>
            ) : null}
            {detail.reviewReason ? (
              <div className="fact">
                <dt>Flagged</dt>
                <dd>{detail.reviewReason}</dd>
              </div>
            ) : null}
            {detail.notes ? (
              <div className="fact">
                <dt>Notes</dt>
                <dd>{detail.notes}</dd>
              </div>
            ) : null}
          </dl>

          {actionError ? (
            <div className="inline-error" role="alert">
              <p>{actionError}</p>
            </div>
          ) : null}

          {mode === 'move' ? (
            <form
              className="dialog-form"
              onSubmit={(event) => {
                event.preventDefault();
                if (!choice) {
                  setActionError('Pick one of the free times first.');
                  return;
                }
                void run('Moved', () =>
                  client.call('bookings/reschedule', {
                    tenantId,
                    bookingId,
                    start: choice.slot.start,
                    ...(choice.providerId !== detail.providerId ? { providerId: choice.providerId } : {}),
                  }),
                );
              }}
            >
              <h3 className="section-label">Move to another free time</h3>
              <SlotPicker
                tenantId={tenantId}
                config={config}
                initial={{ serviceId: detail.serviceId, providerId: detail.providerId, date: localDateOfIso(detail.start) }}
                serviceLocked
                reloadKey={reloadKey}
                onChange={setChoice}
              />
              <div className="dialog-actions">
                <button type="submit" className="button button-primary" disabled={working}>
                  {working ? 'Moving…' : choice ? `Move to ${formatDayTime(choice.slot.start)}` : 'Move'}
                </button>
                <button type="button" className="button" onClick={() => setMode('view')}>
                  Back
                </button>
              </div>
            </form>
          ) : mode === 'cancel' ? (
            <form
              className="dialog-form"
              onSubmit={(event) => {
                event.preventDefault();
                void run('Cancelled', () => client.call('bookings/cancel', { tenantId, bookingId, ...(reason.trim() ? { reason: reason.trim() } : {}) }));
              }}
            >
              <p>
                Cancel {detail.customer?.name ?? 'this customer'}'s {detail.serviceName} on {formatDayTime(detail.start)}? The time becomes free for other callers.
              </p>
              <FormField label="Reason" hint="Optional. Recorded in the booking's history.">
                {(field) => <input {...field} className="input" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />}
              </FormField>
              <div className="dialog-actions">
                <button type="submit" className="button button-danger" disabled={working}>
                  {working ? 'Cancelling…' : 'Cancel booking'}
                </button>
                <button type="button" className="button" onClick={() => setMode('view')}>
                  Keep booking
                </button>
              </div>
            </form>
          ) : (
            <div className="dialog-actions">
              {active ? (
                <>
                  <button type="button" className="button" onClick={() => setMode('move')}>
                    Move…
                  </button>
                  <button type="button" className="button" onClick={() => setMode('cancel')}>
                    Cancel booking…
                  </button>
                </>
              ) : null}
              {detail.status === 'pending_review' ? (
                <a className="button button-link" href="#/review">
                  Decide in Review
                </a>
              ) : null}
              {visitActions(detail, now === null ? null : todayIn(config.timezone, now), now).map((action) => (
                <button
                  key={action.outcome}
                  type="button"
                  className="button"
                  disabled={working}
                  onClick={() => void run(action.done, () => client.call('bookings/record-outcome', { tenantId, bookingId, outcome: action.outcome }))}
                >
                  {action.outcome === 'completed' ? 'Mark completed' : action.outcome === 'arrived' ? 'Mark arrived' : action.label}
                </button>
              ))}
              {undo ? (
                <button
                  type="button"
                  className="button"
                  disabled={working}
                  onClick={() => void run(undo.done, () => client.call('bookings/undo-outcome', { tenantId, bookingId, outcome: undo.outcome }))}
                >
                  Undo {undo.name}
                </button>
              ) : null}
            </div>
          )}

          <BookingTexts tenantId={tenantId} bookingId={bookingId} />
          <section className="booking-history" aria-label="History">
            <h3 className="section-label">History</h3>
            {detail.history.length === 0 ? (
              <p className="muted">No changes recorded.</p>
            ) : (
              <ol className="history-list">
                {detail.history.map((entry, index) => {
                  const change = historyStatusChange(entry);
                  const extras = historyDetails(entry.details);
                  return (
                    <li key={`${entry.at}-${index}`} className="history-entry">
                      <span className="history-when">{formatDayTime(entry.at)}</span>
                      <span className="history-what">
                        <strong>{historyActionLabel(entry.action)}</strong> by {entry.actor}
                        {change ? <span className="muted"> · {change}</span> : null}
                      </span>
                      {extras.length ? <span className="history-details muted">{extras.join(' · ')}</span> : null}
                    </li>
                  );
                })}
              </ol>
            )}
          </section>
        </div>
      )}
    </Dialog>
  );
}
