import { useEffect, useState } from 'react';
import { useConsoleClient } from '../../app/console-client-context.js';

export interface TransferNumber {
  /** The practice's front-desk number in E.164, or null when it has none (or it is not known yet). */
  number: string | null;
  loading: boolean;
}

/** The number "Transfer to the desk" dials: the practice's configured transfer number. */
export function useTransferNumber(tenantId: string): TransferNumber {
  const client = useConsoleClient();
  const [state, setState] = useState<{ tenantId: string; number: string | null } | null>(null);
  useEffect(() => {
    let cancelled = false;
    client.call('tenants/get', { tenantId }).then(
      (config) => {
        if (!cancelled) setState({ tenantId, number: config.transferNumber ?? null });
      },
      () => {
        // Without it, staff can still type a number; the server falls back to the practice's own.
        if (!cancelled) setState({ tenantId, number: null });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, tenantId]);
  const current = state?.tenantId === tenantId ? state : null;
  return { number: current?.number ?? null, loading: current === null };
}
