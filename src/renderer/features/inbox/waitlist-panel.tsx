import { useCallback, useEffect, useState } from 'react';
import type { WaitlistEntryDto } from '../../../shared/contract/texts.js';
import { describeError } from '../../api/command-error.js';
import { useConsoleClient } from '../../app/console-client-context.js';
import { useDeskStore } from '../../app/desk-store.js';
import { EmptyState } from '../../components/empty-state.js';
import { InlineError } from '../../components/inline-error.js';
import { Panel } from '../../components/panel.js';
import { StatusPill } from '../../components/status-pill.js';
import { useTenantConfig } from '../../components/use-tenant-config.js';
import { normalizePhoneInput } from '../calls/call-format.js';
import { formatPhoneNumber } from '../overview/format.js';

/** Patients waiting for an opening; a freed matching time is offered to them by text, in order. */
export function WaitlistPanel({ tenantId }: { tenantId: string }) {
  const client = useConsoleClient();
  const staffName = useDeskStore((s) => s.staffName);
  const { config } = useTenantConfig(tenantId);
  const [entries, setEntries] = useState<WaitlistEntryDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState({ phone: '', name: '', serviceId: '', fromDate: '', toDate: '' });
  const [formError, setFormError] = useState<string | null>(null);

  const load = useCallback(() => {
    client.call('waitlist/list', { tenantId }).then(
      (list) => {
        setEntries(list);
        setError(null);
      },
      (e: unknown) => setError(describeError(e)),
    );
  }, [client, tenantId]);
  useEffect(() => {
    load();
    return client.on('waitlist/changed', (payload) => {
      if (payload.tenantId === tenantId) load();
    });
  }, [client, tenantId, load]);

  const add = async () => {
    setFormError(null);
    const phone = normalizePhoneInput(form.phone);
    if (!phone) return setFormError('Enter a phone number like (555) 555-0199.');
    try {
      await client.call('waitlist/add', { tenantId, phone, ...(form.name.trim() ? { name: form.name.trim() } : {}), serviceId: form.serviceId || (config?.services[0]?.id ?? ''), fromDate: form.fromDate, toDate: form.toDate || form.fromDate, staffName });
      setForm({ phone: '', name: '', serviceId: form.serviceId, fromDate: '', toDate: '' });
    } catch (e) {
      setFormError(describeError(e));
    }
  };

  return (
    <Panel title="Waitlist" className="waitlist-panel">
      {error ? <InlineError message={`Couldn't load the waitlist: ${error}`} onRetry={load} /> : null}
      {entries && entries.length === 0 ? <EmptyState title="Nobody is waiting">Add a patient who wants an earlier time or a full day.</EmptyState> : null}
      {entries && entries.length > 0 ? (
        <ol className="waitlist" aria-label="Waiting patients">
          {entries.map((e) => (
            <li key={e.id} className="waitlist-entry">
              <span>
                {e.name ?? formatPhoneNumber(e.phone)} · {e.serviceName} · {e.fromDate === e.toDate ? e.fromDate : `${e.fromDate} – ${e.toDate}`}
              </span>
              {e.status === 'offered' ? <StatusPill tone="info">Offered</StatusPill> : null}
              <button type="button" className="button button-quiet button-small" onClick={() => void client.call('waitlist/remove', { tenantId, entryId: e.id, staffName: staffName || 'desk' }).then(load, (x: unknown) => setError(describeError(x)))}>
                Remove
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      <form
        className="waitlist-form form-row"
        aria-label="Add to the waitlist"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <input className="input" aria-label="Phone" placeholder="Phone" value={form.phone} onChange={(e) => setForm({ ...form, phone: e.target.value })} />
        <input className="input" aria-label="Name" placeholder="Name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <select className="input" aria-label="Service" value={form.serviceId} onChange={(e) => setForm({ ...form, serviceId: e.target.value })}>
          {(config?.services ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <input className="input" type="date" aria-label="From" value={form.fromDate} onChange={(e) => setForm({ ...form, fromDate: e.target.value })} />
        <input className="input" type="date" aria-label="To" value={form.toDate} onChange={(e) => setForm({ ...form, toDate: e.target.value })} />
        <button type="submit" className="button">
          Add to waitlist
        </button>
        {formError ? (
          <p className="input-error" role="alert">
            {formError}
          </p>
        ) : null}
      </form>
    </Panel>
  );
}
