import { useState } from 'react';
import { useStore } from 'zustand';
import { FormField } from '../../components/form-field.js';
import { InlineError } from '../../components/inline-error.js';
import { StatusPill } from '../../components/status-pill.js';
import { SecretField } from './secret-field.js';
import { attachmentFor } from './setup-checks.js';
import type { SetupStore } from './setup-store.js';

/** Step 2: the Twilio account (checked with Twilio before it is kept) and the number callers dial. */
export function PhoneStep({ store, tenantId, onNext }: { store: SetupStore; tenantId: string; onNext: () => void }) {
  const status = useStore(store, (s) => s.status)!;
  const numbers = useStore(store, (s) => s.numbers);
  const busy = useStore(store, (s) => s.busy);
  const errors = useStore(store, (s) => s.errors);
  const [accountSid, setAccountSid] = useState(status.twilio.accountSid ?? '');
  const [authToken, setAuthToken] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const attachment = attachmentFor(status, tenantId);

  const check = async () => {
    if (await store.getState().saveTwilio(accountSid.trim(), authToken || undefined)) setAuthToken('');
  };
  return (
    <>
      <p>
        In the <a href="https://console.twilio.com/" target="_blank" rel="noreferrer">Twilio console</a>, copy the Account SID and Auth Token from
        Account Info.
      </p>
      {status.twilio.pinnedByEnvironment ? <p className="muted">TWILIO_ACCOUNT_SID or TWILIO_AUTH_TOKEN is set on this appliance; it wins over what you save here.</p> : null}
      <form
        className="form-grid"
        onSubmit={(event) => {
          event.preventDefault();
          void check();
        }}
      >
        <FormField label="Account SID" hint="Starts with AC">
          {(c) => <input {...c} className="input mono" autoComplete="off" spellCheck={false} value={accountSid} onChange={(e) => setAccountSid(e.target.value)} />}
        </FormField>
        <SecretField label="Auth token" isSet={status.twilio.authTokenSet} value={authToken} onChange={setAuthToken} />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy.twilio || !accountSid.trim()}>
            {busy.twilio ? 'Checking with Twilio…' : 'Check with Twilio'}
          </button>
        </div>
        {errors.twilio ? <InlineError message={errors.twilio} /> : null}
      </form>

      {numbers ? (
        <fieldset className="setup-choices">
          <legend>Which number do callers dial?</legend>
          {numbers.length === 0 ? <p>This Twilio account has no numbers yet. Buy one in the Twilio console, then check again.</p> : null}
          {numbers.map((n) => (
            <div key={n.sid}>
              <label className="checkbox-label">
                <input
                  type="radio"
                  name="number"
                  value={n.phoneNumber}
                  checked={(picked ?? attachment?.phoneNumber) === n.phoneNumber}
                  disabled={n.attachedTo !== null && n.attachedTo !== tenantId}
                  onChange={() => setPicked(n.phoneNumber)}
                />
                <span className="mono">{n.phoneNumber}</span> {n.friendlyName !== n.phoneNumber ? <span className="muted">{n.friendlyName}</span> : null}
                {n.attachedTo ? <span className="muted"> · answers for {n.attachedTo}</span> : null}
              </label>
              {n.warning ? <p className="field-error">{n.warning}</p> : null}
            </div>
          ))}
          <div className="button-row">
            <button type="button" className="button button-primary" disabled={!picked || busy.attach} onClick={() => void store.getState().attach(tenantId, picked!)}>
              {busy.attach ? 'Pointing the number here…' : 'Answer this number'}
            </button>
          </div>
          {errors.attach ? <InlineError message={errors.attach} /> : null}
        </fieldset>
      ) : status.twilio.authTokenSet ? (
        <button type="button" className="button" onClick={() => void store.getState().loadNumbers()}>
          Show the account's numbers
        </button>
      ) : null}

      {attachment ? (
        <p className="setup-result">
          <StatusPill tone="ok">Attached</StatusPill> <span className="mono">{attachment.phoneNumber}</span> answers for this practice.{' '}
          {attachment.verifiedAt ? 'Its webhooks point here (read back from Twilio).' : (attachment.problem ?? '')}
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" className="button" disabled={!attachment} onClick={onNext}>
          Next: reachability
        </button>
      </div>
    </>
  );
}
