import type { Closure, TenantConfig } from '../../../shared/contract/tenant.js';
import { WeekHoursEditor, IntervalsEditor } from './hours-editor.js';
import { removeAt } from './settings-draft.js';
import { ItemCard, SettingsSection } from './settings-section.js';
import { TextSetting, useEditor } from './settings-editor.js';
import { FormField } from '../../components/form-field.js';

export function HoursSection() {
  return (
    <SettingsSection id="settings-hours" title="Weekly hours" intro="When the practice is open each weekday. Add a second stretch of hours to make a break (a morning and an afternoon, with lunch between).">
      <WeekHoursEditor path={['hours']} />
    </SettingsSection>
  );
}

type DraftClosure = Closure & { date?: string; from?: string; to?: string };

export function ClosuresSection() {
  const { draft, update } = useEditor();
  const closures = (draft.closures ?? []) as DraftClosure[];
  return (
    <SettingsSection
      id="settings-closures"
      title="Closures"
      intro="Days the practice is closed: no bookings are offered and callers are told why."
      actions={
        <button type="button" className="button button-small" onClick={() => update(['closures'], [...closures, { date: '' }])}>
          Add closure
        </button>
      }
    >
      {closures.length === 0 ? <p className="muted">No closures.</p> : null}
      <div className="item-list">
        {closures.map((closure, index) => {
          const single = 'date' in closure;
          const name = closure.reason || (single ? closure.date : `${closure.from ?? ''} – ${closure.to ?? ''}`) || 'new';
          return (
            <ItemCard key={index} legend={`Closure ${index + 1}: ${name}`} removeLabel="Remove" onRemove={() => update(['closures'], removeAt(closures, index))} className="item-row">
              <FormField label="Kind">
                {(field) => (
                  <select
                    {...field}
                    className="input"
                    value={single ? 'single' : 'range'}
                    onChange={(e) => {
                      const reason = closure.reason !== undefined ? { reason: closure.reason } : {};
                      const next =
                        e.target.value === 'single'
                          ? { date: closure.from ?? '', ...reason }
                          : { from: closure.date ?? '', to: closure.date ?? '', ...reason };
                      update(['closures', index], next);
                    }}
                  >
                    <option value="single">One day</option>
                    <option value="range">Several days</option>
                  </select>
                )}
              </FormField>
              {single ? (
                <TextSetting path={['closures', index, 'date']} type="date" label="Date" />
              ) : (
                <>
                  <TextSetting path={['closures', index, 'from']} type="date" label="From" />
                  <TextSetting path={['closures', index, 'to']} type="date" label="To" />
                </>
              )}
              <TextSetting path={['closures', index, 'reason']} label="Reason" empty={undefined} placeholder="e.g. Thanksgiving" />
            </ItemCard>
          );
        })}
      </div>
    </SettingsSection>
  );
}

export function SpecialHoursSection() {
  const { draft, update } = useEditor();
  const days = (draft.specialHours ?? []) as TenantConfig['specialHours'];
  return (
    <SettingsSection
      id="settings-special-hours"
      title="Special hours"
      intro="Dates with different hours than usual, for everyone (e.g. Christmas Eve)."
      actions={
        <button type="button" className="button button-small" onClick={() => update(['specialHours'], [...days, { date: '', hours: [['09:00', '13:00']] }])}>
          Add special hours
        </button>
      }
    >
      {days.length === 0 ? <p className="muted">No special hours.</p> : null}
      <div className="item-list">
        {days.map((day, index) => (
          <ItemCard key={index} legend={`Special hours ${index + 1}: ${day.reason || day.date || 'new'}`} removeLabel="Remove" onRemove={() => update(['specialHours'], removeAt(days, index))} className="item-row">
            <TextSetting path={['specialHours', index, 'date']} type="date" label="Date" />
            <TextSetting path={['specialHours', index, 'reason']} label="Reason" empty={undefined} />
            <div className="field">
              <span className="field-label">Hours</span>
              <IntervalsEditor path={['specialHours', index, 'hours']} dayLabel={`Special hours ${index + 1}`} />
            </div>
          </ItemCard>
        ))}
      </div>
    </SettingsSection>
  );
}
