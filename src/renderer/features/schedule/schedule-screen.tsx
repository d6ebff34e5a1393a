import { useEffect, useState } from 'react';
import { DateTime } from 'luxon';
import { useStore } from 'zustand';
import type { BookingDto, CustomerDto } from '../../../shared/contract/scheduling.js';
import type { TenantConfig } from '../../../shared/contract/tenant.js';
import { useConsoleClient } from '../../app/console-client-context.js';
import { useCurrentTenant } from '../../app/use-current-tenant.js';
import { EmptyState } from '../../components/empty-state.js';
import { InlineError } from '../../components/inline-error.js';
import { useApplianceNow } from '../../components/use-appliance-today.js';
import { useTenantConfig } from '../../components/use-tenant-config.js';
import { formatDayTime, localDateOfIso, todayIn } from '../../components/wall-clock.js';
import { BookDialog, type BookingDraft } from './book-dialog.js';
import { BookingDetailDialog } from './booking-detail-dialog.js';
import { CustomerPanel } from './customer-panel.js';
import { bookingErrorMessage } from './booking-errors.js';
import { PROVIDER_TONES, ScheduleGrid } from './schedule-grid.js';
import { ALL_PROVIDERS, buildColumns, providerForClick, rangeTitle, type ScheduleView } from './schedule-layout.js';
import { ScheduleLegend } from './schedule-legend.js';
import { quickVisitActions } from './visit-actions.js';
import { createScheduleStore, rangeKey } from './schedule-store.js';

export function ScheduleScreen() {
  const { tenant, loading, error } = useCurrentTenant();
  const config = useTenantConfig(tenant?.id ?? null);
  if (!tenant || !config.config) {
    const problem = error ?? config.error;
    return (
      <div className="screen schedule">
        <h1 className="screen-title">Schedule</h1>
        {problem ? (
          <InlineError message={`Couldn't load the practice: ${problem}`} onRetry={config.reload} />
        ) : loading || tenant ? (
          <p className="loading">Loading the schedule…</p>
        ) : (
          <EmptyState title="No practices yet">Import a practice to start taking bookings.</EmptyState>
        )}
      </div>
    );
  }
  return <ScheduleBoard key={tenant.id} tenantId={tenant.id} config={config.config} />;
}

type Overlay = { kind: 'none' } | { kind: 'book'; draft: BookingDraft } | { kind: 'detail'; bookingId: string };

/** "HH:MM" of a minute of the day. */
function clockOf(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** "Eastern Standard Time": the zone as people say it, not its database name. */
function zoneName(zone: string, locale: string): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'long' }).formatToParts(new Date());
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
  } catch {
    return zone;
  }
}

function ScheduleBoard({ tenantId, config }: { tenantId: string; config: TenantConfig }) {
  const client = useConsoleClient();
  const [store] = useState(() => createScheduleStore(client, tenantId));
  useEffect(() => store.getState().start(), [store]);
  const now = useApplianceNow();
  const today = now === null ? null : todayIn(config.timezone, now);

  const view = useStore(store, (s) => s.view);
  const anchor = useStore(store, (s) => s.anchor);
  const weekProviderId = useStore(store, (s) => s.weekProviderId);
  const status = useStore(store, (s) => s.status);
  const bookings = useStore(store, (s) => s.bookings);
  const busyBlocks = useStore(store, (s) => s.busyBlocks);
  const loadedRange = useStore(store, (s) => s.loadedRange);
  const error = useStore(store, (s) => s.error);
  const { setView, setAnchor, shift, setWeekProvider, refresh } = store.getState();
  const [overlay, setOverlay] = useState<Overlay>({ kind: 'none' });
  const [notice, setNotice] = useState<string | null>(null);

  // The first day shown is the practice's today on the appliance's clock (which may be pinned).
  useEffect(() => {
    if (today && !store.getState().anchor) setAnchor(today);
  }, [today, store, setAnchor]);

  if (!anchor) {
    return (
      <div className="screen schedule">
        <h1 className="screen-title">Schedule</h1>
        <p className="loading">Loading the schedule…</p>
      </div>
    );
  }

  const current = loadedRange === rangeKey(view, anchor);
  const columns = buildColumns(view, anchor, config, current ? bookings : [], weekProviderId ?? ALL_PROVIDERS);
  const nowLocal = now === null ? null : DateTime.fromMillis(now, { zone: config.timezone });
  const nowMinute = nowLocal ? nowLocal.hour * 60 + nowLocal.minute : null;
  const unit = view === 'day' ? 'day' : 'week';
  // Everyone by default, as a front desk reads its week; one provider on request.
  const weekProvider = weekProviderId ?? ALL_PROVIDERS;
  const providerTone = (providerId: string) => Math.max(0, config.providers.findIndex((p) => p.id === providerId)) % PROVIDER_TONES;

  const openBooking = (booking: BookingDto) => setOverlay({ kind: 'detail', bookingId: booking.id });
  const jumpToBooking = (booking: BookingDto) => {
    const date = localDateOfIso(booking.start);
    if (date !== anchor) setAnchor(date);
    openBooking(booking);
  };
  const bookFor = (customer: CustomerDto) =>
    setOverlay({ kind: 'book', draft: { providerId: null, date: anchor, customer: { name: customer.name ?? '', phone: customer.phone ?? '' } } });

  return (
    <div className="screen schedule">
      <div className="screen-heading">
        <h1 className="screen-title">Schedule</h1>
        <span className="muted schedule-zone">Times are {config.name}'s local time ({zoneName(config.timezone, config.locale)})</span>
      </div>
      <div className="schedule-layout">
        <section className="panel schedule-panel" aria-labelledby="schedule-range-title">
          <div className="schedule-toolbar">
            <div className="schedule-nav">
              <button type="button" className="button" disabled={!today} onClick={() => today && setAnchor(today)}>
                Today
              </button>
              <button type="button" className="button button-quiet" aria-label={`Previous ${unit}`} onClick={() => shift(-1)}>
                ‹
              </button>
              <button type="button" className="button button-quiet" aria-label={`Next ${unit}`} onClick={() => shift(1)}>
                ›
              </button>
              <h2 id="schedule-range-title" className="schedule-range-title" aria-live="polite">
                {rangeTitle(view, anchor)}
              </h2>
              <label className="inline-field">
                <span className="inline-field-label">Go to date</span>
                <input className="input" type="date" value={anchor} onChange={(e) => e.target.value && setAnchor(e.target.value)} />
              </label>
            </div>
            <div className="schedule-options">
              <div className="segmented" role="group" aria-label="View">
                {(['day', 'week'] as ScheduleView[]).map((v) => (
                  <button key={v} type="button" className="segmented-option" aria-pressed={view === v} onClick={() => setView(v)}>
                    {v === 'day' ? 'Day' : 'Week'}
                  </button>
                ))}
              </div>
              {view === 'week' ? (
                <label className="inline-field">
                  <span className="inline-field-label">Provider</span>
                  <select className="input" value={weekProvider} onChange={(e) => setWeekProvider(e.target.value)}>
                    <option value={ALL_PROVIDERS}>All providers</option>
                    {config.providers.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                </label>
              ) : null}
              {bookings.some((b) => b.rehearsal) ? (
                <button
                  type="button"
                  className="button"
                  onClick={() =>
                    void client.call('bookings/remove-rehearsal', { tenantId }).then(
                      ({ removed }) => {
                        setNotice(`Removed ${removed} test booking${removed === 1 ? '' : 's'} from rehearsals.`);
                        void refresh();
                      },
                      (error: unknown) => setNotice(`Test bookings not removed: ${bookingErrorMessage(error)}`),
                    )
                  }
                >
                  Remove test bookings
                </button>
              ) : null}
              <button
                type="button"
                className="button button-primary"
                onClick={() => setOverlay({ kind: 'book', draft: { providerId: view === 'week' && weekProvider !== ALL_PROVIDERS ? weekProvider : null, date: anchor } })}
              >
                New booking
              </button>
            </div>
          </div>
          <ScheduleLegend
            providers={view === 'week' && weekProvider === ALL_PROVIDERS ? config.providers.map((p) => ({ name: p.name, tone: providerTone(p.id) })) : []}
          />
          <div className="schedule-notice" role="status" aria-live="polite">
            {notice ? <p className="notice notice-ok">{notice}</p> : null}
          </div>
          {status === 'error' && !current ? (
            <InlineError message={`Couldn't load the bookings: ${error ?? 'unknown error'}`} onRetry={() => void refresh()} />
          ) : (
            <>
              {error ? <p className="stale-note">Couldn't refresh just now; showing the last known bookings.</p> : null}
              <div className="schedule-grid-wrap" aria-busy={!current}>
                <ScheduleGrid
                  columns={columns}
                  busyBlocks={busyBlocks}
                  today={today}
                  nowMinute={nowMinute}
                  onOpenBooking={openBooking}
                  onBookAt={(column) => setOverlay({ kind: 'book', draft: { providerId: column.providerId, date: column.date } })}
                  slotStepMinutes={config.booking.slotStepMinutes}
                  onBookAtTime={(column, minute) => {
                    // A column of everyone books at the time clicked too, with someone free then (staff may pick another).
                    const providerId = column.providerId ?? providerForClick(config, column, minute);
                    setOverlay({ kind: 'book', draft: { providerId, date: column.date, time: clockOf(minute), ...(column.providerId ? {} : { chooseProvider: true }) } });
                  }}
                  onMove={(booking, column, minute) => {
                    void client
                      .call('bookings/reschedule', { tenantId, bookingId: booking.id, start: `${column.date}T${clockOf(minute)}`, providerId: column.providerId ?? booking.providerId })
                      .then(
                        (moved) => setNotice(`Moved ${moved.customer?.name ?? 'the booking'} to ${formatDayTime(moved.start)} with ${moved.providerName}.`),
                        (error: unknown) => setNotice(`Not moved: ${bookingErrorMessage(error)}`),
                      )
                      .finally(() => void refresh());
                  }}
                  providerToneOf={providerTone}
                  visitActionsOf={(booking) => quickVisitActions(booking, today, now)}
                  onVisitAction={(booking, action) => {
                    const input = { tenantId, bookingId: booking.id, outcome: action.outcome };
                    void (action.undo ? client.call('bookings/undo-outcome', input) : client.call('bookings/record-outcome', input))
                      .then(
                        (marked) => setNotice(`${action.done}: ${marked.customer?.name ?? 'the patient'}, ${formatDayTime(marked.start)}.`),
                        (error: unknown) => setNotice(`${action.undo ? 'Not undone' : 'Not marked'}: ${bookingErrorMessage(error)}`),
                      )
                      .finally(() => void refresh());
                  }}
                  buffersOf={(serviceId) => {
                    const service = config.services.find((s) => s.id === serviceId);
                    return [service?.bufferBeforeMinutes ?? 0, service?.bufferAfterMinutes ?? 0] as const;
                  }}
                />
              </div>
            </>
          )}
        </section>
        <CustomerPanel tenantId={tenantId} onOpenBooking={jumpToBooking} onBookFor={bookFor} />
      </div>

      {overlay.kind === 'book' ? (
        <BookDialog
          tenantId={tenantId}
          config={config}
          initial={overlay.draft}
          onClose={() => setOverlay({ kind: 'none' })}
          onBooked={(booking) => {
            setOverlay({ kind: 'none' });
            setNotice(`Booked ${booking.customer?.name ?? 'the customer'} for ${booking.serviceName} with ${booking.providerName}, ${formatDayTime(booking.start)}.`);
            const date = localDateOfIso(booking.start);
            if (view === 'day' && date !== anchor) setAnchor(date);
            else void refresh();
          }}
        />
      ) : overlay.kind === 'detail' ? (
        <BookingDetailDialog
          tenantId={tenantId}
          config={config}
          bookingId={overlay.bookingId}
          now={now}
          onClose={() => setOverlay({ kind: 'none' })}
          onChanged={(booking, what) => {
            setNotice(`${what}: ${booking.customer?.name ?? 'the customer'}'s ${booking.serviceName}, ${formatDayTime(booking.start)}.`);
            void refresh();
          }}
        />
      ) : null}
    </div>
  );
}
