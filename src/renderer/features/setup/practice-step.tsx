import { useEffect, useState } from 'react';
import type { TenantSummary } from '../../../shared/contract/dto.js';
import type { TenantConfig } from '../../../shared/contract/tenant.js';
import { describeError } from '../../api/command-error.js';
import { useConsoleClient } from '../../app/console-client-context.js';
import { FormField } from '../../components/form-field.js';
import { InlineError } from '../../components/inline-error.js';

/** Step 1: which practice answers, and its basics (name, time zone, the desk's number); the demo is one click. */
export function PracticeStep({ tenants, tenantId, onSelect, onNext }: { tenants: TenantSummary[]; tenantId: string | null; onSelect: (id: string) => void; onNext: () => void }) {
  if (tenants.length === 0) {
    return <p>No practice yet. Import your practice file with <code>frontdesk tenant import FILE</code>, then come back.</p>;
  }
  return (
    <>
      <fieldset className="setup-choices">
        <legend>Which practice answers the phone?</legend>
        {tenants.map((t) => (
          <label key={t.id} className="checkbox-label">
            <input type="radio" name="practice" value={t.id} checked={t.id === tenantId} onChange={() => onSelect(t.id)} />
            {t.name} <span className="muted">({t.id}{t.id === 'bright-smiles' ? ', the demo practice' : ''})</span>
          </label>
        ))}
      </fieldset>
      {tenantId ? <PracticeBasics key={tenantId} tenantId={tenantId} /> : null}
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={!tenantId} onClick={onNext}>
          Use this practice
        </button>
      </div>
      <p className="muted">Hours, services, providers and policies are in Settings; they can wait until after the test call.</p>
    </>
  );
}

function PracticeBasics({ tenantId }: { tenantId: string }) {
  const client = useConsoleClient();
  const [config, setConfig] = useState<TenantConfig | null>(null);
  const [draft, setDraft] = useState({ name: '', timezone: '', transferNumber: '' });
  const [state, setState] = useState<{ saving: boolean; error: string | null; saved: boolean }>({ saving: false, error: null, saved: false });

  useEffect(() => {
    let live = true;
    client.call('tenants/get', { tenantId }).then(
      (c) => {
        if (!live) return;
        setConfig(c);
        setDraft({ name: c.name, timezone: c.timezone, transferNumber: c.transferNumber ?? '' });
      },
      (error: unknown) => live && setState({ saving: false, error: describeError(error), saved: false }),
    );
    return () => {
      live = false;
    };
  }, [client, tenantId]);

  if (!config) return state.error ? <InlineError message={state.error} /> : <p className="loading">Loading the practice…</p>;
  const save = async () => {
    setState({ saving: true, error: null, saved: false });
    try {
      await client.call('tenants/save', { config: { ...config, name: draft.name, timezone: draft.timezone, transferNumber: draft.transferNumber.trim() || null } });
      setState({ saving: false, error: null, saved: true });
    } catch (error) {
      setState({ saving: false, error: describeError(error), saved: false });
    }
  };
  return (
    <div className="form-grid setup-basics">
      <FormField label="Practice name">{(c) => <input {...c} className="input" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />}</FormField>
      <FormField label="Time zone" hint="IANA name, e.g. America/New_York">
        {(c) => <input {...c} className="input" value={draft.timezone} onChange={(e) => setDraft({ ...draft, timezone: e.target.value })} />}
      </FormField>
      <FormField label="Front desk number" hint="Where calls go when a caller asks for a person (+15555550100)">
        {(c) => <input {...c} className="input" value={draft.transferNumber} onChange={(e) => setDraft({ ...draft, transferNumber: e.target.value })} />}
      </FormField>
      <div className="button-row">
        <button type="button" className="button" disabled={state.saving} onClick={() => void save()}>
          {state.saving ? 'Saving…' : 'Save basics'}
        </button>
        {state.saved ? <span role="status">Saved.</span> : null}
      </div>
      {state.error ? <InlineError message={state.error} /> : null}
    </div>
  );
}
