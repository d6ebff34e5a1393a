import { useState } from 'react';
import { FormField } from '../../components/form-field.js';
import { StatusPill } from '../../components/status-pill.js';

/**
 * A write-only field for a credential: once saved, the appliance never sends it back, so the field
 * shows "set" and stays empty; typing a new value replaces the stored one.
 */
export function SecretField({
  label,
  isSet,
  hint,
  value,
  onChange,
}: {
  label: string;
  isSet: boolean;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const [revealed, setRevealed] = useState(false);
  return (
    <FormField
      label={
        <>
          {label} {isSet ? <StatusPill tone="ok">set</StatusPill> : <StatusPill tone="warn">not set</StatusPill>}
        </>
      }
      hint={isSet ? 'Stored encrypted. Leave empty to keep it, or type a new value to replace it.' : hint}
    >
      {(control) => (
        <span className="secret-input">
          <input
            {...control}
            className="input"
            type={revealed ? 'text' : 'password'}
            autoComplete="off"
            spellCheck={false}
            placeholder={isSet ? '•••••••• (set)' : ''}
            value={value}
            onChange={(event) => onChange(event.target.value)}
          />
          <button type="button" className="button button-quiet button-small" onClick={() => setRevealed((r) => !r)} aria-pressed={revealed}>
            {revealed ? 'Hide' : 'Show'}
          </button>
        </span>
      )}
    </FormField>
  );
}
