import { useEffect, useState } from 'react';
import { useConnectionState } from '../app/console-client-context.js';

/** How long the first connection may take before we say so; a local appliance normally answers at once. */
const SLOW_CONNECT_MS = 3_000;

/**
 * Tells staff, without alarm, that what they see may be out of date. The live region is always
 * in the page so screen readers announce the message when it appears.
 */
export function ConnectionBanner() {
  const state = useConnectionState();
  const slowFirstConnect = useDelayedFlag(state === 'connecting', SLOW_CONNECT_MS);

  let message: { title: string; text: string } | null = null;
  if (state === 'reconnecting') {
    message = {
      title: 'Reconnecting…',
      text: 'The console lost its connection to the Frontdesk appliance. What you see may be out of date until it is back.',
    };
  } else if (state === 'connecting' && slowFirstConnect) {
    message = { title: 'Connecting…', text: 'Still trying to reach the Frontdesk appliance.' };
  } else if (state === 'closed') {
    message = { title: 'Disconnected', text: 'This console is no longer connected. Reload the page to reconnect.' };
  }

  return (
    <div className="connection-banner-slot" role="status" aria-live="polite">
      {message ? (
        <div className="connection-banner" data-state={state}>
          <span className="connection-banner-spinner" aria-hidden="true" />
          <strong className="connection-banner-title">{message.title}</strong>
          <span className="connection-banner-text">{message.text}</span>
        </div>
      ) : null}
    </div>
  );
}

function useDelayedFlag(active: boolean, delayMs: number): boolean {
  const [elapsed, setElapsed] = useState(false);
  useEffect(() => {
    setElapsed(false);
    if (!active) return;
    const timer = setTimeout(() => setElapsed(true), delayMs);
    return () => clearTimeout(timer);
  }, [active, delayMs]);
  return active && elapsed;
}
