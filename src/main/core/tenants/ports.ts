import type { TenantConfig } from '../../../shared/contract/index.js';

export interface TenantRecord {
  id: string;
  config: TenantConfig;
  revision: number;
  createdAt: number;
  updatedAt: number;
}

export interface TenantRepository {
  list(): TenantRecord[];
  get(tenantId: string): TenantRecord | null;
  /** Inserts or replaces; returns the stored record. Throws `PhoneNumberTakenError` when another tenant owns a number. */
  save(config: TenantConfig, at: number, actor: string): TenantRecord;
  findIdByPhoneNumber(phoneNumber: string): string | null;
  /** Changes whenever any connection (another process included) commits to the database. */
  changeMarker(): number;
}

export class PhoneNumberTakenError extends Error {
  constructor(
    readonly phoneNumber: string,
    readonly ownerTenantId: string,
  ) {
    super(`${phoneNumber} already belongs to practice "${ownerTenantId}"`);
    this.name = 'PhoneNumberTakenError';
  }
}
