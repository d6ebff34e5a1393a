import { DateTime } from 'luxon';
import { formatInstant } from '../../shared/lib/time.js';
import type { CalendarConnections, CalendarRepository, CalendarSync } from '../core/calendars/index.js';
import type { Logger } from '../core/kernel/index.js';
import type { BookingService, CustomerService } from '../core/scheduling/index.js';
import type { TenantService } from '../core/tenants/index.js';
import type { CommandHandlers } from './dispatch.js';

export interface CalendarHandlerDeps {
  tenants: TenantService;
  calendarConnections: CalendarConnections;
  calendarSync: CalendarSync;
  calendarStore: CalendarRepository;
  bookings: BookingService;
  customers: CustomerService;
  /** Starts Google's or Microsoft's loopback sign-in; resolves with the link to open and the account to come. */
  startSignIn: (kind: SignInKind) => Promise<{ url: string; finished: Promise<SignedInAccount> }>;
  /** The desktop app opens the sign-in in the system browser; headless there is none and the console shows the link. */
  openBrowser?: (url: string) => Promise<boolean>;
  logger: Logger;
}

export type SignInKind = 'google' | 'outlook';

/** What a finished browser sign-in yields: the credential for the vault and the account's calendars, the default first. */
export interface SignedInAccount {
  secret: string;
  username: string | null;
  calendars: { address: string; name: string; isDefault: boolean }[];
}

type CalendarCommand = 'calendars/list-deliveries' | 'calendars/list' | 'calendars/connect' | 'calendars/start-sign-in' | 'calendars/update' | 'calendars/disconnect' | 'calendars/sync' | 'calendars/busy-blocks';

/**
 * Every calendar of a freshly signed-in account becomes a connection of the provider (all count as
 * busy; the default one gets the bookings when the provider has no other); a calendar connected
 * before takes the new sign-in instead (that is how "reconnect" works).
 */
function connectAccount(connections: CalendarConnections, who: { tenantId: string; providerId: string; kind: SignInKind; label?: string | undefined }, account: SignedInAccount) {
  const existing = connections.list(who.tenantId).filter((c) => c.providerId === who.providerId && c.kind === who.kind);
  return account.calendars.map((calendar) => {
    const known = existing.find((c) => c.address === calendar.address);
    if (known) return connections.reconnect(who.tenantId, known.id, account.secret);
    const label = calendar.isDefault ? who.label : `${calendar.name}${who.label ? ` (${who.label})` : ''}`;
    return connections.connect({ tenantId: who.tenantId, providerId: who.providerId, kind: who.kind, address: calendar.address, username: account.username, label, secret: account.secret, ...(calendar.isDefault ? {} : { receivesBookings: false }) });
  });
}

export function createCalendarHandlers(deps: CalendarHandlerDeps): Pick<CommandHandlers, CalendarCommand> {
  const { tenants, calendarConnections: connections, calendarSync: sync, calendarStore } = deps;
  const dto = (tenantId: string, connectionId: string) => {
    const found = connections.list(tenantId).find((c) => c.id === connectionId);
    if (!found) throw new Error(`calendar connection ${connectionId} vanished`);
    return found;
  };
  return {
    'calendars/list': ({ tenantId }) => connections.list(tenantId),
    'calendars/connect': async (input) => {
      const record = connections.connect({
        tenantId: input.tenantId,
        providerId: input.providerId,
        kind: input.kind,
        address: input.address,
        label: input.label,
        countsAsBusy: input.countsAsBusy,
        ...(input.kind === 'caldav' ? { username: input.username, secret: JSON.stringify({ password: input.password }) } : {}),
      });
      // The first sync tells the owner at once whether the address and password work.
      await sync.syncConnection(record);
      return dto(record.tenantId, record.id);
    },
    'calendars/start-sign-in': async ({ tenantId, providerId, kind, label }) => {
      tenants.get(tenantId);
      const pending = await deps.startSignIn(kind);
      // The sign-in finishes in the browser, later: the connections appear then (calendars/changed).
      void pending.finished
        .then(async (account) => {
          for (const record of connectAccount(connections, { tenantId, providerId, kind, label }, account)) await sync.syncConnection(record);
        })
        .catch((error: unknown) => deps.logger.warn({ tenantId, providerId, kind, err: error instanceof Error ? error.message : String(error) }, 'calendar sign-in did not finish'));
      const openedInBrowser = deps.openBrowser ? await deps.openBrowser(pending.url).catch(() => false) : false;
      return { url: pending.url, openedInBrowser };
    },
    'calendars/update': ({ tenantId, connectionId, ...change }) => {
      connections.update(tenantId, connectionId, change);
      return dto(tenantId, connectionId);
    },
    'calendars/disconnect': ({ tenantId, connectionId }) => {
      connections.disconnect(tenantId, connectionId);
      return { disconnected: true as const };
    },
    'calendars/sync': ({ tenantId }) => sync.syncTenant(tenantId),
    'calendars/list-deliveries': ({ tenantId }) => {
      const tenant = tenants.get(tenantId).config;
      const labels = new Map(connections.list(tenantId).map((c) => [c.id, c.label]));
      const local = (t: number) => formatInstant(t, tenant.timezone);
      return calendarStore
        .listOutbox(tenantId, 500)
        .filter((item) => item.status !== 'done' && labels.has(item.connectionId))
        .sort((a, b) => a.seq - b.seq)
        .map((item) => {
          const booking = deps.bookings.find(tenantId, item.bookingId);
          const service = booking ? (tenant.services.find((s) => s.id === booking.serviceId)?.name ?? 'Appointment') : 'Appointment';
          const customer = booking?.customerId ? deps.customers.find(tenantId, booking.customerId) : null;
          const start = item.event?.start ?? booking?.start ?? null;
          return {
            seq: item.seq,
            bookingId: item.bookingId,
            what: item.event?.summary ?? `${service}${customer?.name ? ` – ${customer.name}` : ''}`,
            appointmentAt: start === null ? null : local(start),
            calendar: labels.get(item.connectionId) ?? '',
            change: item.op === 'put' ? ('write' as const) : ('remove' as const),
            status: item.status as 'pending' | 'failed',
            attempts: item.attempts,
            lastError: item.lastError,
            nextAttemptAt: item.status === 'pending' ? local(item.nextAttemptAt) : null,
            queuedAt: local(item.createdAt),
          };
        });
    },
    'calendars/busy-blocks': ({ tenantId, from, to, providerId }) => {
      const tenant = tenants.get(tenantId).config;
      const labels = new Map(connections.list(tenantId).map((c) => [c.id, c.label]));
      const providerIds = providerId ? [providerId] : tenant.providers.map((p) => p.id);
      const start = DateTime.fromISO(from, { zone: tenant.timezone }).toMillis();
      const end = DateTime.fromISO(to, { zone: tenant.timezone }).plus({ days: 1 }).toMillis();
      return calendarStore.busyBlocks(tenantId, providerIds, start, end).map((b) => ({
        providerId: b.providerId,
        connectionId: b.connectionId,
        calendar: labels.get(b.connectionId) ?? '',
        start: formatInstant(b.start, tenant.timezone),
        end: formatInstant(b.end, tenant.timezone),
      }));
    },
  };
}
