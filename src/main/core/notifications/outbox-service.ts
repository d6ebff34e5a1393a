import type { OutboxItemDto, TenantConfig } from '../../../shared/contract/index.js';
import { formatInstant } from '../../../shared/lib/time.js';
import type { Clock, EventPublisher, IdGenerator, Logger } from '../kernel/index.js';
import type { TenantService } from '../tenants/index.js';
import { MessagingError, type MessagingPort, type OutboxRecord, type OutboxRepository, type SmsPayload, type TextPurpose } from './ports.js';

/** Retry with exponential backoff from 30 s, capped at an hour; give up after a day's worth. */
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 60 * 60_000;
export const MAX_ATTEMPTS = 10;

/** Twilio's message states in the order they happen; a late callback never moves a message back. */
const DELIVERY_RANK: Record<string, number> = { accepted: 0, scheduled: 0, queued: 1, sending: 2, sent: 3, delivered: 4, undelivered: 4, failed: 4, read: 5, canceled: 4 };

export function retryDelay(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

export interface EnqueueOptions {
  bookingId?: string | null | undefined;
  purpose?: TextPurpose | undefined;
  /** Hold the text until then (a missed-call text a minute after the hang-up). */
  notBefore?: number | undefined;
}

/** Says whether a number asked not to be texted (STOP); checked again right before sending. */
export interface OptOutCheck {
  isOptedOut(tenantId: string, phone: string): boolean;
}

/**
 * Effects on the outside world, written first and delivered after. `enqueue` is synchronous so
 * it can join the caller's transaction; `deliverDue` sends what is due, one attempt per row per
 * pass, and survives restarts because the rows are the queue.
 */
export class OutboxService {
  private delivering = false;
  private readonly sentListeners: ((record: OutboxRecord) => void)[] = [];

  constructor(
    private readonly deps: {
      outbox: OutboxRepository;
      messaging: MessagingPort;
      tenants: TenantService;
      events: EventPublisher;
      clock: Clock;
      ids: IdGenerator;
      logger: Logger;
      optOuts?: OptOutCheck;
      /** Where Twilio posts delivery updates; null when Twilio cannot reach us (no public URL). */
      statusCallbackUrl?: () => string | null;
    },
  ) {}

  /** Told after every change of an outgoing text (the inbox refreshes its thread). */
  onChange(listener: (record: OutboxRecord) => void): void {
    this.sentListeners.push(listener);
  }

  enqueueSms(tenantId: string, dedupeKey: string, payload: SmsPayload, options: EnqueueOptions = {}): OutboxRecord {
    const now = this.deps.clock.now();
    const stored = this.deps.outbox.enqueue({
      tenantId,
      id: this.deps.ids.next(),
      kind: 'sms',
      dedupeKey,
      payload,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: Math.max(now, options.notBefore ?? now),
      lastError: null,
      providerId: null,
      createdAt: now,
      sentAt: null,
      bookingId: options.bookingId ?? null,
      purpose: options.purpose ?? 'notice',
      deliveryStatus: null,
      deliveryUpdatedAt: null,
    });
    this.publish(stored);
    return stored;
  }

  wasQueued(tenantId: string, dedupeKey: string): boolean {
    return this.deps.outbox.findByDedupeKey(tenantId, dedupeKey) !== null;
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

  /** A Twilio status callback for one of our messages; unknown SIDs are ignored (another app's). */
  recordDelivery(tenantId: string, messageSid: string, status: string): OutboxRecord | null {
    const record = this.deps.outbox.findByProviderId(tenantId, messageSid);
    if (!record) return null;
    const current = DELIVERY_RANK[record.deliveryStatus ?? ''] ?? -1;
    const next = DELIVERY_RANK[status] ?? -1;
    if (next < current) return record;
    this.deps.outbox.update(tenantId, record.id, { deliveryStatus: status, deliveryUpdatedAt: this.deps.clock.now() });
    const updated = this.deps.outbox.get(tenantId, record.id)!;
    this.publish(updated);
    return updated;
  }

  list(tenantId: string, limit: number): OutboxItemDto[] {
    const tenant = this.deps.tenants.get(tenantId).config;
    return this.deps.outbox.list(tenantId, limit).map((r) => toOutboxDto(r, tenant));
  }

  private async deliver(item: OutboxRecord): Promise<void> {
    const log = this.deps.logger.child({ tenantId: item.tenantId, outboxId: item.id });
    const attempts = item.attempts + 1;
    if (this.deps.optOuts?.isOptedOut(item.tenantId, item.payload.to) && item.purpose !== 'help') {
      this.deps.outbox.update(item.tenantId, item.id, { status: 'failed', attempts, lastError: 'Not sent: this number replied STOP.' });
      log.info({ purpose: item.purpose }, 'text not sent: the number opted out');
    } else {
      try {
        const { providerId, status } = await this.deps.messaging.sendSms({
          ...item.payload,
          idempotencyKey: `${item.tenantId}:${item.dedupeKey}`,
          statusCallback: this.deps.statusCallbackUrl?.() ?? null,
        });
        this.deps.outbox.update(item.tenantId, item.id, {
          status: 'sent',
          attempts,
          providerId,
          sentAt: this.deps.clock.now(),
          lastError: null,
          ...(status && !item.deliveryStatus ? { deliveryStatus: status, deliveryUpdatedAt: this.deps.clock.now() } : {}),
        });
        log.info({ attempts, providerId, purpose: item.purpose }, 'outbox item delivered');
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
    }
    const updated = this.deps.outbox.get(item.tenantId, item.id);
    if (updated) this.publish(updated);
  }

  private publish(record: OutboxRecord): void {
    const tenant = this.deps.tenants.find(record.tenantId);
    if (tenant) this.deps.events.publish({ name: 'outbox/changed', payload: toOutboxDto(record, tenant.config) });
    for (const listener of this.sentListeners) listener(record);
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
