import type { Clock, EventPublisher, Logger } from '../kernel/index.js';
import { calendarBackoff } from './backoff.js';
import { CalendarError, type CalendarConnectionRecord, type CalendarRepository, type ConnectionPatch } from './ports.js';

/** Turns any failure into words for the console; adapters already speak plainly through CalendarError. */
export function plainWords(error: unknown): string {
  if (error instanceof CalendarError) return error.message;
  return `Something went wrong reading this calendar (${error instanceof Error ? error.message : String(error)}).`;
}

/**
 * Each connection's state as the owner sees it: ok, failing (with backoff and the reason in plain
 * words), or needing reconnection. An expired or revoked sign-in raises one alert, not one per
 * sync; it is raised again only after the connection has worked in between.
 */
export class ConnectionHealth {
  constructor(
    private readonly deps: { calendars: CalendarRepository; events: EventPublisher; clock: Clock; logger: Logger },
  ) {}

  succeeded(connection: CalendarConnectionRecord, patch: ConnectionPatch = {}): void {
    this.deps.calendars.updateConnection(connection.tenantId, connection.id, { status: 'ok', lastError: null, failures: 0, alertedAt: null, ...patch });
    this.changed(connection.tenantId);
  }

  /** Records a failure and returns when the connection should be tried again. */
  failed(connection: CalendarConnectionRecord, error: unknown): number {
    const now = this.deps.clock.now();
    const failures = connection.failures + 1;
    const auth = error instanceof CalendarError && error.kind === 'auth';
    const retryAfter = error instanceof CalendarError ? error.retryAfterMs : null;
    const nextSyncAt = now + calendarBackoff(failures, retryAfter);
    const lastError = plainWords(error);
    const alert = auth && connection.alertedAt === null;
    this.deps.calendars.updateConnection(connection.tenantId, connection.id, {
      status: auth ? 'reconnect' : 'error',
      lastError,
      failures,
      nextSyncAt,
      ...(alert ? { alertedAt: now } : {}),
    });
    const log = this.deps.logger.child({ tenantId: connection.tenantId, connectionId: connection.id, kind: connection.kind });
    log.warn({ failures, err: lastError }, 'calendar failed');
    if (alert) {
      log.warn({ providerId: connection.providerId }, 'calendar needs reconnecting; owner alerted');
      this.deps.events.publish({
        name: 'calendars/reconnect-needed',
        payload: { tenantId: connection.tenantId, connectionId: connection.id, providerId: connection.providerId, label: connection.label, message: lastError },
      });
    }
    this.changed(connection.tenantId);
    return nextSyncAt;
  }

  changed(tenantId: string): void {
    this.deps.events.publish({ name: 'calendars/changed', payload: { tenantId } });
  }
}
