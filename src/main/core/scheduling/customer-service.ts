import type { Language } from '../../../shared/contract/index.js';
import { ContractError } from '../../../shared/contract/index.js';
import type { Clock, IdGenerator } from '../kernel/index.js';
import type { TenantService } from '../tenants/index.js';
import { examplePhone, normalizePhone, phoneDigits } from './phone-numbers.js';
import type { CustomerRecord, CustomerRepository } from './ports.js';

/** Who a booking is for; `language`: the one they are speaking now (a caller's), so texts to them use it. */
export interface CustomerInput {
  phone?: string | undefined;
  name?: string | undefined;
  language?: Language | undefined;
}

/** Customers are recognized by caller ID: one per E.164 number per practice. */
export class CustomerService {
  constructor(
    private readonly repository: CustomerRepository,
    private readonly tenants: TenantService,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  normalize(tenantId: string, phone: string): string {
    const { country, phoneNumbers } = this.tenants.get(tenantId).config;
    const normalized = normalizePhone(phone, country, phoneNumbers);
    if (!normalized) {
      throw new ContractError('invalid_input', `"${phone}" is not a phone number we can call back. Write it like ${examplePhone(country, phoneNumbers)}.`);
    }
    return normalized;
  }

  /** Recognizes a caller by number (no write). */
  recognize(tenantId: string, phone: string): CustomerRecord | null {
    const { country, phoneNumbers } = this.tenants.get(tenantId).config;
    const normalized = normalizePhone(phone, country, phoneNumbers);
    return normalized ? this.repository.findByPhone(tenantId, normalized) : null;
  }

  /**
   * Finds the customer by phone or creates one; a newly given name fills a missing one but does
   * not overwrite what staff recorded; a language said now replaces the remembered one (the
   * booking's confirmation text, queued in the same transaction, goes out in it).
   * Must be called inside the booking transaction.
   */
  findOrCreate(tenantId: string, input: CustomerInput): CustomerRecord | null {
    const now = this.clock.now();
    const phone = input.phone ? this.normalize(tenantId, input.phone) : null;
    const name = input.name?.trim() || null;
    if (!phone && !name) return null;
    if (phone) {
      const existing = this.repository.findByPhone(tenantId, phone);
      if (existing) {
        const patch = {
          ...(name && !existing.name ? { name } : {}),
          ...(input.language && existing.language !== input.language ? { language: input.language } : {}),
        };
        if (Object.keys(patch).length === 0) return existing;
        this.repository.update(tenantId, existing.id, { ...patch, updatedAt: now });
        return { ...existing, ...patch, updatedAt: now };
      }
    }
    const record: CustomerRecord = { tenantId, id: this.ids.next(), phone, name, notes: '', createdAt: now, updatedAt: now, ...(input.language ? { language: input.language } : {}) };
    this.repository.insert(record);
    return record;
  }

  /** Remembers the language the customer spoke, so texts to them (and issue 12's reminders) use it. */
  setLanguage(tenantId: string, customerId: string, language: Language): void {
    const current = this.repository.get(tenantId, customerId);
    if (!current || current.language === language) return;
    this.repository.update(tenantId, customerId, { language, updatedAt: this.clock.now() });
  }

  get(tenantId: string, customerId: string): CustomerRecord {
    const record = this.repository.get(tenantId, customerId);
    if (!record) throw new ContractError('not_found', 'There is no such customer.');
    return record;
  }

  find(tenantId: string, customerId: string): CustomerRecord | null {
    return this.repository.get(tenantId, customerId);
  }

  search(tenantId: string, query: string, limit: number): CustomerRecord[] {
    this.tenants.get(tenantId);
    return this.repository.search(tenantId, query.trim(), phoneDigits(query), limit);
  }

  update(tenantId: string, customerId: string, patch: { name?: string | undefined; notes?: string | undefined }): CustomerRecord {
    this.get(tenantId, customerId);
    this.repository.update(tenantId, customerId, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
      updatedAt: this.clock.now(),
    });
    return this.get(tenantId, customerId);
  }
}
