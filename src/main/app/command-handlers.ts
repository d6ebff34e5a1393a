import { ContractError, type Health } from '../../shared/contract/index.js';
import type { TenantService } from '../core/tenants/index.js';
import type { CommandHandlers } from './dispatch.js';
import type { EventBus } from './event-bus.js';
import { createCalendarHandlers, type CalendarHandlerDeps } from './calendar-handlers.js';
import { createCallHandlers, type CallHandlerDeps } from './call-handlers.js';
import { createDeskHandlers, type DeskHandlerDeps } from './desk-handlers.js';
import { createLlmHandlers, type LlmHandlerDeps } from './llm-handlers.js';
import { createSchedulingHandlers, type SchedulingHandlerDeps } from './scheduling-handlers.js';
import { savePractice, strandedBookings } from './practice-save.js';
import { createBookingPresenter } from './booking-presenter.js';
import { createPractice } from './practice-create.js';
import type { createSetupHandlers } from './setup-handlers.js';
import { createStaffHandlers, type StaffHandlerDeps } from './staff-handlers.js';
import { createTextsHandlers, type TextsHandlerDeps } from './texts-handlers.js';

export interface HandlerDeps extends SchedulingHandlerDeps, CallHandlerDeps, DeskHandlerDeps, CalendarHandlerDeps, TextsHandlerDeps, LlmHandlerDeps, StaffHandlerDeps {
  tenants: TenantService;
  events: EventBus;
  health: () => Health;
  /** Secrets, phone set-up and the tunnel (built with the vault; see setup-handlers.ts). */
  setup: ReturnType<typeof createSetupHandlers>;
}

/** Maps each contract command to the domain service that does the work; no logic of its own. */
export function createCommandHandlers(deps: HandlerDeps): CommandHandlers {
  const { tenants, events, health } = deps;
  const bookingDto = createBookingPresenter(deps);
  return {
    ...createSchedulingHandlers(deps),
    ...createCallHandlers(deps),
    ...createDeskHandlers(deps),
    ...deps.setup,
    ...createCalendarHandlers(deps),
    ...createTextsHandlers(deps),
    ...createLlmHandlers(deps),
    ...createStaffHandlers(deps),
    'health/get': () => health(),
    'tenants/list': () => tenants.list().map((record) => tenants.summarize(record)),
    'tenants/get': ({ tenantId }) => tenants.get(tenantId).config,
    'tenants/save': async ({ config, reassign, closedDays }, context) => {
      const record = await savePractice(deps, config, context.actor, reassign, closedDays);
      events.publish({ name: 'tenants/changed', payload: { tenantIds: [record.id] } });
      return tenants.summarize(record);
    },
    'tenants/closure-impact': ({ tenantId, config }) => {
      if ((config as { id?: unknown } | null)?.id !== tenantId) throw new ContractError('invalid_input', 'The practice file is for another practice.');
      return strandedBookings(deps, config).map(({ booking, why, closedDay }) => ({ ...bookingDto(booking), why, closedDay }));
    },
    'tenants/create': (input, context) => {
      const record = createPractice(tenants, input, context.actor);
      // An owner limited to some practices keeps seeing the one they just added.
      const principal = context.principal;
      if (principal?.staffId && principal.practices !== null) {
        deps.staff.update(principal.name, { practices: [...principal.practices, record.id] });
        events.publish({ name: 'staff/changed', payload: {} });
      }
      events.publish({ name: 'tenants/changed', payload: { tenantIds: [record.id] } });
      return tenants.summarize(record);
    },
  };
}
