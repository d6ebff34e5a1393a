import { useCallback, useEffect, useState } from 'react';
import type { TextMessageDto } from '../../../shared/contract/texts.js';
import { describeError } from '../../api/command-error.js';
import { useConsoleClient } from '../../app/console-client-context.js';
import { StatusPill } from '../../components/status-pill.js';
import { formatDayTime } from '../../components/wall-clock.js';
import { deliveryLabel, purposeLabel } from '../inbox/text-message-status.js';

/** What was texted to the patient about this booking, and whether it reached them. */
export function BookingTexts({ tenantId, bookingId }: { tenantId: string; bookingId: string }) {
  const client = useConsoleClient();
  const [texts, setTexts] = useState<TextMessageDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    client.call('texts/list-for-booking', { tenantId, bookingId }).then(
      (list) => {
        setTexts(list);
        setError(null);
      },
      (e: unknown) => setError(describeError(e)),
    );
  }, [client, tenantId, bookingId]);
  useEffect(() => {
    load();
    return client.subscribe((event) => {
      if ((event.name === 'texts/changed' && event.payload.tenantId === tenantId) || (event.name === 'bookings/changed' && event.payload.bookingIds.includes(bookingId))) load();
    });
  }, [client, tenantId, bookingId, load]);

  return (
    <section className="booking-texts" aria-label="Texts">
      <h3 className="section-label">Texts</h3>
      {error ? <p className="input-error">Couldn&apos;t load the texts: {error}</p> : null}
      {texts && texts.length === 0 ? <p className="muted">Nothing texted about this booking.</p> : null}
      {texts && texts.length > 0 ? (
        <ol className="history-list">
          {texts.map((t) => {
            const delivery = deliveryLabel(t);
            return (
              <li key={t.id} className="history-entry booking-text">
                <span className="history-when">{formatDayTime(t.at)}</span>
                <span className="history-what">
                  <strong>{purposeLabel(t.purpose)}</strong> {delivery ? <StatusPill tone={delivery.tone}>{delivery.label}</StatusPill> : null}
                </span>
                <span className="history-details muted">{t.body}</span>
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}
