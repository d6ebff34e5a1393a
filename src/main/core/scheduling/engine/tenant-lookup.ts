import { ContractError } from '../../../../shared/contract/index.js';
import type { Provider, Service, TenantConfig } from '../../../../shared/contract/index.js';

export function findService(tenant: TenantConfig, serviceId: string): Service | undefined {
  return tenant.services.find((s) => s.id === serviceId);
}

export function findProvider(tenant: TenantConfig, providerId: string): Provider | undefined {
  return tenant.providers.find((p) => p.id === providerId);
}

export function requireService(tenant: TenantConfig, serviceId: string): Service {
  const service = findService(tenant, serviceId);
  if (!service) throw new ContractError('not_found', `${tenant.name} has no service "${serviceId}".`);
  return service;
}

/** The providers a query covers, in the service's own order (which also orders tied slots). */
export function requireProviders(tenant: TenantConfig, service: Service, providerId: string | null | undefined): Provider[] {
  if (providerId) {
    const provider = findProvider(tenant, providerId);
    if (!provider) throw new ContractError('not_found', `${tenant.name} has no provider "${providerId}".`);
    if (!service.providerIds.includes(provider.id)) {
      throw new ContractError('invalid_input', `${provider.name} does not offer ${service.name}.`);
    }
    return [provider];
  }
  return service.providerIds.map((id) => {
    const provider = findProvider(tenant, id);
    // The tenant schema refuses this; a hand-built config that slips through should say so.
    if (!provider) throw new ContractError('not_found', `${service.name} names provider "${id}", who is not on the provider list.`);
    return provider;
  });
}
