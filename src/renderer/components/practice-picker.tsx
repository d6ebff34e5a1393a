import type { CurrentTenant } from '../app/use-current-tenant.js';

/** Chooses the practice the console shows; only offered when the appliance serves several. */
export function PracticePicker({ current }: { current: CurrentTenant }) {
  if (current.tenants.length < 2 || !current.tenant) return null;
  return (
    <label className="desk-field practice-picker">
      <span className="desk-field-label">Practice</span>
      <select className="desk-field-input" aria-label="Practice" value={current.tenant.id} onChange={(event) => current.select(event.target.value)}>
        {current.tenants.map((tenant) => (
          <option key={tenant.id} value={tenant.id}>
            {tenant.name}
          </option>
        ))}
      </select>
    </label>
  );
}
