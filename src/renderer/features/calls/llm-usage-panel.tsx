import { useEffect, useState } from 'react';
import type { LlmUsageDayDto } from '../../../shared/contract/llm.js';
import { describeError } from '../../api/command-error.js';
import { useConsoleClient } from '../../app/console-client-context.js';
import { InlineError } from '../../components/inline-error.js';
import { Panel } from '../../components/panel.js';

/** LLM tokens per day and model over the last 30 days, for the practice on screen. */
export function LlmUsagePanel({ tenantId }: { tenantId: string | null }) {
  const client = useConsoleClient();
  const [days, setDays] = useState<LlmUsageDayDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!tenantId) return;
    let live = true;
    client.call('calls/llm-usage', { tenantId, days: 30 }).then(
      (rows) => live && setDays(rows),
      (e: unknown) => live && setError(describeError(e)),
    );
    return () => {
      live = false;
    };
  }, [client, tenantId]);
  if (!tenantId || (days && days.length === 0 && !error)) return null;
  return (
    <Panel title="LLM usage" className="llm-usage-panel">
      {error ? <InlineError message={`Couldn't load the usage: ${error}`} /> : null}
      {days ? (
        <table className="table" aria-label="LLM tokens per day">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Model</th>
              <th scope="col">Calls</th>
              <th scope="col">Tokens in</th>
              <th scope="col">Tokens out</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={`${d.date}-${d.model}`}>
                <td>{d.date}</td>
                <td className="mono">{d.model}</td>
                <td>{d.calls}</td>
                <td>{d.promptTokens.toLocaleString('en-US')}</td>
                <td>{d.completionTokens.toLocaleString('en-US')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Panel>
  );
}
