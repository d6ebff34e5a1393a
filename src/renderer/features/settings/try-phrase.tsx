import { useId, useState } from 'react';
import type { UnderstandingDto } from '../../../shared/contract/calls.js';
import type { TenantConfig } from '../../../shared/contract/tenant.js';
import { describeError } from '../../api/command-error.js';
import { useConsoleClient } from '../../app/console-client-context.js';
import { FormField } from '../../components/form-field.js';
import { InlineError } from '../../components/inline-error.js';
import { Panel } from '../../components/panel.js';
import { formatDay } from '../../components/wall-clock.js';

/**
 * What the receptionist would make of a sentence, with the saved settings: a quick check that a
 * new alias or FAQ keyword is understood before a real caller tries it.
 */
export function TryPhrase({ tenantId, config }: { tenantId: string; config: TenantConfig | null }) {
  const client = useConsoleClient();
  const resultId = useId();
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ text: string; understanding: UnderstandingDto } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  const serviceName = (id: string | null) => (id ? (config?.services.find((s) => s.id === id)?.name ?? id) : null);
  const providerName = (id: string | null) => (id ? (config?.providers.find((p) => p.id === id)?.name ?? id) : null);

  return (
    <Panel title="Try a phrase" className="try-phrase">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const phrase = text.trim();
          if (!phrase) {
            setError('Type something a caller might say.');
            return;
          }
          setWorking(true);
          setError(null);
          client
            .call('conversation/understand', { tenantId, text: phrase })
            .then(
              (understanding) => setResult({ text: phrase, understanding }),
              (e: unknown) => setError(describeError(e)),
            )
            .finally(() => setWorking(false));
        }}
      >
        <FormField label="What a caller might say" hint="Uses the saved settings.">
          {(field) => (
            <textarea {...field} className="input" rows={2} maxLength={2000} placeholder="Can I see Dr. Lee for a cleaning next Tuesday morning?" value={text} onChange={(e) => setText(e.target.value)} />
          )}
        </FormField>
        <button type="submit" className="button button-primary" disabled={working}>
          {working ? 'Understanding…' : 'Understand'}
        </button>
      </form>
      <div aria-live="polite" id={resultId}>
        {error ? <InlineError message={error} /> : null}
        {result ? (
          <dl className="facts understanding" aria-label="Understanding">
            <Fact label="Intent" value={result.understanding.intent.replace(/_/g, ' ')} />
            <Fact label="Confidence" value={`${Math.round(result.understanding.confidence * 100)}%`} />
            <Fact label="Date" value={result.understanding.date ? `${formatDay(result.understanding.date)} (${result.understanding.date})` : null} />
            <Fact label="Time" value={result.understanding.time} />
            <Fact label="Part of day" value={result.understanding.partOfDay} />
            <Fact label="Service" value={serviceName(result.understanding.serviceId)} />
            <Fact label="Provider" value={providerName(result.understanding.providerId)} />
            <Fact label="Name" value={result.understanding.name} />
            <Fact label="Phone" value={result.understanding.phone} />
          </dl>
        ) : null}
      </div>
    </Panel>
  );
}

function Fact({ label, value }: { label: string; value: string | null }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{value ?? <span className="muted">—</span>}</dd>
    </div>
  );
}
