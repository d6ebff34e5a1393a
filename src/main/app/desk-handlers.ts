import { ContractError } from '../../shared/contract/index.js';
import { parseInstant } from '../../shared/lib/time.js';
import type { CallService, DeskControl, Rehearsals } from '../core/calls/index.js';
import type { OutboxService } from '../core/notifications/index.js';
import type { ReviewService } from '../core/review/index.js';
import type { CustomerService } from '../core/scheduling/index.js';
import type { TenantService } from '../core/tenants/index.js';
import { createBookingPresenter } from './booking-presenter.js';
import type { CommandHandlers } from './dispatch.js';
import { actorOf, practicesFor } from './handler-context.js';

export interface DeskHandlerDeps {
  tenants: TenantService;
  customers: CustomerService;
  calls: CallService;
  desk: DeskControl;
  rehearsals: Rehearsals;
  review: ReviewService;
  outbox: OutboxService;
}

type DeskCommand =
  | 'calls/transfer'
  | 'calls/take-over'
  | 'calls/say'
  | 'calls/hand-back'
  | 'rehearsal/start'
  | 'rehearsal/say'
  | 'rehearsal/hang-up'
  | 'review/list'
  | 'review/approve'
  | 'review/reject'
  | 'review/modify'
  | 'outbox/list';

export function createDeskHandlers(deps: DeskHandlerDeps): Pick<CommandHandlers, DeskCommand> {
  const { tenants, customers, desk, rehearsals, review, outbox } = deps;
  const dto = createBookingPresenter(deps);
  return {
    'calls/transfer': ({ tenantId, callId, to, staffName }, context) => desk.transfer(tenantId, callId, to, actorOf(context, staffName)),
    'calls/take-over': ({ tenantId, callId, staffName }, context) => desk.takeOver(tenantId, callId, actorOf(context, staffName)),
    'calls/say': ({ tenantId, callId, text, staffName }, context) => desk.say(tenantId, callId, text, actorOf(context, staffName)),
    'calls/hand-back': ({ tenantId, callId, staffName }, context) => desk.handBack(tenantId, callId, actorOf(context, staffName)),
    'rehearsal/start': ({ tenantId, from }) => rehearsals.start(tenantId, from ? customers.normalize(tenantId, from) : null),
    'rehearsal/say': ({ callId, text }) => rehearsals.say(callId, text),
    'rehearsal/hang-up': ({ callId }) => rehearsals.hangUp(callId),
    'review/list': ({ tenantId }, context) => practicesFor(context, tenants, tenantId).flatMap((id) => review.list(id)),
    'review/approve': async ({ tenantId, bookingId, staffName }, context) => dto(await review.approve(tenantId, bookingId, actorOf(context, staffName))),
    'review/reject': async ({ tenantId, bookingId, reason, staffName }, context) =>
      dto(await review.reject(tenantId, bookingId, reason, actorOf(context, staffName))),
    'review/modify': async ({ tenantId, bookingId, start, providerId, serviceId, staffName }, context) => {
      const parsed = parseInstant(start, tenants.get(tenantId).config.timezone);
      if (!parsed.ok) throw new ContractError('invalid_input', parsed.message);
      return dto(await review.modify(tenantId, bookingId, { start: parsed.epochMs, providerId, serviceId }, actorOf(context, staffName)));
    },
    'outbox/list': ({ tenantId, limit }) => outbox.list(tenantId, limit),
  };
}
