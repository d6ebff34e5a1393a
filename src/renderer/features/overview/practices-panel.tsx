import type { TenantSummary } from '../../../shared/contract/dto.js';
import { EmptyState } from '../../components/empty-state.js';
import { InlineError } from '../../components/inline-error.js';
import { Panel } from '../../components/panel.js';
import { formatPhoneNumber, formatWeekdayTime, pluralize, timeZoneLongName } from './format.js';
import type { Loadable } from './overview-store.js';

export function PracticesPanel({
  practices,
  now,
  onRetry,
}: {
  practices: Loadable<TenantSummary[]>;
  /** The appliance's current time, for each practice's local clock. */
  now: number;
  onRetry: () => void;
}) {
  const count = practices.data.length;
  return (
    <Panel title="Practices" className="practices-panel" actions={practices.status === 'ready' ? <span className="count">{count}</span> : null}>
      {practices.status === 'loading' ? (
        <p className="loading">Loading practices…</p>
      ) : practices.status === 'error' ? (
        <InlineError message={`Couldn't load the practices: ${practices.error ?? 'unknown error'}`} onRetry={onRetry} />
      ) : count === 0 ? (
        <EmptyState title="No practices yet">Import a practice file with the frontdesk command line to start answering calls.</EmptyState>
      ) : (
        <>
          {practices.error ? <p className="stale-note">Couldn't refresh just now; showing the last known list.</p> : null}
          <ul className="practice-list" aria-label="Practices">
            {practices.data.map((practice) => (
              <PracticeItem key={practice.id} practice={practice} now={now} />
            ))}
          </ul>
        </>
      )}
    </Panel>
  );
}

function PracticeItem({ practice, now }: { practice: TenantSummary; now: number }) {
  const headingId = `practice-${practice.id}`;
  const zoneName = timeZoneLongName(now, practice.timezone);
  return (
    <li className="practice" aria-labelledby={headingId}>
      <div className="practice-head">
        <h3 id={headingId} className="practice-name">
          {practice.name}
        </h3>
        <span className="practice-clock" title={zoneName ?? undefined}>
          <span className="muted">Local time </span>
          {formatWeekdayTime(now, practice.timezone)}
        </span>
      </div>
      <dl className="facts">
        <div className="fact">
          <dt>Time zone</dt>
          <dd>
            {zoneName ? (
              <>
                {zoneName} <span className="muted">· {practice.timezone}</span>
              </>
            ) : (
              practice.timezone
            )}
          </dd>
        </div>
        <div className="fact">
          <dt>{practice.phoneNumbers.length === 1 ? 'Number' : 'Numbers'}</dt>
          <dd>
            {practice.phoneNumbers.length === 0 ? (
              <span className="muted">No number yet</span>
            ) : (
              <ul className="inline-list">
                {practice.phoneNumbers.map((number) => (
                  <li key={number}>
                    <span className="phone">{formatPhoneNumber(number)}</span>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className="fact">
          <dt>Team</dt>
          <dd>
            {pluralize(practice.providerCount, 'provider')} · {pluralize(practice.serviceCount, 'service')}
          </dd>
        </div>
      </dl>
    </li>
  );
}
