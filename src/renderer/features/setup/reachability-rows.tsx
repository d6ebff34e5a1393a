import type { Health } from '../../../shared/contract/dto.js';
import { StatusPill } from '../../components/status-pill.js';
import { formatDateTime } from '../overview/format.js';
import { setupHref } from './setup-screen.js';

/** Health rows for how Twilio reaches the appliance: tunnel, last webhook, each number's read-back, vendor keys. */
export function ReachabilityRows({ health }: { health: Health }) {
  const r = health.reachability;
  if (!r) return null;
  const tunnel = r.tunnel;
  return (
    <>
      <div className="health-row">
        <dt>Tunnel</dt>
        <dd>
          {tunnel.mode === 'none' ? (
            <>
              <StatusPill tone="warn">Not set up</StatusPill> <a href={setupHref('reachability')}>Set up reachability</a>
            </>
          ) : tunnel.state === 'up' ? (
            <StatusPill tone="ok">{tunnel.mode === 'ngrok' ? 'ngrok up' : 'Own URL'}</StatusPill>
          ) : (
            <StatusPill tone={tunnel.state === 'starting' ? 'info' : 'bad'}>{tunnel.state === 'starting' ? 'Starting' : 'Down'}</StatusPill>
          )}
          {tunnel.url ? <span className="mono detail">{tunnel.url}</span> : null}
          {tunnel.problem ? <span className="detail error-text">{tunnel.problem}</span> : null}
        </dd>
      </div>
      <div className="health-row">
        <dt>Last webhook</dt>
        <dd>{r.lastWebhookAt === null ? <span className="muted">None since the appliance started</span> : formatDateTime(r.lastWebhookAt)}</dd>
      </div>
      <div className="health-row">
        <dt>Phone numbers</dt>
        <dd>
          {r.numbers.length === 0 ? (
            <>
              <StatusPill tone="warn">None attached</StatusPill> <a href={setupHref('phone')}>Attach a number</a>
            </>
          ) : (
            r.numbers.map((n) => (
              <span key={n.tenantId} className="detail">
                {n.verified ? <StatusPill tone="ok">Points here</StatusPill> : <StatusPill tone="bad">Not verified</StatusPill>} <span className="mono">{n.phoneNumber}</span>{' '}
                {n.problem ? <span className="error-text">{n.problem}</span> : null}
              </span>
            ))
          )}
        </dd>
      </div>
      {health.vendors ? (
        <div className="health-row">
          <dt>Voice and AI keys</dt>
          <dd>
            Deepgram {health.vendors.deepgram === 'configured' ? 'configured' : 'not configured'} · OpenAI {health.vendors.openai === 'configured' ? 'configured' : 'not configured'}
            {health.secretsProtection === 'basic-text' ? (
              <span className="detail error-text"> Secrets are only obfuscated on this computer (no keyring): install gnome-keyring or KWallet.</span>
            ) : null}
          </dd>
        </div>
      ) : null}
    </>
  );
}
