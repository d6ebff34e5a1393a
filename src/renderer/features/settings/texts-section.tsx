import { useState } from 'react';
import {
  DEFAULT_TEXT_TEMPLATES,
  PREVIEW_VALUES,
  renderTextTemplate,
  TEXT_LANGUAGES,
  TEXT_PLACEHOLDERS,
  TEXT_TEMPLATE_IDS,
  TEXT_TEMPLATE_LABELS,
  textPhone,
  type TextLanguage,
} from '../../../shared/lib/text-templates.js';
import { getIn } from './settings-draft.js';
import { SettingsSection } from './settings-section.js';
import { CheckboxSetting, NumberSetting, TextSetting, useEditor } from './settings-editor.js';

const LANGUAGE_NAMES: Record<TextLanguage, string> = { en: 'English', es: 'Spanish' };

/** The practice's texting: switches, timing, quiet hours, and every text's wording with a live preview. */
export function TextsSection() {
  const { draft } = useEditor();
  const [language, setLanguage] = useState<TextLanguage>('en');
  const practice = (draft.name as string | undefined) || 'Your practice';
  const phone = textPhone(((draft.phoneNumbers ?? []) as string[])[0] ?? '');
  return (
    <SettingsSection
      id="settings-texts"
      title="Texts"
      intro={
        <>
          Confirmations, reminders, missed-call texts and waitlist offers, sent from the practice&apos;s number through the outbox. Placeholders:{' '}
          {TEXT_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}. Leave a text empty to use the built-in wording.
        </>
      }
    >
      <div className="form-grid">
        <CheckboxSetting path={['texts', 'enabled']} label="Send automatic texts" hint="Off: only staff replies from the inbox are sent." />
        <CheckboxSetting path={['texts', 'confirmations']} label="Confirm bookings, moves and cancellations" />
        <CheckboxSetting path={['texts', 'reminders', 'enabled']} label="Send reminders" />
        <NumberSetting path={['texts', 'reminders', 'hoursBefore']} label="Reminder (hours before)" errorName="Reminder hours" min={1} max={168} hint="A service can set its own." />
        <TextSetting path={['texts', 'quietHours', 'from']} label="Quiet from (HH:MM)" errorName="Quiet hours start" hint="No automatic texts at night, in the practice's time zone." />
        <TextSetting path={['texts', 'quietHours', 'to']} label="Quiet until (HH:MM)" errorName="Quiet hours end" />
        <CheckboxSetting path={['texts', 'missedCallTextBack']} label="Text callers who hung up" hint="Once a day per number, never after a call that got somewhere." />
        <CheckboxSetting path={['texts', 'waitlist', 'enabled']} label="Offer freed times to the waitlist" />
        <NumberSetting path={['texts', 'waitlist', 'offerAtOnce']} label="Offer each opening to (patients at once)" errorName="Waitlist offers at once" min={1} max={10} hint="The first to reply gets it." />
      </div>
      <div className="filter-toggle texts-language" role="group" aria-label="Wording language">
        {TEXT_LANGUAGES.map((l) => (
          <button key={l} type="button" className="filter-toggle-option" aria-pressed={language === l} onClick={() => setLanguage(l)}>
            {LANGUAGE_NAMES[l]}
          </button>
        ))}
      </div>
      <div className="texts-templates">
        {TEXT_TEMPLATE_IDS.map((id) => {
          const path = ['texts', 'templates', language, id] as const;
          const own = getIn(draft, path);
          const template = typeof own === 'string' && own.trim() ? own : DEFAULT_TEXT_TEMPLATES[language][id];
          return (
            <div key={`${language}-${id}`} className="texts-template">
              <TextSetting path={path} label={TEXT_TEMPLATE_LABELS[id]} errorName={`${TEXT_TEMPLATE_LABELS[id]} (${LANGUAGE_NAMES[language]})`} multiline empty={undefined} placeholder={DEFAULT_TEXT_TEMPLATES[language][id]} />
              <p className="texts-preview" aria-label={`Preview: ${TEXT_TEMPLATE_LABELS[id]}`}>
                {renderTextTemplate(template, { ...PREVIEW_VALUES, practice, phone })}
              </p>
            </div>
          );
        })}
      </div>
    </SettingsSection>
  );
}
