import { FormField } from '../../components/form-field.js';
import { getIn } from './settings-draft.js';
import { fieldId, TextSetting, useEditor } from './settings-editor.js';
import { SettingsSection } from './settings-section.js';
import { errorsAt } from './settings-validation.js';

const MODE_PATH = ['voice', 'mode'];

/** How callers are heard and answered: Twilio's speech turn by turn, or a live stream with Deepgram. */
export function VoiceSection() {
  const { draft, errors, update } = useEditor();
  const mode = getIn(draft, MODE_PATH) === 'stream' ? 'stream' : 'gather';
  return (
    <SettingsSection
      id="settings-voice"
      title="Voice"
      intro="Gather mode uses Twilio's own speech, turn by turn, and needs nothing else. Stream mode gives a natural voice that answers within a second and stops when the caller cuts in; it needs a Deepgram key on the appliance and falls back to gather mode whenever Deepgram is unavailable (the overview shows it)."
    >
      <div className="form-grid">
        <FormField id={fieldId(MODE_PATH)} label="Voice mode" errors={errorsAt(errors, MODE_PATH).map((e) => `Voice mode ${e}`)}>
          {(field) => (
            <select {...field} className="input" value={mode} onChange={(e) => update(MODE_PATH, e.target.value)}>
              <option value="gather">Gather (Twilio speech)</option>
              <option value="stream">Stream (Deepgram, barge-in)</option>
            </select>
          )}
        </FormField>
        <TextSetting path={['voice', 'ttsVoice']} label="Voice (Deepgram Aura-2)" errorName="Voice" placeholder="aura-2-thalia-en" hint="Used in stream mode, also for lines staff type." />
        <TextSetting path={['voice', 'sttModel']} label="Speech model (Deepgram)" errorName="Speech model" placeholder="nova-3" hint="Nova-3 listens for the practice's service and provider names." />
      </div>
    </SettingsSection>
  );
}
