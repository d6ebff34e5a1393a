import type { TenantConfig } from '../../../shared/contract/tenant.js';
import { FieldGroup } from '../../components/form-field.js';
import { WeekHoursEditor } from './hours-editor.js';
import { removeAt, slugFor } from './settings-draft.js';
import { ItemCard, SettingsSection } from './settings-section.js';
import { CheckboxSetting, ChoiceListSetting, ListSetting, NumberSetting, TextSetting, useEditor } from './settings-editor.js';
import { errorsAt } from './settings-validation.js';

type Service = TenantConfig['services'][number];
type Provider = TenantConfig['providers'][number];

export function ServicesSection() {
  const { draft, update } = useEditor();
  const services = draft.services ?? [];
  const providers = draft.providers ?? [];
  const add = () => {
    const service: Service = {
      id: slugFor('new service', services.map((s) => s.id), 'service'),
      name: '',
      aliases: [],
      names: {},
      durationMinutes: 30,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      providerIds: providers[0] ? [providers[0].id] : [],
      requiresReview: false,
    };
    update(['services'], [...services, service]);
  };
  return (
    <SettingsSection
      id="settings-services"
      title="Services"
      intro="What callers can book, how long it takes, and who does it."
      actions={
        <button type="button" className="button button-small" onClick={add}>
          Add service
        </button>
      }
    >
      <ServicesErrors />
      <div className="item-list">
        {services.map((service, index) => {
          const p = ['services', index] as const;
          return (
            <ItemCard key={index} legend={`Service: ${service.name || 'new service'}`} removeLabel="Remove service" onRemove={() => update(['services'], removeAt(services, index))}>
              <div className="form-grid">
                <TextSetting path={[...p, 'name']} label="Name" errorName="Service name" />
                <ListSetting path={[...p, 'aliases']} label="Other names callers use" errorName="Aliases" className="span-2" placeholder="cleaning, hygiene visit" />
                <div className="form-row span-2">
                  <NumberSetting path={[...p, 'durationMinutes']} label="Duration (minutes)" errorName="Duration" min={1} />
                  <NumberSetting path={[...p, 'bufferBeforeMinutes']} label="Buffer before (minutes)" errorName="Buffer before" />
                  <NumberSetting path={[...p, 'bufferAfterMinutes']} label="Buffer after (minutes)" errorName="Buffer after" />
                </div>
                <ChoiceListSetting path={[...p, 'providerIds']} legend="Providers" options={providers.map((pr) => ({ value: pr.id, label: pr.name || 'New provider' }))} />
                <CheckboxSetting path={[...p, 'requiresReview']} label="Requires review" hint="Phone bookings wait for staff approval before they are confirmed." />
                <NumberSetting path={[...p, 'reminderHoursBefore']} label="Reminder (hours before)" errorName="Reminder hours" min={1} max={168} hint="Empty: the practice's reminder time (Texts)." />
                <TextSetting path={[...p, 'price']} label="Price" errorName="Price" empty={undefined} placeholder="$45, from $120" hint="Said as written to callers who ask. Empty: the receptionist says the team can give prices." />
              </div>
            </ItemCard>
          );
        })}
      </div>
    </SettingsSection>
  );
}

function ServicesErrors() {
  const { errors } = useEditor();
  const messages = errorsAt(errors, ['services']);
  return messages.length ? <p className="field-error">Services {messages.join(' · ')}</p> : null;
}

export function ProvidersSection() {
  const { draft, update } = useEditor();
  const providers = draft.providers ?? [];
  const add = () => {
    const provider: Provider = { id: slugFor('new provider', providers.map((p) => p.id), 'provider'), name: '', aliases: [], hours: null, timeOff: [] };
    update(['providers'], [...providers, provider]);
  };
  return (
    <SettingsSection
      id="settings-providers"
      title="Providers"
      intro="The people callers can book with. A provider works the practice's hours unless given their own."
      actions={
        <button type="button" className="button button-small" onClick={add}>
          Add provider
        </button>
      }
    >
      <ProvidersErrors />
      <div className="item-list">
        {providers.map((provider, index) => {
          const p = ['providers', index] as const;
          const label = provider.name || 'new provider';
          const timeOff = provider.timeOff ?? [];
          return (
            <ItemCard key={index} legend={`Provider: ${label}`} removeLabel="Remove provider" onRemove={() => update(['providers'], removeAt(providers, index))}>
              <div className="form-grid">
                <TextSetting path={[...p, 'name']} label="Name" errorName="Provider name" />
                <ListSetting path={[...p, 'aliases']} label="Other names callers use" errorName="Aliases" className="span-2" placeholder="Dr. Lee, Emily" />
              </div>
              <div className="checkbox-field">
                <label className="checkbox-label">
                  <input
                    type="checkbox"
                    checked={provider.hours !== null && provider.hours !== undefined}
                    onChange={(e) => update([...p, 'hours'], e.target.checked ? structuredClone(draft.hours) : null)}
                  />
                  <span>Own weekly hours</span>
                </label>
                <p className="field-hint">Otherwise {label} works the practice's weekly hours.</p>
              </div>
              {provider.hours ? <WeekHoursEditor path={[...p, 'hours']} owner={label} /> : null}
              <FieldGroup legend="Time off" className="time-off">
                {timeOff.length === 0 ? <p className="muted">No time off.</p> : null}
                {timeOff.map((_, t) => (
                  <div key={t} className="time-off-row">
                    <TextSetting path={[...p, 'timeOff', t, 'from']} type="datetime-local" label="From" errorName="Time off start" />
                    <TextSetting path={[...p, 'timeOff', t, 'to']} type="datetime-local" label="To" errorName="Time off end" />
                    <TextSetting path={[...p, 'timeOff', t, 'reason']} label="Reason" empty={undefined} />
                    <button type="button" className="button button-quiet button-small" aria-label={`Remove time off ${t + 1} for ${label}`} onClick={() => update([...p, 'timeOff'], removeAt(timeOff, t))}>
                      Remove
                    </button>
                  </div>
                ))}
                <button type="button" className="button button-quiet button-small" onClick={() => update([...p, 'timeOff'], [...timeOff, { from: '', to: '' }])}>
                  + Add time off
                </button>
              </FieldGroup>
            </ItemCard>
          );
        })}
      </div>
    </SettingsSection>
  );
}

function ProvidersErrors() {
  const { errors } = useEditor();
  const messages = errorsAt(errors, ['providers']);
  return messages.length ? <p className="field-error">Providers {messages.join(' · ')}</p> : null;
}
