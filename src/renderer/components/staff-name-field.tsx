import { useDeskStore } from '../app/desk-store.js';

export const STAFF_NAME_FIELD_ID = 'desk-staff-name';

/** Where focus goes back to once the name is entered (the control that asked for it). */
let returnFocusTo: HTMLElement | null = null;

/**
 * Takes the person at the desk to the name field in the header, so a takeover can be recorded;
 * Enter there brings them back to the control that asked.
 */
export function focusStaffNameField(): void {
  const field = document.getElementById(STAFF_NAME_FIELD_ID);
  if (!(field instanceof HTMLInputElement)) return;
  returnFocusTo = document.activeElement instanceof HTMLElement && document.activeElement !== field ? document.activeElement : null;
  field.focus();
  field.select();
}

function returnFocus(): void {
  const target = returnFocusTo;
  returnFocusTo = null;
  if (target?.isConnected) target.focus();
}

/** The current staff name, trimmed; empty when nobody said who is at the desk. */
export function useStaffName(): string {
  return useDeskStore((s) => s.staffName).trim();
}

/**
 * "Who's at the desk": every takeover and review decision is recorded with this name, so it sits in
 * the header where it is always visible, and stays remembered on this PC.
 */
export function StaffNameField() {
  const staffName = useDeskStore((s) => s.staffName);
  const setStaffName = useDeskStore((s) => s.setStaffName);
  const missing = !staffName.trim();
  return (
    <label className="desk-field staff-name-field" data-missing={missing || undefined}>
      <span className="desk-field-label">Who&apos;s at the desk</span>
      <input
        id={STAFF_NAME_FIELD_ID}
        aria-label="Who's at the desk"
        className="desk-field-input"
        type="text"
        value={staffName}
        placeholder="Your name"
        autoComplete="name"
        maxLength={80}
        spellCheck={false}
        onChange={(event) => setStaffName(event.target.value)}
        onBlur={(event) => {
          const trimmed = event.target.value.trim();
          if (trimmed !== event.target.value) setStaffName(trimmed);
        }}
        onKeyDown={(event) => {
          // Enter hands the keyboard back to the control that asked for a name. The key must not
          // also press that control: the person confirms the name, not the action.
          if (event.key === 'Enter' && event.currentTarget.value.trim()) {
            event.preventDefault();
            returnFocus();
          }
        }}
      />
    </label>
  );
}
