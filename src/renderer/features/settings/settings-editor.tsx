import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { formatPath } from '../../../shared/contract/errors.js';
import type { TenantConfig } from '../../../shared/contract/tenant.js';
import { FieldGroup, FormField } from '../../components/form-field.js';
import { formatList, getIn, parseList, type Path } from './settings-draft.js';
import { errorsAt, errorsUnder, type FieldErrors } from './settings-validation.js';

export interface SettingsEditor {
  draft: TenantConfig;
  errors: FieldErrors;
  update(path: Path, value: unknown): void;
}

const EditorContext = createContext<SettingsEditor | null>(null);

export function SettingsEditorProvider({ editor, children }: { editor: SettingsEditor; children: ReactNode }) {
  return <EditorContext.Provider value={editor}>{children}</EditorContext.Provider>;
}

export function useEditor(): SettingsEditor {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('useEditor must be used inside <SettingsEditorProvider>.');
  return editor;
}

/** The DOM id of the control for a path, so the error summary can take people to it. */
export function fieldId(path: Path): string {
  return `setting-${formatPath(path).replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/** "Slot step" + "must be a positive integer" → "Slot step must be a positive integer": the error names its field. */
function named(name: string, messages: readonly string[]): string[] {
  return messages.map((message) => `${name} ${message}`);
}

interface BaseProps {
  path: Path;
  label: string;
  /** How errors name the field when the label is long ("Slot step" for "Slot step (minutes)"). */
  errorName?: string;
  hint?: ReactNode;
  className?: string;
  required?: boolean;
}

/** Text. `empty`: what an empty box means — "" (keep), `undefined` (optional field left out) or `null`. */
export function TextSetting({
  path,
  label,
  errorName,
  hint,
  className,
  required,
  multiline = false,
  empty = '',
  placeholder,
  type = 'text',
  list,
}: BaseProps & { multiline?: boolean; empty?: '' | null | undefined; placeholder?: string; type?: 'text' | 'tel' | 'date' | 'datetime-local'; list?: string }) {
  const { draft, errors, update } = useEditor();
  const raw = getIn(draft, path);
  const value = typeof raw === 'string' ? raw : '';
  const onChange = (text: string) => update(path, text === '' ? empty : text);
  return (
    <FormField id={fieldId(path)} label={label} hint={hint} className={className} required={required} errors={named(errorName ?? label, errorsUnder(errors, path))}>
      {(field) =>
        multiline ? (
          <textarea {...field} className="input" rows={2} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input {...field} className="input" type={type} list={list} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
        )
      }
    </FormField>
  );
}

/** A whole number of minutes or days; an empty box is "missing" and the schema says so. */
export function NumberSetting({ path, label, errorName, hint, className, step = 1, min = 0, max }: BaseProps & { step?: number; min?: number; max?: number }) {
  const { draft, errors, update } = useEditor();
  const raw = getIn(draft, path);
  // Keep what was typed while it is not a number yet ("0." on the way to "0.5").
  const [text, setText] = useState(raw === undefined || raw === null ? '' : String(raw));
  useEffect(() => {
    setText((current) => (Number(current) === raw && current !== '' ? current : raw === undefined || raw === null ? '' : String(raw)));
  }, [raw]);
  return (
    <FormField id={fieldId(path)} label={label} hint={hint} className={className} errors={named(errorName ?? label, errorsAt(errors, path))}>
      {(field) => (
        <input
          {...field}
          className="input input-number"
          type="number"
          inputMode="decimal"
          step={step}
          min={min}
          max={max}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            const trimmed = e.target.value.trim();
            update(path, trimmed === '' ? undefined : Number(trimmed));
          }}
        />
      )}
    </FormField>
  );
}

export function CheckboxSetting({ path, label, hint, className }: Omit<BaseProps, 'errorName' | 'required'>) {
  const { draft, errors, update } = useEditor();
  const checked = getIn(draft, path) === true;
  const messages = named(label, errorsAt(errors, path));
  const id = fieldId(path);
  const describedBy = [messages.length ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['checkbox-field', className].filter(Boolean).join(' ')}>
      <label className="checkbox-label">
        <input id={id} type="checkbox" checked={checked} aria-describedby={describedBy} aria-invalid={messages.length ? true : undefined} onChange={(e) => update(path, e.target.checked)} />
        <span>{label}</span>
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {messages.length ? (
        <p id={`${id}-error`} className="field-error">
          {messages.join(' · ')}
        </p>
      ) : null}
    </div>
  );
}

/** A list of words typed as "a, b, c" (aliases, keywords, phone numbers). */
export function ListSetting({ path, label, errorName, hint, className, placeholder }: BaseProps & { placeholder?: string }) {
  const { draft, errors, update } = useEditor();
  const raw = getIn(draft, path);
  const list = Array.isArray(raw) ? (raw as string[]) : [];
  const canonical = formatList(list);
  const [text, setText] = useState(canonical);
  // Follow outside changes (revert, reload) without fighting the person typing "a, b, ".
  useEffect(() => {
    setText((current) => (formatList(parseList(current)) === canonical ? current : canonical));
  }, [canonical]);
  return (
    <FormField id={fieldId(path)} label={label} hint={hint ?? 'Separate with commas.'} className={className} errors={named(errorName ?? label, errorsUnder(errors, path))}>
      {(field) => (
        <input
          {...field}
          className="input"
          value={text}
          placeholder={placeholder}
          onChange={(e) => {
            setText(e.target.value);
            update(path, parseList(e.target.value));
          }}
        />
      )}
    </FormField>
  );
}

/** Checkboxes for a subset of known options (the providers who offer a service). */
export function ChoiceListSetting({ path, legend, options, hint }: { path: Path; legend: string; options: { value: string; label: string }[]; hint?: ReactNode }) {
  const { draft, errors, update } = useEditor();
  const raw = getIn(draft, path);
  const chosen = Array.isArray(raw) ? (raw as string[]) : [];
  const unknown = chosen.filter((value) => !options.some((o) => o.value === value));
  return (
    <FieldGroup legend={legend} hint={hint} errors={named(legend, errorsUnder(errors, path))} className="choice-list">
      <div className="choice-options" id={fieldId(path)}>
        {options.map((option) => (
          <label key={option.value} className="checkbox-label">
            <input
              type="checkbox"
              checked={chosen.includes(option.value)}
              onChange={(e) => update(path, e.target.checked ? [...chosen, option.value] : chosen.filter((v) => v !== option.value))}
            />
            <span>{option.label}</span>
          </label>
        ))}
        {unknown.map((value) => (
          <label key={value} className="checkbox-label unknown">
            <input type="checkbox" checked onChange={() => update(path, chosen.filter((v) => v !== value))} />
            <span>{value} (unknown)</span>
          </label>
        ))}
      </div>
    </FieldGroup>
  );
}
