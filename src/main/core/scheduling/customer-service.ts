import { ContractError } from '../../../shared/contract/index.js';
import type { Clock, IdGenerator } from '../kernel/index.js';
import type { TenantService } from '../tenants/index.js';
import { examplePhone, normalizePhone, phoneDigits } from './phone-numbers.js';
import type { CustomerRecord, CustomerRepository } from './ports.js';

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
   * not overwrite what staff recorded. Must be called inside the booking transaction.
   */
  findOrCreate(tenantId: string, input: { phone?: string | undefined; name?: string | undefined }): CustomerRecord | null {
    const now = this.clock.now();
    const phone = input.phone ? this.normalize(tenantId, input.phone) : null;
    const name = input.name?.trim() || null;
    if (!phone && !name) return null;
    if (phone) {
      const existing = this.repository.findByPhone(tenantId, phone);
      if (existing) {
        if (name && !existing.name) {
          this.repository.update(tenantId, existing.id, { name, updatedAt: now });
          return { ...existing, name, updatedAt: now };
        }
        return existing;
      }
    }
    const record: CustomerRecord = { tenantId, id: this.ids.next(), phone, name, notes: '', createdAt: now, updatedAt: now };
    this.repository.insert(record);
    return record;
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
