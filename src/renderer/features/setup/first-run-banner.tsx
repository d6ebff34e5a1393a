import { useEffect, useState } from 'react';
import type { SetupStatus } from '../../../shared/contract/setup.js';
import { useConnectionState, useConsoleClient } from '../../app/console-client-context.js';
import { setupHref } from './setup-screen.js';

/** Until the wizard has been finished once, every screen offers it; it disappears for good after "Go live". */
export function FirstRunBanner({ onSetupScreen }: { onSetupScreen: boolean }) {
  const client = useConsoleClient();
  const connection = useConnectionState();
  const [status, setStatus] = useState<SetupStatus | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => void client.call('setup/get-status', {}).then((s) => live && setStatus(s), () => {});
    if (connection === 'open') load();
    const off = client.on('setup/changed', load);
    return () => {
      live = false;
      off();
    };
  }, [client, connection]);
  if (onSetupScreen || !status || status.completedAt !== null) return null;
  return (
    <aside className="first-run-banner" aria-label="First-run set-up">
      Frontdesk is not answering a phone number yet. <a href={setupHref()}>Set up the phone</a>
    </aside>
  );
}
