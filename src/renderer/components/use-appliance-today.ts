import { useEffect, useState } from 'react';
import { useConnectionState, useConsoleClient } from '../app/console-client-context.js';
import { todayIn } from './wall-clock.js';

/**
 * The appliance's current time (its clock can be pinned for demos and tests), as an offset from
 * this browser's clock learned from `health/get` and `health/changed`. Ticks every `tickMs`;
 * null until the first answer.
 */
export function useApplianceNow(tickMs = 30_000): number | null {
  const client = useConsoleClient();
  const connection = useConnectionState();
  // Null until the appliance has told us its time: a pinned clock may be far from this PC's.
  const [offsetMs, setOffsetMs] = useState<number | null>(null);
  const [browserNow, setBrowserNow] = useState(() => Date.now());

  useEffect(() => {
    if (connection !== 'open') return;
    let cancelled = false;
    client.call('health/get', {}).then(
      (health) => {
        if (!cancelled) setOffsetMs(health.now - Date.now());
      },
      // Without the appliance's clock the browser's is the best guess; nothing to tell staff.
      () => {
        if (!cancelled) setOffsetMs((known) => known ?? 0);
      },
    );
    const off = client.on('health/changed', (health) => setOffsetMs(health.now - Date.now()));
    return () => {
      cancelled = true;
      off();
    };
  }, [client, connection]);

  useEffect(() => {
    const timer = setInterval(() => setBrowserNow(Date.now()), tickMs);
    return () => clearInterval(timer);
  }, [tickMs]);

  return offsetMs === null ? null : browserNow + offsetMs;
}

/** Today's date in the practice's zone on the appliance's clock. */
export function useApplianceToday(timezone: string | null): string | null {
  const now = useApplianceNow();
  return timezone && now !== null ? todayIn(timezone, now) : null;
}
