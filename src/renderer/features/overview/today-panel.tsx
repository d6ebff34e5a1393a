import { useEffect, useState } from 'react';
import type { BookingDto } from '../../../shared/contract/scheduling.js';
import type { MessageDto } from '../../../shared/contract/calls.js';
import { useConsoleClient } from '../../app/console-client-context.js';
import { Panel } from '../../components/panel.js';
import { formatTimeRange } from '../../components/wall-clock.js';
import { useLiveCalls } from '../calls/use-live-calls.js';
import { pluralize } from './format.js';

interface Today {
  bookings: BookingDto[];
  reviews: number;
  messages: MessageDto[];
}

/** The practice's today from its own clock, "YYYY-MM-DD". */
function todayOf(booking: { start: string }): string {
  return booking.start.slice(0, 10);
}

/**
 * Today at a glance, for the practice on screen: each provider's appointments with who is next,
 * calls now, what waits (review, messages) and any emergency, first thing in the morning.
 */
export function TodayPanel({ tenantId, today, nowIso }: { tenantId: string; today: string; nowIso: string | null }) {
  const client = useConsoleClient();
  const live = useLiveCalls();
  const [state, setState] = useState<Today | null>(null);

  useEffect(() => {
    let cancelled = false;
    const load = () =>
      Promise.all([
        client.call('bookings/list', { tenantId, from: today, to: today, statuses: ['confirmed', 'pending_review', 'arrived', 'completed', 'no_show'] }),
        client.call('review/list', { tenantId }),
        client.call('messages/list', { tenantId, status: 'new' }),
      ]).then(
        ([bookings, reviews, messages]) => !cancelled && setState({ bookings: bookings.filter((b) => todayOf(b) === today), reviews: reviews.length, messages }),
        () => undefined,
      );
    void load();
    const off = client.subscribe((event) => {
      if ((event.name === 'bookings/changed' || event.name === 'review/changed') && event.payload.tenantId === tenantId) void load();
      if (event.name === 'messages/taken') void load();
    });
    return () => {
      cancelled = true;
      off();
    };
  }, [client, tenantId, today]);

  const calls = live.calls.filter((c) => c.tenantId === tenantId);
  const emergencies = calls.filter((c) => c.emergency);
  const byProvider = new Map<string, BookingDto[]>();
  for (const booking of state?.bookings ?? []) byProvider.set(booking.providerName, [...(byProvider.get(booking.providerName) ?? []), booking]);

  return (
    <Panel title="Today at a glance" className="today-panel">
      {emergencies.length > 0 ? (
        <p className="emergency-alert" role="alert">
          Emergency on the line: {emergencies.map((c) => c.callerName ?? 'a caller').join(', ')}
        </p>
      ) : null}
      <ul className="glance-list">
        <li>{calls.length === 0 ? 'No calls right now' : `${pluralize(calls.length, 'call')} now`}</li>
        <li>
          <a href="#/review">{state ? `${pluralize(state.reviews, 'booking')} waiting for review` : 'Review'}</a>
        </li>
        <li>
          <a href="#/messages">{state ? `${pluralize(state.messages.length, 'message')} to call back` : 'Messages'}</a>
        </li>
      </ul>
      {state === null ? (
        <p className="loading">Loading today…</p>
      ) : byProvider.size === 0 ? (
        <p className="muted">No appointments today.</p>
      ) : (
        <div className="glance-grid">
          {[...byProvider].map(([provider, list]) => {
            // Next is who the desk still waits for: not here yet, not seen, not a no-show, and not over.
            const next = list.find((b) => b.status === 'confirmed' && (nowIso === null || b.end > nowIso));
            const here = list.filter((b) => b.status === 'arrived').length;
            const seen = list.filter((b) => b.status === 'completed').length;
            return (
              <section key={provider} aria-label={`${provider} today`}>
                <h3 className="section-title">
                  {provider} · {pluralize(list.length, 'appointment')}
                </h3>
                {here + seen > 0 ? <p className="muted">{[here > 0 ? `${here} here now` : null, seen > 0 ? `${seen} seen` : null].filter(Boolean).join(' · ')}</p> : null}
                <p className="muted">
                  {next ? `Next: ${next.customer?.name ?? 'a patient'} at ${formatTimeRange(next.start, next.end)}` : 'Nobody else today'}
                </p>
              </section>
            );
          })}
        </div>
      )}
    </Panel>
  );
}
