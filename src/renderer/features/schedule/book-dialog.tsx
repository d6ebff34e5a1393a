import { useState } from 'react';
import type { BookingDto } from '../../../shared/contract/scheduling.js';
import type { TenantConfig } from '../../../shared/contract/tenant.js';
import { useConsoleClient } from '../../app/console-client-context.js';
import { Dialog } from '../../components/dialog.js';
import { FormField } from '../../components/form-field.js';
import { SlotPicker, type SlotChoice } from '../../components/slot-picker.js';
import { slotKey } from '../../components/slot-options.js';
import { formatDayTime } from '../../components/wall-clock.js';
import { bookingErrorMessage, newIdempotencyKey, slotsAreStale } from './booking-errors.js';

export interface BookingDraft {
  serviceId?: string;
  providerId: string | null;
  date: string;
  /** "HH:MM": a time picked on the grid (a walk-in may be now, inside the phone's notice). */
  time?: string;
  /** The time was picked in a column of everyone: the provider is a suggestion staff may change. */
  chooseProvider?: boolean;
  customer?: { name: string; phone: string };
}

/** Staff book at the desk with the same rules as the phone: only a free time, refused if it was just taken. */
export function BookDialog({
  tenantId,
  config,
  initial,
  onClose,
  onBooked,
}: {
  tenantId: string;
  config: TenantConfig;
  initial: BookingDraft;
  onClose: () => void;
  onBooked: (booking: BookingDto) => void;
}) {
  const client = useConsoleClient();
  const [choice, setChoice] = useState<SlotChoice | null>(null);
  const [phone, setPhone] = useState(initial.customer?.phone ?? '');
  const [name, setName] = useState(initial.customer?.name ?? '');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<{ slot?: string; phone?: string; name?: string }>({});
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  // One key per chosen time: a retry of the same request books once, a new time is a new request.
  const [keys] = useState(() => new Map<string, string>());

  const serviceId = initial.serviceId ?? config.services.find((s) => !initial.providerId || s.providerIds.includes(initial.providerId))?.id ?? config.services[0]?.id ?? '';
  const fixedProvider = initial.time && initial.providerId ? config.providers.find((p) => p.id === initial.providerId) : undefined;
  const [fixed, setFixed] = useState(fixedProvider ? { providerId: fixedProvider.id, serviceId, start: `${initial.date}T${initial.time}` } : null);

  /** Another provider for the picked time keeps the service when they offer it, else takes their first. */
  const withProvider = (current: NonNullable<typeof fixed>, providerId: string) => {
    const offered = config.services.filter((s) => s.providerIds.includes(providerId));
    const serviceId = offered.some((s) => s.id === current.serviceId) ? current.serviceId : (offered[0]?.id ?? current.serviceId);
    return { ...current, providerId, serviceId };
  };

  const submit = async () => {
    const found: typeof errors = {};
    if (fixed) return submitFixed(found);
    if (!choice) found.slot = 'Pick one of the free times.';
    if (!phone.trim()) found.phone = "Enter the customer's phone number.";
    if (!name.trim()) found.name = "Enter the customer's name.";
    setErrors(found);
    if (!choice || found.phone || found.name) return;
    const key = slotKey(choice.slot);
    if (!keys.has(key)) keys.set(key, newIdempotencyKey());
    setSubmitting(true);
    setSubmitError(null);
    try {
      const booking = await client.call('bookings/create', {
        tenantId,
        serviceId: choice.serviceId,
        providerId: choice.providerId,
        start: choice.slot.start,
        customer: { phone: phone.trim(), name: name.trim() },
        ...(notes.trim() ? { notes: notes.trim() } : {}),
        idempotencyKey: keys.get(key),
      });
      onBooked(booking);
    } catch (error) {
      setSubmitError(bookingErrorMessage(error));
      if (slotsAreStale(error)) setReloadKey((k) => k + 1);
    } finally {
      setSubmitting(false);
    }
  };

  /** A time picked on the grid: booked as picked; the appliance checks it against everything but the phone's notice. */
  async function submitFixed(found: typeof errors) {
    if (!fixed) return;
    if (!phone.trim()) found.phone = "Enter the customer's phone number.";
    if (!name.trim()) found.name = "Enter the customer's name.";
    setErrors(found);
    if (found.phone || found.name) return;
    const key = `${fixed.start}|${fixed.providerId}|${fixed.serviceId}`;
    if (!keys.has(key)) keys.set(key, newIdempotencyKey());
    setSubmitting(true);
    setSubmitError(null);
    try {
      const booking = await client.call('bookings/create', {
        tenantId,
        serviceId: fixed.serviceId,
        providerId: fixed.providerId,
        start: fixed.start,
        customer: { phone: phone.trim(), name: name.trim() },
        ...(notes.trim() ? { notes: notes.trim() } : {}),
        idempotencyKey: keys.get(key),
      });
      onBooked(booking);
    } catch (error) {
      setSubmitError(bookingErrorMessage(error));
    } finally {
      setSubmitting(false);
    }
  }

  const fixedLabel = fixed ? formatDayTime(`${fixed.start}:00`) : '';
  return (
    <Dialog title="New booking" onClose={onClose} wide>
      <form
        className="dialog-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {fixed ? (
          <div className="fixed-slot">
            {initial.chooseProvider ? (
              <>
                <p>
                  At <strong>{fixedLabel}</strong>
                </p>
                <FormField label="Provider">
                  {(field) => (
                    <select {...field} className="input" value={fixed.providerId} onChange={(e) => setFixed(withProvider(fixed, e.target.value))}>
                      {config.providers.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name}
                        </option>
                      ))}
                    </select>
                  )}
                </FormField>
              </>
            ) : (
              <p>
                At <strong>{fixedLabel}</strong> with <strong>{fixedProvider?.name}</strong>
              </p>
            )}
            <FormField label="Service">
              {(field) => (
                <select {...field} className="input" value={fixed.serviceId} onChange={(e) => setFixed({ ...fixed, serviceId: e.target.value })}>
                  {config.services
                    .filter((s) => s.providerIds.includes(fixed.providerId))
                    .map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))}
                </select>
              )}
            </FormField>
            <button type="button" className="link-button" onClick={() => setFixed(null)}>
              Pick another time
            </button>
          </div>
        ) : null}
        {fixed ? null : <SlotPicker
          tenantId={tenantId}
          config={config}
          initial={{ serviceId, providerId: initial.providerId, date: initial.date }}
          allowAnyProvider
          reloadKey={reloadKey}
          onChange={(next) => {
            setChoice(next);
            if (next) setErrors((e) => ({ ...e, slot: undefined }));
          }}
        />}
        {errors.slot ? <p className="field-error">{errors.slot}</p> : null}
        <div className="form-row">
          <FormField label="Customer phone" errors={errors.phone ? [errors.phone] : []} required>
            {(field) => <input {...field} className="input" type="tel" autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} />}
          </FormField>
          <FormField label="Customer name" errors={errors.name ? [errors.name] : []} required>
            {(field) => <input {...field} className="input" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />}
          </FormField>
        </div>
        <FormField label="Notes" hint="Optional. Visible to staff only.">
          {(field) => <textarea {...field} className="input" rows={2} maxLength={2000} value={notes} onChange={(e) => setNotes(e.target.value)} />}
        </FormField>
        {submitError ? (
          <div className="inline-error" role="alert">
            <p>{submitError}</p>
          </div>
        ) : null}
        <div className="dialog-actions">
          <button type="submit" className="button button-primary" disabled={submitting}>
            {submitting ? 'Booking…' : fixed ? `Book ${fixedLabel}` : choice ? `Book ${formatDayTime(choice.slot.start)}` : 'Book'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
