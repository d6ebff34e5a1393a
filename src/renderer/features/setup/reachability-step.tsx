import { useState } from 'react';
import { useStore } from 'zustand';
import type { TunnelStatusDto } from '../../../shared/contract/setup.js';
import { FormField } from '../../components/form-field.js';
import { InlineError } from '../../components/inline-error.js';
import { StatusPill } from '../../components/status-pill.js';
import { SecretField } from './secret-field.js';
import { attachmentFor } from './setup-checks.js';
import type { SetupStore } from './setup-store.js';

/** Step 3: how Twilio reaches this PC (ngrok, or the practice's own URL), proven by a self-test and the number's read-back. */
export function ReachabilityStep({ store, tenantId, onNext }: { store: SetupStore; tenantId: string; onNext: () => void }) {
  const status = useStore(store, (s) => s.status)!;
  const busy = useStore(store, (s) => s.busy);
  const errors = useStore(store, (s) => s.errors);
  const [mode, setMode] = useState<'ngrok' | 'url'>(status.tunnel.mode === 'url' ? 'url' : 'ngrok');
  const [authtoken, setAuthtoken] = useState('');
  const [domain, setDomain] = useState(status.tunnel.ngrokDomain ?? '');
  const [url, setUrl] = useState(status.tunnel.ownUrl ?? '');
  const tunnel = status.tunnel.status;
  const attachment = attachmentFor(status, tenantId);

  const connect = async () => {
    const input =
      mode === 'ngrok' ? { mode, domain: domain.trim() || null, ...(authtoken ? { authtoken } : {}) } : { mode, url: url.trim() };
    if (await store.getState().configureTunnel(input)) setAuthtoken('');
  };
  return (
    <>
      {status.tunnel.pinnedByEnvironment ? (
        <p className="muted">FRONTDESK_PUBLIC_URL or FRONTDESK_TUNNEL decides how Twilio reaches this appliance; change it there.</p>
      ) : (
        <form
          className="form-grid"
          onSubmit={(event) => {
            event.preventDefault();
            void connect();
          }}
        >
          <fieldset className="setup-choices">
            <legend>How does Twilio reach this computer?</legend>
            <label className="checkbox-label">
              <input type="radio" name="reach" checked={mode === 'ngrok'} onChange={() => setMode('ngrok')} /> ngrok (a secure tunnel; free account at ngrok.com)
            </label>
            <label className="checkbox-label">
              <input type="radio" name="reach" checked={mode === 'url'} onChange={() => setMode('url')} /> My own public URL (a reverse proxy or Cloudflare tunnel)
            </label>
          </fieldset>
          {mode === 'ngrok' ? (
            <>
              <SecretField label="ngrok authtoken" isSet={status.tunnel.ngrokAuthtokenSet} hint="dashboard.ngrok.com → Your Authtoken" value={authtoken} onChange={setAuthtoken} />
              <FormField label="Static domain (optional)" hint="e.g. bright-smiles.ngrok-free.app; without one the URL changes at each start and the number follows">
                {(c) => <input {...c} className="input mono" value={domain} onChange={(e) => setDomain(e.target.value)} />}
              </FormField>
            </>
          ) : (
            <FormField label="Public URL" hint="https address that forwards to this computer's webhook port">
              {(c) => <input {...c} className="input mono" type="url" value={url} onChange={(e) => setUrl(e.target.value)} />}
            </FormField>
          )}
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={busy.tunnel}>
              {busy.tunnel ? 'Connecting…' : 'Connect'}
            </button>
          </div>
          {errors.tunnel ? <InlineError message={errors.tunnel} /> : null}
        </form>
      )}

      <dl className="health-list setup-checklist">
        <div className="health-row">
          <dt>Public URL</dt>
          <dd>
            <TunnelPill tunnel={tunnel} /> {tunnel.url ? <span className="mono detail">{tunnel.url}</span> : null}
          </dd>
        </div>
        <div className="health-row">
          <dt>Self-test</dt>
          <dd>
            {tunnel.selfTest === 'passed' ? <StatusPill tone="ok">Reaches this appliance</StatusPill> : tunnel.selfTest === 'failed' ? <StatusPill tone="bad">Failed</StatusPill> : <StatusPill tone="neutral">Not run</StatusPill>}{' '}
            <button type="button" className="button button-quiet button-small" disabled={!tunnel.url || busy.selfTest} onClick={() => void store.getState().selfTest()}>
              {busy.selfTest ? 'Testing…' : 'Test again'}
            </button>
          </dd>
        </div>
        <div className="health-row">
          <dt>Number's webhooks</dt>
          <dd>
            {attachment?.verifiedAt ? <StatusPill tone="ok">Point here (read back)</StatusPill> : <StatusPill tone="warn">Not yet</StatusPill>}
            {attachment?.problem ? <span className="detail muted"> {attachment.problem}</span> : null}
          </dd>
        </div>
      </dl>
      {tunnel.problem ? <InlineError message={tunnel.problem} /> : null}
      <div className="button-row">
        <button type="button" className="button" disabled={!(tunnel.state === 'up' && tunnel.selfTest === 'passed' && attachment?.verifiedAt)} onClick={onNext}>
          Next: test call
        </button>
      </div>
    </>
  );
}

function TunnelPill({ tunnel }: { tunnel: TunnelStatusDto }) {
  if (tunnel.state === 'up') return <StatusPill tone="ok">Up</StatusPill>;
  if (tunnel.state === 'starting') return <StatusPill tone="info">Starting</StatusPill>;
  if (tunnel.state === 'down') return <StatusPill tone="bad">Down</StatusPill>;
  return <StatusPill tone="neutral">Off</StatusPill>;
}
