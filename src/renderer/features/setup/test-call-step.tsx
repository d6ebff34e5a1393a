import { useEffect } from 'react';
import { useStore } from 'zustand';
import { StatusPill } from '../../components/status-pill.js';
import { callHref } from '../calls/use-hash-sub-path.js';
import { attachmentFor } from './setup-checks.js';
import type { SetupStore } from './setup-store.js';

/** Step 4: the owner calls the number; the call appearing here live proves the whole path. */
export function TestCallStep({ store, tenantId, onNext }: { store: SetupStore; tenantId: string; onNext: () => void }) {
  const status = useStore(store, (s) => s.status)!;
  const testCall = useStore(store, (s) => s.testCall);
  const attachment = attachmentFor(status, tenantId);
  useEffect(() => store.getState().watchForCall(tenantId), [store, tenantId]);

  if (!attachment) return <p>Attach a number in the Phone step first.</p>;
  return (
    <>
      {testCall ? (
        <div className="setup-result" role="status">
          <StatusPill tone="ok">Call received</StatusPill> A call from <span className="mono">{testCall.from ?? 'a hidden number'}</span> reached the receptionist.{' '}
          <a href={callHref(testCall.id)}>Watch it live</a>
        </div>
      ) : (
        <div className="setup-waiting" role="status">
          <p className="setup-big">
            Call <span className="mono">{attachment.phoneNumber}</span> now from any phone.
          </p>
          <p className="muted">Waiting for your call… it appears here as soon as Twilio rings this appliance.</p>
        </div>
      )}
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={!testCall} onClick={onNext}>
          Next: go live
        </button>
      </div>
    </>
  );
}
