import { useMemo } from 'react';
import { SettingsSection } from './settings-section.js';
import { ListSetting, TextSetting } from './settings-editor.js';

function timeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch (error) {
    // Older engines lack the list; the field still takes any zone the schema accepts.
    if (error instanceof RangeError) return [];
    throw error;
  }
}

export function PracticeSection() {
  const zones = useMemo(timeZones, []);
  return (
    <SettingsSection id="settings-practice" title="Practice" intro="How the receptionist names the practice and where calls come in.">
      <div className="form-grid">
        <TextSetting path={['name']} label="Practice name" required />
        <TextSetting path={['address']} label="Address" empty={undefined} hint="Read to callers who ask where you are." />
        <TextSetting path={['timezone']} label="Time zone" list="settings-time-zones" hint="All hours, closures and times below are in this zone." />
        <datalist id="settings-time-zones">
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <div className="form-row">
          <TextSetting path={['country']} label="Country" hint="Two letters, e.g. US." />
          <TextSetting path={['locale']} label="Language" hint="e.g. en-US" />
        </div>
        <ListSetting path={['phoneNumbers']} label="Practice phone numbers" errorName="Phone numbers" hint="The Twilio numbers callers dial, like (555) 555-0123 or +44 20 7946 0000. Separate with commas." />
        <TextSetting path={['transferNumber']} type="tel" label="Transfer number" empty={null} hint="Where calls go when a caller asks for a person. Leave empty to take a message instead." />
        <TextSetting path={['greeting']} label="Greeting" multiline className="span-2" hint="The first thing callers hear." />
      </div>
    </SettingsSection>
  );
}
