import { useState, type FormEvent } from 'react';
import { PRACTICE_TIME_ZONES, WEEKDAYS, type Language, type WeekHours } from '../../../shared/contract/index.js';
import { usesTwelveHourClock } from '../../../shared/lib/clock-time.js';
import { describeError, isCommandError } from '../../api/command-error.js';
import { useConsoleClient } from '../../app/console-client-context.js';
import { ClockInput } from '../../components/clock-input.js';
import { Dialog } from '../../components/dialog.js';
import { FieldGroup, FormField } from '../../components/form-field.js';
import { WEEKDAY_NAMES } from '../settings/hours-editor.js';

const LANGUAGE_LABELS: Record<Language, string> = { en: 'English', es: 'Spanish (Español)' };

/** Weekdays open from `open` to `close`; weekends closed. What most practices start with. */
function weekFrom(openDays: ReadonlySet<string>, open: string, close: string): WeekHours {
  return Object.fromEntries(WEEKDAYS.map((day) => [day, openDays.has(day) ? [[open, close]] : []])) as WeekHours;
}

/**
 * The essentials of a new practice; everything else starts from defaults and is edited in
 * Settings. The appliance derives the id from the name and checks it all with the practice
 * file's schema (the same as `frontdesk tenant import`).
 */
export function AddPracticeDialog({ onClose, onAdded }: { onClose: () => void; onAdded: (id: string) => void }) {
  const client = useConsoleClient();
  const [name, setName] = useState('');
  const [timezone, setTimezone] = useState<string>(PRACTICE_TIME_ZONES[0].zone);
  const [phone, setPhone] = useState('');
  const [language, setLanguage] = useState<Language>('en');
  const [providerName, setProviderName] = useState('');
  const [openDays, setOpenDays] = useState<Set<string>>(() => new Set(['mon', 'tue', 'wed', 'thu', 'fri']));
  const [open, setOpen] = useState('09:00');
  const [close, setClose] = useState('17:00');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const zone = PRACTICE_TIME_ZONES.find((z) => z.zone === timezone) ?? PRACTICE_TIME_ZONES[0];
  const twelveHour = usesTwelveHourClock(`${language}-${zone.country}`);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = 'Enter the practice\'s name, as callers know it.';
    if (!providerName.trim()) found.providerName = 'Enter the name of someone who sees clients.';
    if (!/^\d\d:\d\d$/.test(open) || !/^(\d\d:\d\d)$/.test(close)) found.hours = `Enter times like ${twelveHour ? '9:00 AM' : '09:00'}.`;
    else if (open >= close) found.hours = 'The practice must close after it opens.';
    setProblems(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    setError(null);
    try {
      const added = await client.call('tenants/create', { name: name.trim(), timezone, phone: phone.trim(), language, providerName: providerName.trim(), hours: weekFrom(openDays, open, close) });
      onAdded(added.id);
    } catch (e) {
      const details = isCommandError(e) ? e.details : [];
      const byField = Object.fromEntries(details.map((line) => line.split(/: (.*)/s)).filter((parts) => parts.length > 1).map(([field, message]) => [field, message ?? '']));
      if (Object.keys(byField).length) setProblems(byField);
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const fieldErrors = (key: string) => (problems[key] ? [problems[key] ?? ''] : []);
  return (
    <Dialog title="Add a practice" description="Start with the essentials; services, policies and texts can be changed in Settings afterwards." onClose={onClose} wide>
      <form className="dialog-form" noValidate onSubmit={(e) => void submit(e)}>
        <div className="form-row">
          <FormField label="Practice name" errors={fieldErrors('name')} required>
            {(field) => <input {...field} className="input" autoComplete="off" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />}
          </FormField>
          <FormField label="Time zone" errors={fieldErrors('timezone')}>
            {(field) => (
              <select {...field} className="input" value={timezone} onChange={(e) => setTimezone(e.target.value)}>
                {PRACTICE_TIME_ZONES.map((z) => (
                  <option key={z.zone} value={z.zone}>
                    {z.label}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <div className="form-row">
          <FormField label="Front-desk phone" hint="Where calls are transferred, as you dial it." errors={fieldErrors('phone')}>
            {(field) => <input {...field} className="input" type="tel" autoComplete="off" placeholder="(555) 555-0123" value={phone} onChange={(e) => setPhone(e.target.value)} />}
          </FormField>
          <FormField label="Language callers are greeted in">
            {(field) => (
              <select {...field} className="input" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
                {(Object.keys(LANGUAGE_LABELS) as Language[]).map((l) => (
                  <option key={l} value={l}>
                    {LANGUAGE_LABELS[l]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <FormField label="Who sees clients" hint="One name to start with; add the others in Settings." errors={fieldErrors('providerName')} required>
          {(field) => <input {...field} className="input" autoComplete="off" maxLength={100} value={providerName} onChange={(e) => setProviderName(e.target.value)} />}
        </FormField>
        <FieldGroup legend="Opening hours" hint="Different hours per day can be set in Settings." errors={fieldErrors('hours')}>
          <div className="people-days">
            {WEEKDAYS.map((day) => (
              <label key={day} className="people-choice">
                <input
                  type="checkbox"
                  checked={openDays.has(day)}
                  onChange={(e) => {
                    const next = new Set(openDays);
                    if (e.target.checked) next.add(day);
                    else next.delete(day);
                    setOpenDays(next);
                  }}
                />{' '}
                {WEEKDAY_NAMES[day]}
              </label>
            ))}
          </div>
          <div className="people-hours">
            <ClockInput aria-label="Opens at" twelveHour={twelveHour} value={open} onChange={setOpen} />
            <span aria-hidden="true">–</span>
            <ClockInput aria-label="Closes at" twelveHour={twelveHour} end value={close} onChange={setClose} />
          </div>
        </FieldGroup>
        {error ? (
          <div className="inline-error" role="alert">
            <p>{error}</p>
          </div>
        ) : null}
        <div className="dialog-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Adding…' : 'Add practice'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
