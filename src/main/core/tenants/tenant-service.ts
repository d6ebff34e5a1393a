import {
  ContractError,
  formatIssues,
  tenantConfigSchema,
  type TenantConfig,
  type TenantSummary,
} from '../../../shared/contract/index.js';
import type { Clock, Logger } from '../kernel/index.js';
import { PhoneNumberTakenError, type TenantRecord, type TenantRepository } from './ports.js';

/**
 * Tenant configuration: validation, storage, and a cache that notices edits made by other
 * processes (the `frontdesk` CLI) so a running appliance picks them up without a restart.
 */
export class TenantService {
  private cache = new Map<string, TenantRecord>();
  private cachedMarker = -1;

  constructor(
    private readonly repository: TenantRepository,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Parses a tenant file's content; errors name the field (`services[2].durationMinutes: …`). */
  parse(raw: unknown): TenantConfig {
    const result = tenantConfigSchema.safeParse(raw, { reportInput: true });
    if (!result.success) {
      throw new ContractError('invalid_input', 'The practice configuration is not valid.', formatIssues(result.error));
    }
    // `$schema` only helps editors; it is not part of the practice.
    const { $schema: _editorHint, ...config } = result.data;
    return config;
  }

  save(raw: unknown, actor: string): TenantRecord {
    const config = this.parse(raw);
    try {
      const record = this.repository.save(config, this.clock.now(), actor);
      this.cache.set(record.id, record);
      this.logger.info({ tenantId: record.id, revision: record.revision, actor }, 'tenant saved');
      return record;
    } catch (error) {
      if (error instanceof PhoneNumberTakenError) {
        throw new ContractError('conflict', error.message);
      }
      throw error;
    }
  }

  list(): TenantRecord[] {
    this.refreshIfChanged();
    return [...this.cache.values()].sort((a, b) => a.config.name.localeCompare(b.config.name));
  }

  find(tenantId: string): TenantRecord | null {
    this.refreshIfChanged();
    return this.cache.get(tenantId) ?? null;
  }

  get(tenantId: string): TenantRecord {
    const record = this.find(tenantId);
    if (!record) throw new ContractError('not_found', `There is no practice "${tenantId}".`);
    return record;
  }

  findByPhoneNumber(phoneNumber: string): TenantRecord | null {
    const id = this.repository.findIdByPhoneNumber(phoneNumber);
    return id ? this.find(id) : null;
  }

  /**
   * Reloads when another connection committed since the last look. Returns the ids whose
   * revision changed, so the app can tell the console.
   */
  refreshIfChanged(): string[] {
    const marker = this.repository.changeMarker();
    if (marker === this.cachedMarker) return [];
    this.cachedMarker = marker;
    const changed: string[] = [];
    const next = new Map<string, TenantRecord>();
    for (const record of this.repository.list()) {
      if (this.cache.get(record.id)?.revision !== record.revision) changed.push(record.id);
      next.set(record.id, record);
    }
    for (const id of this.cache.keys()) if (!next.has(id)) changed.push(id);
    this.cache = next;
    return changed;
  }

  summarize(record: TenantRecord): TenantSummary {
    return {
      id: record.id,
      name: record.config.name,
      timezone: record.config.timezone,
      phoneNumbers: record.config.phoneNumbers,
      providerCount: record.config.providers.length,
      serviceCount: record.config.services.length,
      updatedAt: record.updatedAt,
    };
  }
}
