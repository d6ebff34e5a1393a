import { ALL_PRACTICES } from '../app/desk-store.js';
import type { CurrentTenant } from '../app/use-current-tenant.js';

/**
 * Chooses what the console shows when the person may see several practices. On the lists
 * (calls, review, messages, overview) "All practices" is a choice and each item names its
 * practice; the schedule, rehearsal and settings work on one practice at a time.
 */
export function PracticePicker({ current, lists }: { current: CurrentTenant; lists: boolean }) {
  if (current.tenants.length < 2 || !current.tenant) return null;
  const value = lists ? current.listScope : current.tenant.id;
  return (
    <label className="desk-field practice-picker">
      <span className="desk-field-label">Practice</span>
      <select
        className="desk-field-input"
        value={value}
        onChange={(event) => (lists ? current.selectListScope(event.target.value) : current.select(event.target.value))}
      >
        {lists ? <option value={ALL_PRACTICES}>All practices</option> : null}
        {current.tenants.map((tenant) => (
          <option key={tenant.id} value={tenant.id}>
            {tenant.name}
          </option>
        ))}
      </select>
    </label>
  );
}
