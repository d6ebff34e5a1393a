import { WEEKDAYS, type Weekday } from '../../../shared/contract/tenant.js';
import { usesTwelveHourClock } from '../../../shared/lib/clock-time.js';
import { ClockInput, clockErrorInWords } from '../../components/clock-input.js';
import { getIn, nextInterval, removeAt, type Interval, type Path } from './settings-draft.js';
import { fieldId, useEditor } from './settings-editor.js';
import { errorsAt, errorsUnder } from './settings-validation.js';

export const WEEKDAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/**
 * One day's open intervals ("08:00–12:00, 13:00–17:00": the gap is the break), each removable,
 * with the schema's errors beside the interval they are about.
 */
export function IntervalsEditor({ path, dayLabel }: { path: Path; dayLabel: string }) {
  const { draft, errors, update } = useEditor();
  const raw = getIn(draft, path);
  const intervals = Array.isArray(raw) ? (raw as Interval[]) : [];
  const dayErrors = errorsAt(errors, path);
  const locale = (draft as { locale?: unknown }).locale;
  const twelveHour = usesTwelveHourClock(typeof locale === 'string' ? locale : 'en-US');
  return (
    <div className="intervals">
      {intervals.length === 0 ? <span className="intervals-closed muted">Closed</span> : null}
      <ul className="interval-list">
        {intervals.map((interval, index) => {
          const itemPath = [...path, index];
          const label = intervals.length > 1 ? `${dayLabel}, hours ${index + 1}` : dayLabel;
          const messages = errorsUnder(errors, itemPath);
          const errorId = `${fieldId(itemPath)}-error`;
          return (
            <li key={index} className={messages.length ? 'interval field-invalid' : 'interval'}>
              <ClockInput
                id={fieldId([...itemPath, 0])}
                twelveHour={twelveHour}
                aria-label={`${label} from`}
                aria-invalid={messages.length ? true : undefined}
                aria-describedby={messages.length ? errorId : undefined}
                value={interval[0] ?? ''}
                onChange={(value) => update([...itemPath, 0], value)}
              />
              <span aria-hidden="true">–</span>
              <ClockInput
                id={fieldId([...itemPath, 1])}
                twelveHour={twelveHour}
                end
                aria-label={`${label} to`}
                aria-invalid={messages.length ? true : undefined}
                aria-describedby={messages.length ? errorId : undefined}
                value={interval[1] ?? ''}
                onChange={(value) => update([...itemPath, 1], value)}
              />
              <button type="button" className="button button-quiet button-icon" aria-label={`Remove ${label}`} onClick={() => update(path, removeAt(intervals, index))}>
                ×
              </button>
              {messages.length ? (
                <p id={errorId} className="field-error interval-error">
                  {messages.map((m) => `${label} ${clockErrorInWords(m, twelveHour)}`).join(' · ')}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      <button type="button" className="button button-quiet button-small" aria-label={`Add hours to ${dayLabel}`} onClick={() => update(path, [...intervals, nextInterval(intervals)])}>
        + Add hours
      </button>
      {dayErrors.length ? <p className="field-error">{dayErrors.map((m) => `${dayLabel} ${m}`).join(' · ')}</p> : null}
    </div>
  );
}

/** Monday to Sunday, each a list of open intervals; a gap between two intervals is a break. */
export function WeekHoursEditor({ path, owner }: { path: Path; owner?: string }) {
  const { errors } = useEditor();
  const weekErrors = errorsAt(errors, path);
  return (
    <div className="week-hours">
      {WEEKDAYS.map((day) => (
        <div key={day} className="week-hours-row">
          <span className="week-hours-day">{WEEKDAY_NAMES[day]}</span>
          <IntervalsEditor path={[...path, day]} dayLabel={owner ? `${owner} ${WEEKDAY_NAMES[day]}` : WEEKDAY_NAMES[day]} />
        </div>
      ))}
      {weekErrors.length ? <p className="field-error">{weekErrors.join(' · ')}</p> : null}
    </div>
  );
}
