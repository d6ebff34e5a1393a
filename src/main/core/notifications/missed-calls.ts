import { DateTime } from 'luxon';
import type { Clock, Logger } from '../kernel/index.js';
import type { CustomerService } from '../scheduling/index.js';
import type { TenantService } from '../tenants/index.js';
import type { OutboxService } from './outbox-service.js';
import type { TextRepository } from './ports.js';
import { composeText, textLanguageFor } from './text-words.js';

export interface EndedCall {
  tenantId: string;
  callId: string;
  from: string | null;
  /** null or 'abandoned': the caller hung up before getting anything done. */
  outcome: string | null;
  rehearsal: boolean;
}

/**
 * One text to a caller who hung up before getting what they called for, offering to book by text
 * or call back. Never after a call with an outcome, never for a rehearsal, and at most once a
 * day per number (the dedupe key is the number and the practice's local date).
 */
export class MissedCallTexts {
  constructor(
    private readonly deps: { tenants: TenantService; customers: CustomerService; outbox: OutboxService; texts: TextRepository; clock: Clock; logger: Logger },
  ) {}

  callEnded(call: EndedCall): boolean {
    if (call.rehearsal || !call.from || (call.outcome !== null && call.outcome !== 'abandoned')) return false;
    const tenant = this.deps.tenants.find(call.tenantId)?.config;
    if (!tenant || !tenant.texts.enabled || !tenant.texts.missedCallTextBack) return false;
    const customer = this.deps.customers.recognize(tenant.id, call.from);
    let phone: string;
    try {
      phone = this.deps.customers.normalize(tenant.id, call.from);
    } catch {
      return false;
    }
    if (this.deps.texts.number(tenant.id, phone).optedOut) return false;
    const day = DateTime.fromMillis(this.deps.clock.now(), { zone: tenant.timezone }).toISODate();
    const body = composeText(tenant, textLanguageFor(customer, tenant), 'missedCall', { name: customer?.name ?? '' });
    const queued = this.deps.outbox.enqueueSms(tenant.id, `missed:${phone}:${day}`, { to: phone, from: tenant.phoneNumbers[0] ?? null, body }, { purpose: 'missed-call' });
    this.deps.logger.info({ tenantId: tenant.id, callId: call.callId, outboxId: queued.id }, 'missed-call text queued');
    return true;
  }
}
