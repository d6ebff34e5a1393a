import { useEffect, useState } from 'react';

/**
 * The appliance's current time (its clock can be pinned for demos), ticking once a minute-ish.
 * `offsetMs` is appliance clock minus browser clock from the last health report.
 */
export function useApplianceNow(offsetMs: number, tickMs = 15_000): number {
  const [browserNow, setBrowserNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setBrowserNow(Date.now()), tickMs);
    return () => clearInterval(timer);
  }, [tickMs]);
  return browserNow + offsetMs;
}
