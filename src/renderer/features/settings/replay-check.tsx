import { useState } from 'react';
import type { ReplayReportDto } from '../../../shared/contract/llm.js';
import type { TenantConfig } from '../../../shared/contract/tenant.js';
import { describeError } from '../../api/command-error.js';
import { useConsoleClient } from '../../app/console-client-context.js';
import { InlineError } from '../../components/inline-error.js';
import { Panel } from '../../components/panel.js';
import { StatusPill } from '../../components/status-pill.js';

const LAST_CALLS = 50;

function describe(result: ReplayReportDto['calls'][number]['before']): string {
  const outcome = result.outcome ?? 'no outcome';
  return result.bookingStart ? `${outcome} ${result.bookingStart.replace('T', ' ')}` : outcome;
}

/**
 * "Test this change on the last 50 calls": replays them against the unsaved draft in a scratch
 * copy of the data (nothing is booked for real) and shows which calls would end differently.
 */
export function ReplayCheck({ tenantId, draft, valid }: { tenantId: string; draft: TenantConfig | null; valid: boolean }) {
  const client = useConsoleClient();
  const [report, setReport] = useState<ReplayReportDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const run = () => {
    setWorking(true);
    setError(null);
    client
      .call('calls/replay', { tenantId, config: draft, limit: LAST_CALLS })
      .then(setReport, (e: unknown) => setError(describeError(e)))
      .finally(() => setWorking(false));
  };
  return (
    <Panel title="Test before saving" className="replay-check">
      <p className="muted">Replays what callers said on the last {LAST_CALLS} calls against these settings, in a scratch copy: nothing is booked.</p>
      <button type="button" className="button" disabled={working || !valid || !draft} onClick={run}>
        {working ? 'Replaying…' : `Test this change on the last ${LAST_CALLS} calls`}
      </button>
      <div aria-live="polite">
        {error ? <InlineError message={error} /> : null}
        {report ? (
          <>
            <p className="replay-verdict">
              {report.calls.length === 0 ? (
                <StatusPill tone="neutral">No finished calls yet</StatusPill>
              ) : report.regressions === 0 ? (
                <StatusPill tone="ok">{`All ${report.calls.length} calls end the same`}</StatusPill>
              ) : (
                <StatusPill tone="bad">{`${report.regressions} of ${report.calls.length} calls change`}</StatusPill>
              )}
            </p>
            <table className="table replay-table" aria-label="Replayed calls">
              <thead>
                <tr>
                  <th scope="col">Call</th>
                  <th scope="col">Before</th>
                  <th scope="col">With this change</th>
                </tr>
              </thead>
              <tbody>
                {report.calls.map((c) => (
                  <tr key={c.id} className={c.sameOutcome && c.sameBookingTime && !c.error ? undefined : 'replay-changed'}>
                    <td>{c.label}</td>
                    <td>{describe(c.before)}</td>
                    <td>{c.error ? `error: ${c.error}` : describe(c.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
      </div>
    </Panel>
  );
}
