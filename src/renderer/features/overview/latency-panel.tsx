import { useEffect, useState } from 'react';
import type { TenantSummary } from '../../../shared/contract/dto.js';
import type { LatencySummaryDto } from '../../../shared/contract/voice.js';
import { useConsoleClient } from '../../app/console-client-context.js';
import { Panel } from '../../components/panel.js';

/**
 * How fast the receptionist answers in stream mode today, per practice: from the caller's final
 * words to the first sound of the answer (p50 / p95), and from when they stopped speaking.
 */
export function LatencyPanel({ practices }: { practices: TenantSummary[] }) {
  const client = useConsoleClient();
  const [summaries, setSummaries] = useState<Record<string, LatencySummaryDto>>({});
  const ids = practices.map((p) => p.id).join(',');

  useEffect(() => {
    let alive = true;
    const load = () => {
      for (const id of ids.split(',').filter(Boolean)) {
        void client.call('calls/get-latency', { tenantId: id }).then(
          (summary) => alive && setSummaries((current) => ({ ...current, [id]: summary })),
          () => {},
        );
      }
    };
    load();
    // A call that ends adds its turns.
    const stop = client.subscribe((event) => {
      if (event.name === 'call/ended') load();
    });
    return () => {
      alive = false;
      stop();
    };
  }, [client, ids]);

  const measured = practices.filter((p) => (summaries[p.id]?.turns ?? 0) > 0);
  return (
    <Panel title="Answer speed today" className="latency-panel">
      {measured.length === 0 ? (
        <p className="muted small">No stream-mode turns today. Practices in stream mode show how fast the receptionist starts answering.</p>
      ) : (
        <dl className="health-list">
          {measured.map((practice) => {
            const s = summaries[practice.id]!;
            return (
              <div className="health-row" key={practice.id}>
                <dt>{practice.name}</dt>
                <dd>
                  <span className="detail inline">
                    First sound after the caller's words: p50 {ms(s.firstAudioP50Ms)} · p95 {ms(s.firstAudioP95Ms)}
                  </span>
                  <span className="detail muted">
                    From when they stopped speaking: p50 {ms(s.voiceToVoiceP50Ms)} · p95 {ms(s.voiceToVoiceP95Ms)} · {s.turns} turns
                  </span>
                </dd>
              </div>
            );
          })}
        </dl>
      )}
    </Panel>
  );
}

function ms(value: number | null): string {
  return value === null ? '–' : `${Math.round(value)} ms`;
}
