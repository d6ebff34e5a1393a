import type { ReactNode } from 'react';
import type { Health } from '../../../shared/contract/dto.js';
import { InlineError } from '../../components/inline-error.js';
import { Panel } from '../../components/panel.js';
import { StatusPill } from '../../components/status-pill.js';
import { ReachabilityRows } from '../setup/reachability-rows.js';
import { formatDateTime } from './format.js';
import type { Loadable } from './overview-store.js';

export function HealthPanel({ health, onRetry }: { health: Loadable<Health | null>; onRetry: () => void }) {
  const data = health.data;
  return (
    <Panel title="Appliance health" className="health-panel" actions={data ? <OverallPill health={data} /> : null}>
      {health.status === 'loading' ? (
        <p className="loading">Checking the appliance…</p>
      ) : !data ? (
        <InlineError message={`Couldn't check the appliance: ${health.error ?? 'unknown error'}`} onRetry={onRetry} />
      ) : (
        <>
          {health.error ? <p className="stale-note">Couldn't refresh just now; showing the last report.</p> : null}
          <dl className="health-list">
            <HealthRow label="Webhook listener">
              {data.webhooks.listening ? <StatusPill tone="ok">Up</StatusPill> : <StatusPill tone="bad">Down</StatusPill>}
              {data.webhooks.localUrl ? <span className="mono detail">{data.webhooks.localUrl}</span> : null}
            </HealthRow>
            <HealthRow label="Public URL">
              {data.webhooks.publicUrl ? (
                <span className="mono detail">{data.webhooks.publicUrl}</span>
              ) : (
                <>
                  <StatusPill tone="warn">Not set</StatusPill>
                  <span className="detail muted">Twilio can only reach this appliance through a public URL.</span>
                </>
              )}
            </HealthRow>
            <HealthRow label="Twilio signatures">
              {data.webhooks.signaturesVerified ? (
                <StatusPill tone="ok">Verified</StatusPill>
              ) : (
                <>
                  <StatusPill tone="warn">Calls refused</StatusPill>
                  <span className="detail muted">No Twilio auth token is set, so no webhook can be verified and every call is refused. Set TWILIO_AUTH_TOKEN.</span>
                </>
              )}
            </HealthRow>
            <ReachabilityRows health={data} />
            {data.voice ? <VoiceRow voice={data.voice} /> : null}
            <HealthRow label="Storage">
              {data.storage.ok ? <StatusPill tone="ok">OK</StatusPill> : <StatusPill tone="bad">Error</StatusPill>}
              <span className="detail inline">Schema version {data.storage.schemaVersion}</span>
              {data.storage.error ? <span className="detail error-text">{data.storage.error}</span> : null}
              <span className="mono detail path" title={data.storage.path}>
                {data.storage.path}
              </span>
            </HealthRow>
            {data.llm ? <LlmHealthRow llm={data.llm} /> : null}
          </dl>
          <p className="panel-footnote">
            Frontdesk {data.version} · running since {formatDateTime(data.startedAt)}
          </p>
        </>
      )}
    </Panel>
  );
}

/** Deepgram for stream mode: not set up, answering, or down (calls use gather mode until it answers). */
function VoiceRow({ voice }: { voice: NonNullable<Health['voice']> }) {
  return (
    <HealthRow label="Real-time voice">
      {voice.deepgram === 'available' ? (
        <>
          <StatusPill tone="ok">Deepgram available</StatusPill>
          <span className="detail inline">{voice.streamCalls === 1 ? '1 call streaming' : `${voice.streamCalls} calls streaming`}</span>
        </>
      ) : voice.deepgram === 'unavailable' ? (
        <>
          <StatusPill tone="warn">Deepgram unavailable</StatusPill>
          <span className="detail muted">
            Calls use gather mode{voice.retryAt ? ` until ${formatDateTime(voice.retryAt)}, then the next call tries Deepgram again` : ''}.
            {voice.lastError ? ` Last error: ${voice.lastError}` : ''}
          </span>
        </>
      ) : (
        <>
          <StatusPill tone="neutral">Not configured</StatusPill>
          <span className="detail muted">Set DEEPGRAM_API_KEY to offer stream mode; until then every call uses gather mode.</span>
        </>
      )}
    </HealthRow>
  );
}

/** The LLM receptionist's endpoint: configured or not, and whether its circuit keeps calls on the rules receptionist. */
function LlmHealthRow({ llm }: { llm: NonNullable<Health['llm']> }) {
  return (
    <HealthRow label="LLM receptionist">
      {!llm.configured ? (
        <StatusPill tone="neutral">Not configured</StatusPill>
      ) : llm.circuit === 'open' ? (
        <StatusPill tone="warn">Failing: calls use the rules receptionist</StatusPill>
      ) : llm.circuit === 'half_open' ? (
        <StatusPill tone="info">Retrying</StatusPill>
      ) : (
        <StatusPill tone="ok">Ready</StatusPill>
      )}
      <span className="mono detail">
        {llm.model} · {llm.baseUrl}
      </span>
      {llm.circuit === 'open' && llm.openUntil ? <span className="detail muted">New calls try the model again after {formatDateTime(llm.openUntil)}.</span> : null}
      {llm.lastFailure && llm.circuit !== 'closed' ? <span className="detail error-text">{llm.lastFailure.message}</span> : null}
    </HealthRow>
  );
}

function HealthRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="health-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function OverallPill({ health }: { health: Health }) {
  if (!health.webhooks.listening || !health.storage.ok) return <StatusPill tone="bad">Needs attention</StatusPill>;
  if (!health.webhooks.publicUrl || !health.webhooks.signaturesVerified) return <StatusPill tone="warn">Setup incomplete</StatusPill>;
  return <StatusPill tone="ok">All good</StatusPill>;
}
