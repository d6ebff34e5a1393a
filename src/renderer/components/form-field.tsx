import { useId, type ReactNode } from 'react';

export interface FieldControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

/**
 * A label, one control, an optional hint and the control's errors, wired together so a screen
 * reader reads the label as the name and the hint and errors as the description.
 */
export function FormField({
  id: fixedId,
  label,
  hint,
  errors = [],
  className,
  required = false,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[];
  className?: string;
  required?: boolean;
  /** A stable id for the control, when something else must find it (an error summary); generated otherwise. */
  id?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const generatedId = useId();
  const id = fixedId ?? generatedId;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [errors.length ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', errors.length ? 'field-invalid' : null, className].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>
        {label}
        {required ? (
          <span className="field-required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': errors.length ? true : undefined })}
      {errors.length ? (
        <p id={errorId} className="field-error">
          {errors.join(' · ')}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A group of related controls (checkboxes, intervals) under one legend, with the group's errors. */
export function FieldGroup({
  legend,
  hint,
  errors = [],
  className,
  children,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[];
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  const describedBy = [errors.length ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={['field-group', errors.length ? 'field-invalid' : null, className].filter(Boolean).join(' ')} aria-describedby={describedBy}>
      <legend className="field-label">{legend}</legend>
      {children}
      {errors.length ? (
        <p id={`${id}-error`} className="field-error">
          {errors.join(' · ')}
        </p>
      ) : null}
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
    </fieldset>
  );
}
