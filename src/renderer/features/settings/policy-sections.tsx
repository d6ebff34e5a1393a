import type { TenantConfig } from '../../../shared/contract/tenant.js';
import { removeAt } from './settings-draft.js';
import { ItemCard, SettingsSection } from './settings-section.js';
import { CheckboxSetting, ListSetting, NumberSetting, TextSetting, useEditor } from './settings-editor.js';

export function BookingPolicySection() {
  return (
    <SettingsSection id="settings-booking" title="Booking policy" intro="How far ahead and how close to now callers can book.">
      <div className="form-row form-row-4">
        <NumberSetting path={['booking', 'slotStepMinutes']} label="Slot step (minutes)" errorName="Slot step" min={1} hint="Offered times start every…" />
        <NumberSetting path={['booking', 'minNoticeMinutes']} label="Minimum notice (minutes)" errorName="Minimum notice" />
        <NumberSetting path={['booking', 'maxAdvanceDays']} label="Book up to (days ahead)" errorName="Booking window" min={1} />
        <NumberSetting path={['booking', 'holdMinutes']} label="Hold a time for (minutes)" errorName="Hold time" min={1} hint="While a caller decides." />
      </div>
    </SettingsSection>
  );
}

export function ReviewPolicySection() {
  return (
    <SettingsSection id="settings-review" title="Review policy" intro="Which phone bookings wait for staff approval in Review.">
      <div className="form-grid">
        <CheckboxSetting path={['review', 'all']} label="Review every phone booking" />
        <CheckboxSetting path={['review', 'newCustomers']} label="Review bookings by new customers" />
        <NumberSetting path={['review', 'minConfidence']} label="Minimum speech confidence (0–1)" errorName="Minimum confidence" step={0.05} max={1} hint="Below this, what the caller said is treated as unclear and the booking is reviewed." />
        <ListSetting path={['review', 'emergencyKeywords']} label="Emergency words" errorName="Emergency words" hint="When a caller says one, the call goes to staff. Separate with commas." />
      </div>
    </SettingsSection>
  );
}

export function FaqSection() {
  const { draft, update } = useEditor();
  const faq = (draft.faq ?? []) as TenantConfig['faq'];
  return (
    <SettingsSection
      id="settings-faq"
      title="Questions & answers"
      intro="What the receptionist answers without a person."
      actions={
        <button type="button" className="button button-small" onClick={() => update(['faq'], [...faq, { question: '', answer: '', keywords: [] }])}>
          Add question
        </button>
      }
    >
      {faq.length === 0 ? <p className="muted">No questions yet.</p> : null}
      <div className="item-list">
        {faq.map((entry, index) => (
          <ItemCard key={index} legend={`Question ${index + 1}: ${entry.question || 'new'}`} removeLabel="Remove question" onRemove={() => update(['faq'], removeAt(faq, index))}>
            <div className="form-grid">
              <TextSetting path={['faq', index, 'question']} label="Question" className="span-2" />
              <TextSetting path={['faq', index, 'answer']} label="Answer" multiline className="span-2" />
              <ListSetting path={['faq', index, 'keywords']} label="Keywords" className="span-2" />
            </div>
          </ItemCard>
        ))}
      </div>
    </SettingsSection>
  );
}
