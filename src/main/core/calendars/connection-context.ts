import type { SecretVault } from '../kernel/index.js';
import type { AdapterContext, CalendarConnectionRecord } from './ports.js';

/** The vault entry holding one connection's password or OAuth tokens. */
export function credentialName(connection: Pick<CalendarConnectionRecord, 'tenantId' | 'id'>): string {
  return `calendar:${connection.tenantId}:${connection.id}`;
}

/** Builds what an adapter gets for one call: credentials read from the vault at use time, written back on rotation. */
export function adapterContext(vault: SecretVault | undefined, connection: CalendarConnectionRecord, zone: string, signal: AbortSignal): AdapterContext {
  const name = credentialName(connection);
  return {
    connection,
    zone,
    signal,
    credential: () => vault?.get(name) ?? null,
    saveCredential: (value) => vault?.set(name, value),
  };
}
