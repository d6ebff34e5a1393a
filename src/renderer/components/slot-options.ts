import type { SlotDto } from '../../shared/contract/scheduling.js';
import type { Provider, TenantConfig } from '../../shared/contract/tenant.js';

/** The providers who offer a service, in the practice's order. */
export function providersForService(config: Pick<TenantConfig, 'providers' | 'services'>, serviceId: string): Provider[] {
  const service = config.services.find((s) => s.id === serviceId);
  if (!service) return [];
  return config.providers.filter((p) => service.providerIds.includes(p.id));
}

export interface SlotGroup {
  providerId: string;
  providerName: string;
  slots: SlotDto[];
}

/** Slots grouped by provider (first-seen order), each group in time order. */
export function groupSlotsByProvider(slots: readonly SlotDto[]): SlotGroup[] {
  const groups = new Map<string, SlotGroup>();
  for (const slot of slots) {
    let group = groups.get(slot.providerId);
    if (!group) {
      group = { providerId: slot.providerId, providerName: slot.providerName, slots: [] };
      groups.set(slot.providerId, group);
    }
    group.slots.push(slot);
  }
  for (const group of groups.values()) group.slots.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return [...groups.values()];
}

export function slotKey(slot: Pick<SlotDto, 'providerId' | 'start'>): string {
  return `${slot.providerId}|${slot.start}`;
}

/** The provider to keep when the service changes: the same one if they offer it, else none ("any"). */
export function keepProvider(config: Pick<TenantConfig, 'providers' | 'services'>, serviceId: string, providerId: string | null): string | null {
  if (providerId === null) return null;
  return providersForService(config, serviceId).some((p) => p.id === providerId) ? providerId : null;
}
