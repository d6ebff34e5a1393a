import { useState } from 'react';
import { useStore } from 'zustand';
import { InlineError } from '../../components/inline-error.js';
import { StatusPill } from '../../components/status-pill.js';
import { SecretField } from './secret-field.js';
import type { StepCheck } from './setup-checks.js';
import type { SetupStore } from './setup-store.js';

const OPTIONAL_KEYS = [
  { name: 'DEEPGRAM_API_KEY', label: 'Deepgram API key', hint: 'For natural voices and live transcription (optional)' },
  { name: 'OPENAI_API_KEY', label: 'OpenAI API key', hint: 'For the AI receptionist; the built-in rules receptionist works without it (optional)' },
] as const;

/** Step 5: go live once every step checks out; optional vendor keys, write-only like every secret. */
export function LiveStep({ store, ready }: { store: SetupStore; ready: StepCheck }) {
  const status = useStore(store, (s) => s.status)!;
  const busy = useStore(store, (s) => s.busy);
  const errors = useStore(store, (s) => s.errors);
  const [values, setValues] = useState<Record<string, string>>({});
  const isSet = (name: string) => status.secrets.some((s) => s.name === name);

  return (
    <>
      {ready.done ? (
        <p className="setup-result" role="status">
          <StatusPill tone="ok">Live</StatusPill> Frontdesk is answering your calls.
        </p>
      ) : (
        <div className="button-row">
          <button type="button" className="button button-primary" disabled={ready.summary !== 'Ready to go live' || busy.complete} onClick={() => void store.getState().complete()}>
            Go live
          </button>
          <span className="muted">{ready.summary}</span>
        </div>
      )}
      {errors.complete ? <InlineError message={errors.complete} /> : null}
      <h3 className="setup-subtitle">Optional keys</h3>
      {OPTIONAL_KEYS.map((key) => (
        <form
          key={key.name}
          className="form-grid"
          onSubmit={(event) => {
            event.preventDefault();
            void store.getState().setSecret(key.name, values[key.name] ?? '').then((ok) => ok && setValues((v) => ({ ...v, [key.name]: '' })));
          }}
        >
          <SecretField label={key.label} isSet={isSet(key.name)} hint={key.hint} value={values[key.name] ?? ''} onChange={(value) => setValues((v) => ({ ...v, [key.name]: value }))} />
          <div className="button-row">
            <button type="submit" className="button button-small" disabled={!values[key.name] || busy.secret}>
              Save {key.label}
            </button>
          </div>
        </form>
      ))}
      {errors.secret ? <InlineError message={errors.secret} /> : null}
    </>
  );
}
