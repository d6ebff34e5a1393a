import type { OutboxItemDto, TenantConfig } from '../../../shared/contract/index.js';
import { formatInstant } from '../../../shared/lib/time.js';
import type { Clock, EventPublisher, IdGenerator, Logger } from '../kernel/index.js';
import type { TenantService } from '../tenants/index.js';
import { MessagingError, type MessagingPort, type OutboxRecord, type OutboxRepository, type SmsPayload } from './ports.js';

/** Retry with exponential backoff from 30 s, capped at an hour; give up after a day's worth. */
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 60 * 60_000;
export const MAX_ATTEMPTS = 10;

export function retryDelay(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

/**
 * Effects on the outside world, written first and delivered after. `enqueue` is synchronous so
 * it can join the caller's transaction; `deliverDue` sends what is due, one attempt per row per
 * pass, and survives restarts because the rows are the queue.
 */
export class OutboxService {
  private delivering = false;

  constructor(
    private readonly deps: {
      outbox: OutboxRepository;
      messaging: MessagingPort;
      tenants: TenantService;
      events: EventPublisher;
      clock: Clock;
      ids: IdGenerator;
      logger: Logger;
    },
  ) {}

  enqueueSms(tenantId: string, dedupeKey: string, payload: SmsPayload): OutboxRecord {
    const now = this.deps.clock.now();
    const stored = this.deps.outbox.enqueue({
      tenantId,
      id: this.deps.ids.next(),
      kind: 'sms',
      dedupeKey,
      payload,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      providerId: null,
      createdAt: now,
      sentAt: null,
    });
    this.publish(stored);
    return stored;
  }

  /** One delivery pass over what is due; overlapping passes are skipped, not stacked. */
  async deliverDue(limit = 20): Promise<number> {
    if (this.delivering) return 0;
    this.delivering = true;
    try {
      const due = this.deps.outbox.due(this.deps.clock.now(), limit);
      for (const item of due) await this.deliver(item);
      return due.length;
    } finally {
      this.delivering = false;
    }
  }

  list(tenantId: string, limit: number): OutboxItemDto[] {
    const tenant = this.deps.tenants.get(tenantId).config;
    return this.deps.outbox.list(tenantId, limit).map((r) => toOutboxDto(r, tenant));
  }

  private async deliver(item: OutboxRecord): Promise<void> {
    const log = this.deps.logger.child({ tenantId: item.tenantId, outboxId: item.id });
    const attempts = item.attempts + 1;
    try {
      const { providerId } = await this.deps.messaging.sendSms({ ...item.payload, idempotencyKey: `${item.tenantId}:${item.dedupeKey}` });
      this.deps.outbox.update(item.tenantId, item.id, { status: 'sent', attempts, providerId, sentAt: this.deps.clock.now(), lastError: null });
      log.info({ attempts, providerId }, 'outbox item delivered');
    } catch (error) {
      const retryable = !(error instanceof MessagingError) || error.retryable;
      const message = error instanceof Error ? error.message : String(error);
      const giveUp = !retryable || attempts >= MAX_ATTEMPTS;
      this.deps.outbox.update(item.tenantId, item.id, {
        status: giveUp ? 'failed' : 'pending',
        attempts,
        lastError: message,
        nextAttemptAt: this.deps.clock.now() + retryDelay(attempts),
      });
      log.warn({ attempts, giveUp, err: message }, 'outbox delivery failed');
    }
    const updated = this.deps.outbox.get(item.tenantId, item.id);
    if (updated) this.publish(updated);
  }

  private publish(record: OutboxRecord): void {
    const tenant = this.deps.tenants.find(record.tenantId);
    if (tenant) this.deps.events.publish({ name: 'outbox/changed', payload: toOutboxDto(record, tenant.config) });
  }
}

function toOutboxDto(r: OutboxRecord, tenant: TenantConfig): OutboxItemDto {
  return {
    id: r.id,
    tenantId: r.tenantId,
    kind: r.kind,
    to: r.payload.to,
    body: r.payload.body,
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    providerId: r.providerId,
    createdAt: formatInstant(r.createdAt, tenant.timezone),
    sentAt: r.sentAt === null ? null : formatInstant(r.sentAt, tenant.timezone),
  };
}
