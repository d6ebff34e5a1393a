import { ContractError, type CalendarConnectionDto } from '../../../shared/contract/index.js';
import { formatInstant } from '../../../shared/lib/time.js';
import type { Clock, IdGenerator, SecretVault } from '../kernel/index.js';
import type { TenantService } from '../tenants/index.js';
import type { AdapterRegistry } from './calendar-outbox.js';
import { credentialName } from './connection-context.js';
import type { ConnectionHealth } from './connection-health.js';
import type { CalendarConnectionRecord, CalendarKind, CalendarRepository } from './ports.js';

export interface ConnectRequest {
  tenantId: string;
  providerId: string;
  kind: CalendarKind;
  address: string;
  username?: string | null | undefined;
  /** A CalDAV password or the OAuth tokens (JSON); goes to the vault, never to SQLite. */
  secret?: string | null | undefined;
  label?: string | undefined;
  countsAsBusy?: boolean | undefined;
  receivesBookings?: boolean | undefined;
}

const KIND_NAMES: Record<CalendarKind, string> = { google: 'Google Calendar', outlook: 'Outlook', caldav: 'CalDAV calendar', ics: 'ICS feed' };

/** Connecting, changing and disconnecting each provider's calendars; credentials go through the vault. */
export class CalendarConnections {
  constructor(
    private readonly deps: {
      calendars: CalendarRepository;
      adapters: AdapterRegistry;
      tenants: TenantService;
      health: ConnectionHealth;
      vault?: SecretVault | undefined;
      clock: Clock;
      ids: IdGenerator;
    },
  ) {}

  connect(request: ConnectRequest): CalendarConnectionRecord {
    const tenant = this.deps.tenants.get(request.tenantId).config;
    const provider = tenant.providers.find((p) => p.id === request.providerId);
    if (!provider) throw new ContractError('not_found', `${tenant.name} has no provider "${request.providerId}".`);
    const adapter = this.deps.adapters[request.kind];
    if (!adapter) throw new ContractError('invalid_input', `${KIND_NAMES[request.kind]} connections are not available in this build.`);
    if (request.kind === 'caldav' || request.kind === 'ics') checkUrl(request.address, KIND_NAMES[request.kind]);
    if (request.secret && !this.deps.vault) throw new ContractError('invalid_input', 'There is no secret vault to keep this calendar\'s password in.');
    const existing = this.deps.calendars.listConnections(request.tenantId).filter((c) => c.providerId === provider.id);
    if (existing.some((c) => c.kind === request.kind && c.address === request.address)) {
      throw new ContractError('conflict', `${provider.name} is already connected to that ${KIND_NAMES[request.kind]}.`);
    }
    const now = this.deps.clock.now();
    const record: CalendarConnectionRecord = {
      tenantId: request.tenantId,
      id: this.deps.ids.next(),
      providerId: provider.id,
      kind: request.kind,
      label: request.label?.trim() || `${provider.name}'s ${KIND_NAMES[request.kind]}`,
      address: request.address,
      username: request.username ?? null,
      countsAsBusy: request.countsAsBusy ?? true,
      // The first calendar that can take bookings gets them unless told otherwise; one is enough.
      receivesBookings: adapter.writable && (request.receivesBookings ?? !existing.some((c) => c.receivesBookings)),
      status: 'ok',
      lastSyncAt: null,
      lastError: null,
      cursor: null,
      failures: 0,
      nextSyncAt: now,
      alertedAt: null,
      createdAt: now,
    };
    if (request.secret) this.deps.vault?.set(credentialName(record), request.secret);
    this.deps.calendars.insertConnection(record);
    this.deps.health.changed(record.tenantId);
    return record;
  }

  /** Replaces the stored credential (a new password or a fresh sign-in) and clears the alert. */
  reconnect(tenantId: string, connectionId: string, secret: string): CalendarConnectionRecord {
    const connection = this.get(tenantId, connectionId);
    if (!this.deps.vault) throw new ContractError('invalid_input', 'There is no secret vault to keep this calendar\'s password in.');
    this.deps.vault.set(credentialName(connection), secret);
    this.deps.calendars.updateConnection(tenantId, connectionId, { status: 'ok', lastError: null, failures: 0, alertedAt: null, nextSyncAt: this.deps.clock.now() });
    this.deps.health.changed(tenantId);
    return this.get(tenantId, connectionId);
  }

  update(tenantId: string, connectionId: string, change: { countsAsBusy?: boolean | undefined; receivesBookings?: boolean | undefined; label?: string | undefined }): CalendarConnectionRecord {
    const connection = this.get(tenantId, connectionId);
    if (change.receivesBookings && !this.deps.adapters[connection.kind]?.writable) {
      throw new ContractError('invalid_input', `${KIND_NAMES[connection.kind]}s are read-only: bookings cannot be written there.`);
    }
    this.deps.calendars.updateConnection(tenantId, connectionId, {
      ...(change.countsAsBusy !== undefined ? { countsAsBusy: change.countsAsBusy } : {}),
      ...(change.receivesBookings !== undefined ? { receivesBookings: change.receivesBookings } : {}),
      ...(change.label?.trim() ? { label: change.label.trim() } : {}),
    });
    this.deps.health.changed(tenantId);
    return this.get(tenantId, connectionId);
  }

  /** Forgets the calendar, its busy time, its queued changes and its credential. Events already written stay. */
  disconnect(tenantId: string, connectionId: string): void {
    const connection = this.get(tenantId, connectionId);
    this.deps.calendars.deleteConnection(tenantId, connectionId);
    this.deps.vault?.delete(credentialName(connection));
    this.deps.health.changed(tenantId);
  }

  get(tenantId: string, connectionId: string): CalendarConnectionRecord {
    this.deps.tenants.get(tenantId);
    const connection = this.deps.calendars.getConnection(tenantId, connectionId);
    if (!connection) throw new ContractError('not_found', `There is no calendar connection "${connectionId}".`);
    return connection;
  }

  list(tenantId: string): CalendarConnectionDto[] {
    const tenant = this.deps.tenants.get(tenantId).config;
    return this.deps.calendars.listConnections(tenantId).map((c) => ({
      id: c.id,
      tenantId: c.tenantId,
      providerId: c.providerId,
      providerName: tenant.providers.find((p) => p.id === c.providerId)?.name ?? c.providerId,
      kind: c.kind,
      label: c.label,
      address: c.kind === 'google' || c.kind === 'outlook' ? c.address : redactUrl(c.address),
      username: c.username,
      countsAsBusy: c.countsAsBusy,
      receivesBookings: c.receivesBookings,
      status: c.status,
      lastSyncAt: c.lastSyncAt === null ? null : formatInstant(c.lastSyncAt, tenant.timezone),
      lastError: c.lastError,
    }));
  }
}

function checkUrl(address: string, what: string): void {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new ContractError('invalid_input', `"${address}" is not a web address for the ${what}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ContractError('invalid_input', `The ${what} address must start with https://.`);
}

/** Feed URLs often carry a private token in their path or query; show only where it points. */
function redactUrl(address: string): string {
  try {
    const url = new URL(address);
    return url.search ? `${url.origin}${url.pathname}?…` : `${url.origin}${url.pathname}`;
  } catch {
    return address;
  }
}
