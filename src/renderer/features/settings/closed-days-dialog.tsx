import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { StrandedBookingDto } from '../../../shared/contract/closures.js';
import { Dialog } from '../../components/dialog.js';
import { formatDayTimeRange } from '../../components/wall-clock.js';
import { formatPhoneNumber } from '../overview/format.js';
import type { SettingsStore } from './settings-store.js';

/**
 * A change that strands booked visits (closing a day, shorter hours, time off): the owner sees
 * each one and why, and chooses to keep them (only new bookings follow the change), cancel them
 * with a text to each patient, or send them to Review to be moved. Nothing is saved until they choose.
 */
export function ClosedDaysDialog({ store }: { store: SettingsStore }) {
  const affected = useStore(store, (s) => s.closedDays);
  return affected ? <ClosedDaysQuestion store={store} affected={affected} /> : null;
}

function ClosedDaysQuestion({ store, affected }: { store: SettingsStore; affected: readonly StrandedBookingDto[] }) {
  const saving = useStore(store, (s) => s.saving);
  const draft = useStore(store, (s) => s.draft);
  // Read while rendering: by the time effects run, the dialog has taken focus.
  const [opener] = useState(() => document.activeElement);
  useEffect(() => {
    // Back where the owner was (the Save button) when the question goes, however it goes.
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [opener]);
  const { save, dismissClosedDays } = store.getState();
  const n = affected.length;
  const texting = draft?.texts?.enabled !== false && draft?.texts?.confirmations !== false;
  const closing = affected.every((b) => b.closedDay);
  return (
    <Dialog
      title={
        closing
          ? `${n} appointment${n === 1 ? ' is' : 's are'} on ${n === 1 ? 'a day' : 'days'} you are closing`
          : `${n} appointment${n === 1 ? ' is' : 's are'} outside the new hours`
      }
      description="Choose what happens to them. Nothing is saved until you do."
      onClose={dismissClosedDays}
      footer={
        <div className="dialog-actions closed-days-actions">
          <button type="button" className="button" disabled={saving} onClick={() => void save('keep')}>
            {closing ? 'Keep them, close to new bookings' : 'Keep them, new bookings follow the new hours'}
          </button>
          <button type="button" className="button button-danger" disabled={saving} onClick={() => void save('cancel')}>
            {texting ? 'Cancel them and text each patient' : 'Cancel them'}
          </button>
          <button type="button" className="button" disabled={saving} onClick={() => void save('review')}>
            Send them to Review to move
          </button>
          <button type="button" className="button button-quiet" disabled={saving} onClick={dismissClosedDays}>
            Back to editing
          </button>
        </div>
      }
    >
      <ul className="closed-days-list" aria-label={closing ? 'Appointments on the closing days' : 'Appointments outside the new hours'}>
        {affected.map((booking) => (
          <li key={booking.id}>
            <strong>{formatDayTimeRange(booking.start, booking.end)}</strong> · {booking.serviceName} with {booking.providerName} for{' '}
            {booking.customer?.name ?? (booking.customer?.phone ? formatPhoneNumber(booking.customer.phone) : 'a patient')}
            {booking.rehearsal ? ' (test booking)' : ''}
            <span className="closed-days-why">{capitalized(booking.why)}.</span>
          </li>
        ))}
      </ul>
      <p className="muted">
        {texting
          ? 'Cancelling texts each patient the practice’s “Booking cancelled” wording, which asks them to text or call to book again.'
          : 'Texts are off for this practice: cancelling sends no text, so call each patient.'}
      </p>
    </Dialog>
  );
}

/** "Dr. Emily Lee's new hours on Mondays end at 1:00 PM" as a sentence of its own. */
function capitalized(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}
