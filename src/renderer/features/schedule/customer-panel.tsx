import { useCallback, useEffect, useState } from 'react';
import type { CommandOutput } from '../../../shared/contract/commands.js';
import type { BookingDto, CustomerDto } from '../../../shared/contract/scheduling.js';
import { describeError } from '../../api/command-error.js';
import { useConsoleClient } from '../../app/console-client-context.js';
import { BookingStatusPill } from '../../components/booking-status-pill.js';
import { FormField } from '../../components/form-field.js';
import { InlineError } from '../../components/inline-error.js';
import { Panel } from '../../components/panel.js';
import { formatDayTime } from '../../components/wall-clock.js';
import { formatPhoneNumber } from '../overview/format.js';

const SEARCH_DELAY_MS = 250;

type Results = { status: 'idle' } | { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; query: string; customers: CustomerDto[] };

/** Find a customer by name or number; their upcoming and past visits; notes for the team. */
export function CustomerPanel({
  tenantId,
  onOpenBooking,
  onBookFor,
}: {
  tenantId: string;
  onOpenBooking: (booking: BookingDto) => void;
  onBookFor: (customer: CustomerDto) => void;
}) {
  const client = useConsoleClient();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Results>({ status: 'idle' });
  const [selectedId, setSelectedId] = useState<string | null>(null);

  useEffect(() => {
    const text = query.trim();
    if (!text) {
      setResults({ status: 'idle' });
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      setResults({ status: 'loading' });
      client.call('customers/search', { tenantId, query: text, limit: 20 }).then(
        (customers) => {
          if (!cancelled) setResults({ status: 'ready', query: text, customers });
        },
        (error: unknown) => {
          if (!cancelled) setResults({ status: 'error', error: describeError(error) });
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [client, tenantId, query]);

  return (
    <Panel title="Customers" className="customer-panel">
      <form role="search" aria-label="Customer search" onSubmit={(event) => event.preventDefault()} className="customer-search">
        <FormField label="Find a customer" hint="Name or phone number">
          {(field) => (
            <input
              {...field}
              className="input"
              type="search"
              autoComplete="off"
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setSelectedId(null);
              }}
            />
          )}
        </FormField>
      </form>
      {selectedId ? (
        <CustomerDetail tenantId={tenantId} customerId={selectedId} onBack={() => setSelectedId(null)} onOpenBooking={onOpenBooking} onBookFor={onBookFor} />
      ) : (
        <div className="customer-results" aria-live="polite">
          {results.status === 'idle' ? (
            <p className="muted customer-hint">Type part of a name or number to see the customer's visits and notes.</p>
          ) : results.status === 'loading' ? (
            <p className="loading">Searching…</p>
          ) : results.status === 'error' ? (
            <InlineError message={`Couldn't search: ${results.error}`} />
          ) : results.customers.length === 0 ? (
            <p className="muted">No customer matches “{results.query}”.</p>
          ) : (
            <ul className="customer-list" aria-label="Matching customers">
              {results.customers.map((customer) => (
                <li key={customer.id}>
                  <button type="button" className="customer-result" onClick={() => setSelectedId(customer.id)}>
                    <span className="customer-name">{customer.name ?? 'No name'}</span>
                    {customer.phone ? <span className="phone muted">{formatPhoneNumber(customer.phone)}</span> : null}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Panel>
  );
}

type Detail = CommandOutput<'customers/get'>;

function CustomerDetail({
  tenantId,
  customerId,
  onBack,
  onOpenBooking,
  onBookFor,
}: {
  tenantId: string;
  customerId: string;
  onBack: () => void;
  onOpenBooking: (booking: BookingDto) => void;
  onBookFor: (customer: CustomerDto) => void;
}) {
  const client = useConsoleClient();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [notes, setNotes] = useState('');
  const [saving, setSaving] = useState(false);
  const [saveState, setSaveState] = useState<{ ok: boolean; text: string } | null>(null);

  const load = useCallback(
    (resetForm: boolean) => {
      client.call('customers/get', { tenantId, customerId }).then(
        (found) => {
          setDetail(found);
          setError(null);
          if (resetForm) {
            setName(found.name ?? '');
            setNotes(found.notes);
          }
        },
        (e: unknown) => setError(describeError(e)),
      );
    },
    [client, tenantId, customerId],
  );

  useEffect(() => {
    load(true);
    // Their visits change with the schedule; what staff are typing stays.
    return client.on('bookings/changed', (payload) => {
      if (payload.tenantId === tenantId) load(false);
    });
  }, [client, tenantId, load]);

  if (!detail) {
    return error ? <InlineError message={`Couldn't load the customer: ${error}`} onRetry={() => load(true)} /> : <p className="loading">Loading…</p>;
  }
  const dirty = name.trim() !== (detail.name ?? '') || notes !== detail.notes;

  return (
    <div className="customer-detail">
      <button type="button" className="button button-quiet customer-back" onClick={onBack}>
        ‹ Back to results
      </button>
      <div className="customer-head">
        <h3 className="customer-title">{detail.name ?? 'No name'}</h3>
        {detail.phone ? <span className="phone muted">{formatPhoneNumber(detail.phone)}</span> : null}
      </div>
      <button type="button" className="button" onClick={() => onBookFor(detail)}>
        Book for this customer
      </button>
      <form
        className="customer-notes"
        onSubmit={(event) => {
          event.preventDefault();
          setSaving(true);
          setSaveState(null);
          client
            .call('customers/update', { tenantId, customerId, notes, ...(name.trim() ? { name: name.trim() } : {}) })
            .then(
              (saved) => {
                setDetail((d) => (d ? { ...d, ...saved } : d));
                setName(saved.name ?? '');
                setNotes(saved.notes);
                setSaveState({ ok: true, text: 'Saved.' });
              },
              (e: unknown) => setSaveState({ ok: false, text: `Couldn't save: ${describeError(e)}` }),
            )
            .finally(() => setSaving(false));
        }}
      >
        <FormField label="Name">{(field) => <input {...field} className="input" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />}</FormField>
        <FormField label="Notes" hint="For the team: preferences, reminders. Callers never hear these.">
          {(field) => <textarea {...field} className="input" rows={3} maxLength={4000} value={notes} onChange={(e) => setNotes(e.target.value)} />}
        </FormField>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={saving || !dirty}>
            {saving ? 'Saving…' : 'Save customer'}
          </button>
          <span role="status" className={saveState?.ok === false ? 'error-text' : 'muted'}>
            {saveState?.text ?? ''}
          </span>
        </div>
      </form>
      <VisitList title="Upcoming" bookings={detail.upcoming} empty="Nothing booked." onOpen={onOpenBooking} />
      <VisitList title="Past" bookings={detail.past} empty="No past visits." onOpen={onOpenBooking} />
    </div>
  );
}

function VisitList({ title, bookings, empty, onOpen }: { title: string; bookings: BookingDto[]; empty: string; onOpen: (booking: BookingDto) => void }) {
  return (
    <section className="visit-list" aria-label={`${title} visits`}>
      <h4 className="section-label">{title}</h4>
      {bookings.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul>
          {bookings.map((booking) => (
            <li key={booking.id}>
              <button type="button" className="visit" onClick={() => onOpen(booking)}>
                <span className="visit-when">{formatDayTime(booking.start)}</span>
                <span className="visit-what">
                  {booking.serviceName} · {booking.providerName}
                </span>
                <BookingStatusPill status={booking.status} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
