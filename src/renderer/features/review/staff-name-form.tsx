import { useState } from 'react';
import { useDeskStore } from '../../app/desk-store.js';
import { FormField } from '../../components/form-field.js';

/**
 * Asked inline when a decision needs a name and none is set: every decision is audited with
 * who made it. The name is remembered on this PC for the next decision.
 */
export function StaffNameForm({ actionLabel, onDone, onCancel }: { actionLabel: string; onDone: (name: string) => void; onCancel: () => void }) {
  const setStaffName = useDeskStore((s) => s.setStaffName);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="staff-name-form"
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = name.trim();
        if (!trimmed) {
          setError('Enter your name; it is recorded with your decision.');
          return;
        }
        setStaffName(trimmed);
        onDone(trimmed);
      }}
    >
      <FormField label="Your name" hint="Recorded with every decision you make at this desk." errors={error ? [error] : []} required>
        {(field) => (
          // Focus goes straight here: the person just asked to decide and we need one thing from them.
          <input {...field} className="input" autoFocus autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
        )}
      </FormField>
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {actionLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
