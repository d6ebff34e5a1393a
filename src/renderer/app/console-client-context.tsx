import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { ConnectionState } from '../api/connection-state.js';
import type { ConsoleClient } from '../api/console-client.js';

const ConsoleClientContext = createContext<ConsoleClient | null>(null);

export function ConsoleClientProvider({ client, children }: { client: ConsoleClient; children: ReactNode }) {
  return <ConsoleClientContext.Provider value={client}>{children}</ConsoleClientContext.Provider>;
}

export function useConsoleClient(): ConsoleClient {
  const client = useContext(ConsoleClientContext);
  if (!client) throw new Error('useConsoleClient must be used inside <ConsoleClientProvider>.');
  return client;
}

export function useConnectionState(): ConnectionState {
  const client = useConsoleClient();
  return useSyncExternalStore(
    (onChange) => client.onStateChange(onChange),
    () => client.state,
  );
}
