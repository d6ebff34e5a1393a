import { FormField } from '../../components/form-field.js';
import { getIn } from './settings-draft.js';
import { fieldId, TextSetting, useEditor } from './settings-editor.js';
import { SettingsSection } from './settings-section.js';
import { errorsAt } from './settings-validation.js';

/** Which receptionist answers (the rules brain or the LLM brain) and what the LLM should know. */
export function ReceptionistSection() {
  const { draft, errors, update } = useEditor();
  const brain = getIn(draft, ['brain']) === 'llm' ? 'llm' : 'rules';
  return (
    <SettingsSection
      id="settings-receptionist"
      title="Receptionist"
      intro="The rules receptionist works offline and is exact. The LLM receptionist understands more, uses the same actions and the same safeguards, and hands calls to the rules receptionist if the model fails."
    >
      <div className="form-grid">
        <FormField id={fieldId(['brain'])} label="Who answers" errors={errorsAt(errors, ['brain'])} hint="Test a change on the last calls (right) before you save it.">
          {(field) => (
            <select {...field} className="input" value={brain} onChange={(e) => update(['brain'], e.target.value)}>
              <option value="rules">Rules receptionist (offline)</option>
              <option value="llm">LLM receptionist (OpenAI-compatible endpoint)</option>
            </select>
          )}
        </FormField>
        <TextSetting path={['llm', 'model']} label="Model for this practice" errorName="Model" empty={undefined} placeholder="the appliance's FRONTDESK_LLM_MODEL" hint="Leave empty to use the appliance's model." />
        <TextSetting
          path={['llm', 'instructions']}
          label="Extra instructions"
          errorName="Instructions"
          multiline
          className="span-2"
          hint="Persona, and things to always or never say. Bookings still need a read-back and a yes, whatever this says."
        />
      </div>
    </SettingsSection>
  );
}
