import type { Health } from '../../shared/contract/index.js';
import type { TenantService } from '../core/tenants/index.js';
import type { CommandHandlers } from './dispatch.js';
import type { EventBus } from './event-bus.js';
import { createCallHandlers, type CallHandlerDeps } from './call-handlers.js';
import { createDeskHandlers, type DeskHandlerDeps } from './desk-handlers.js';
import { createLlmHandlers, type LlmHandlerDeps } from './llm-handlers.js';
import { createSchedulingHandlers, type SchedulingHandlerDeps } from './scheduling-handlers.js';

export interface HandlerDeps extends SchedulingHandlerDeps, CallHandlerDeps, DeskHandlerDeps, LlmHandlerDeps {
  tenants: TenantService;
  events: EventBus;
  health: () => Health;
}

/** Maps each contract command to the domain service that does the work; no logic of its own. */
export function createCommandHandlers(deps: HandlerDeps): CommandHandlers {
  const { tenants, events, health } = deps;
  return {
    ...createSchedulingHandlers(deps),
    ...createCallHandlers(deps),
    ...createDeskHandlers(deps),
    ...createLlmHandlers(deps),
    'health/get': () => health(),
    'tenants/list': () => tenants.list().map((record) => tenants.summarize(record)),
    'tenants/get': ({ tenantId }) => tenants.get(tenantId).config,
    'tenants/save': ({ config }, context) => {
      const record = tenants.save(config, context.actor);
      events.publish({ name: 'tenants/changed', payload: { tenantIds: [record.id] } });
      return tenants.summarize(record);
    },
  };
}
