import { useEffect, useId, useState } from 'react';
import type { SlotDto } from '../../shared/contract/scheduling.js';
import type { TenantConfig } from '../../shared/contract/tenant.js';
import { describeError } from '../api/command-error.js';
import { useConsoleClient } from '../app/console-client-context.js';
import { FormField } from './form-field.js';
import { InlineError } from './inline-error.js';
import { groupSlotsByProvider, keepProvider, providersForService, slotKey } from './slot-options.js';
import { addDays, formatDay, formatTime } from './wall-clock.js';

export interface SlotChoice {
  serviceId: string;
  providerId: string;
  slot: SlotDto;
}

type SlotsState = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; slots: SlotDto[] };

/**
 * Service, provider and day, then one of the free times the appliance offers for them right now
 * (`availability/list-slots`, the same rules the phone uses). Bump `reloadKey` to ask again, e.g.
 * after the appliance refused a time someone else just took.
 */
export function SlotPicker({
  tenantId,
  config,
  initial,
  serviceLocked = false,
  allowAnyProvider = false,
  reloadKey = 0,
  onChange,
}: {
  tenantId: string;
  config: TenantConfig;
  initial: { serviceId: string; providerId: string | null; date: string };
  serviceLocked?: boolean;
  allowAnyProvider?: boolean;
  reloadKey?: number;
  onChange: (choice: SlotChoice | null) => void;
}) {
  const client = useConsoleClient();
  const radioName = useId();
  const [serviceId, setServiceId] = useState(initial.serviceId);
  const [providerId, setProviderId] = useState<string | null>(initial.providerId ?? (allowAnyProvider ? null : (providersForService(config, initial.serviceId)[0]?.id ?? null)));
  const [date, setDate] = useState(initial.date);
  const [slots, setSlots] = useState<SlotsState>({ status: 'loading' });
  const [selected, setSelected] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const providers = providersForService(config, serviceId);
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date);

  useEffect(() => {
    if (!validDate || !serviceId) return;
    let cancelled = false;
    setSlots({ status: 'loading' });
    client.call('availability/list-slots', { tenantId, serviceId, providerId, from: date, to: date }).then(
      ({ slots: found }) => {
        if (!cancelled) setSlots({ status: 'ready', slots: found });
      },
      (error: unknown) => {
        if (!cancelled) setSlots({ status: 'error', error: describeError(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, tenantId, serviceId, providerId, date, validDate, reloadKey, attempt]);

  // Whatever was picked belongs to the old question once the question changes.
  useEffect(() => {
    setSelected(null);
    onChange(null);
    // Not on onChange's identity: an owner's inline callback would clear each fresh pick.
  }, [serviceId, providerId, date, reloadKey]);

  const choose = (slot: SlotDto) => {
    setSelected(slotKey(slot));
    onChange({ serviceId, providerId: slot.providerId, slot });
  };

  const groups = slots.status === 'ready' ? groupSlotsByProvider(slots.slots) : [];
  const serviceName = config.services.find((s) => s.id === serviceId)?.name ?? serviceId;

  return (
    <div className="slot-picker">
      <div className="slot-picker-controls">
        <FormField label="Service" className="slot-picker-service">
          {(field) => (
            <select
              {...field}
              className="input"
              value={serviceId}
              disabled={serviceLocked}
              onChange={(e) => {
                const next = e.target.value;
                setServiceId(next);
                const kept = keepProvider(config, next, providerId);
                setProviderId(kept ?? (allowAnyProvider ? null : (providersForService(config, next)[0]?.id ?? null)));
              }}
            >
              {config.services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.durationMinutes} min)
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Provider" className="slot-picker-provider">
          {(field) => (
            <select {...field} className="input" value={providerId ?? ''} onChange={(e) => setProviderId(e.target.value || null)}>
              {allowAnyProvider ? <option value="">Any provider</option> : null}
              {providers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div className="slot-picker-day">
          <FormField label="Day">
            {(field) => <input {...field} className="input" type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
          </FormField>
          <div className="slot-picker-day-nav">
            <button type="button" className="button button-quiet" aria-label="Previous day" disabled={!validDate} onClick={() => setDate(addDays(date, -1))}>
              ‹
            </button>
            <button type="button" className="button button-quiet" aria-label="Next day" disabled={!validDate} onClick={() => setDate(addDays(date, 1))}>
              ›
            </button>
          </div>
        </div>
      </div>

      <div className="slot-picker-results" aria-live="polite" aria-busy={slots.status === 'loading'}>
        {!validDate ? (
          <p className="muted">Pick a day to see its free times.</p>
        ) : slots.status === 'loading' ? (
          <p className="loading">Finding free times…</p>
        ) : slots.status === 'error' ? (
          <InlineError message={`Couldn't load free times: ${slots.error}`} onRetry={() => setAttempt((a) => a + 1)} />
        ) : groups.length === 0 ? (
          <div className="slot-picker-empty">
            <p>
              No free times for {serviceName} on {formatDay(date)}
              {providerId ? ` with ${providers.find((p) => p.id === providerId)?.name ?? providerId}` : ''}.
            </p>
            <button type="button" className="button" onClick={() => setDate(addDays(date, 1))}>
              Try the next day
            </button>
          </div>
        ) : (
          <fieldset className="slot-picker-times">
            <legend className="field-label">Free times on {formatDay(date)}</legend>
            {groups.map((group) => (
              <fieldset key={group.providerId} className="slot-group">
                <legend className="slot-group-name">{group.providerName}</legend>
                <div className="slot-chips">
                  {group.slots.map((slot) => {
                    const key = slotKey(slot);
                    return (
                      <label key={key} className={selected === key ? 'slot-chip selected' : 'slot-chip'}>
                        <input type="radio" name={radioName} value={key} checked={selected === key} onChange={() => choose(slot)} />
                        <span>{formatTime(slot.start)}</span>
                      </label>
                    );
                  })}
                </div>
              </fieldset>
            ))}
          </fieldset>
        )}
      </div>
    </div>
  );
}
