import { useEffect, useState } from 'react';

/**
 * This browser's clock, re-read every `tickMs` while `active`; add the appliance's clock offset to
 * get the appliance's time. Inactive, it stops ticking (nothing on screen is counting).
 */
export function useNow(tickMs = 1_000, active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), tickMs);
    return () => clearInterval(timer);
  }, [tickMs, active]);
  return now;
}
