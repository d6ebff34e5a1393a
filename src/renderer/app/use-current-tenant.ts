import { useEffect, useState } from 'react';
import type { TenantSummary } from '../../shared/contract/index.js';
import { useConsoleClient, useConnectionState } from './console-client-context.js';
import { ALL_PRACTICES, useDeskStore } from './desk-store.js';

export interface CurrentTenant {
  tenants: TenantSummary[];
  /** The practice on screen: the one picked on this PC, else the first. Null until loaded or when there is none. */
  tenant: TenantSummary | null;
  loading: boolean;
  error: string | null;
  select(id: string): void;
  /** What the lists show: ALL_PRACTICES or one practice's id (always ALL_PRACTICES with a single practice). */
  listScope: string;
  selectListScope(scope: string): void;
}

/** The practices on this appliance and the one the console shows; follows `tenants/changed`. */
export function useCurrentTenant(): CurrentTenant {
  const client = useConsoleClient();
  const connection = useConnectionState();
  const { tenantId, setTenantId, listScope, setListScope } = useDeskStore();
  const [tenants, setTenants] = useState<TenantSummary[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const load = () =>
      client.call('tenants/list', {}).then(
        (list) => {
          if (cancelled) return;
          setTenants(list);
          setError(null);
          setLoading(false);
        },
        (e: unknown) => {
          if (cancelled) return;
          setError(e instanceof Error ? e.message : String(e));
          setLoading(false);
        },
      );
    if (connection === 'open') void load();
    const off = client.on('tenants/changed', () => void load());
    // Which practices this person may see can change while they are signed in.
    const offStaff = client.on('staff/changed', () => void load());
    return () => {
      cancelled = true;
      off();
      offStaff();
    };
  }, [client, connection]);

  const tenant = tenants.find((t) => t.id === tenantId) ?? tenants[0] ?? null;
  const scope = listScope !== ALL_PRACTICES && tenants.some((t) => t.id === listScope) ? listScope : ALL_PRACTICES;
  return { tenants, tenant, loading, error, select: setTenantId, listScope: scope, selectListScope: setListScope };
}
