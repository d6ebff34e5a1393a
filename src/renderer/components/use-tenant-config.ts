import { useCallback, useEffect, useState } from 'react';
import type { TenantConfig } from '../../shared/contract/tenant.js';
import { describeError } from '../api/command-error.js';
import { useConnectionState, useConsoleClient } from '../app/console-client-context.js';

export interface TenantConfigState {
  config: TenantConfig | null;
  loading: boolean;
  error: string | null;
  reload(): void;
}

/**
 * One practice's saved configuration (services, providers, hours) for pickers and the schedule;
 * follows `tenants/changed` and reloads after a reconnect, when events may have been missed.
 */
export function useTenantConfig(tenantId: string | null): TenantConfigState {
  const client = useConsoleClient();
  const connection = useConnectionState();
  const [state, setState] = useState<{ config: TenantConfig | null; loading: boolean; error: string | null; forId: string | null }>({
    config: null,
    loading: true,
    error: null,
    forId: null,
  });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!tenantId || connection !== 'open') return;
    let cancelled = false;
    const load = () =>
      client.call('tenants/get', { tenantId }).then(
        (config) => {
          if (!cancelled) setState({ config, loading: false, error: null, forId: tenantId });
        },
        (error: unknown) => {
          if (!cancelled) setState((s) => ({ ...s, loading: false, error: describeError(error), forId: tenantId }));
        },
      );
    void load();
    const off = client.on('tenants/changed', ({ tenantIds }) => {
      if (tenantIds.includes(tenantId)) void load();
    });
    return () => {
      cancelled = true;
      off();
    };
  }, [client, connection, tenantId, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  // A different practice was picked: never show the previous one's services while loading.
  const current = state.forId === tenantId;
  return {
    config: current ? state.config : null,
    loading: !current || state.loading,
    error: current ? state.error : null,
    reload,
  };
}
