import { ContractError } from '../../shared/contract/index.js';
import { parseInstant } from '../../shared/lib/time.js';
import type { DeskControl, Rehearsals } from '../core/calls/index.js';
import type { OutboxService } from '../core/notifications/index.js';
import type { ReviewService } from '../core/review/index.js';
import { toBookingDto, type BookingRecord, type CustomerService } from '../core/scheduling/index.js';
import type { TenantService } from '../core/tenants/index.js';
import type { CommandHandlers } from './dispatch.js';

export interface DeskHandlerDeps {
  tenants: TenantService;
  customers: CustomerService;
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
  const dto = (b: BookingRecord) => toBookingDto(b, tenants.get(b.tenantId).config, b.customerId ? customers.find(b.tenantId, b.customerId) : null);
  return {
    'calls/transfer': ({ tenantId, callId, to, staffName }) => desk.transfer(tenantId, callId, to, staffName),
    'calls/take-over': ({ tenantId, callId, staffName }) => desk.takeOver(tenantId, callId, staffName),
    'calls/say': ({ tenantId, callId, text, staffName }) => desk.say(tenantId, callId, text, staffName),
    'calls/hand-back': ({ tenantId, callId, staffName }) => desk.handBack(tenantId, callId, staffName),
    'rehearsal/start': ({ tenantId, from }) => rehearsals.start(tenantId, from ? customers.normalize(tenantId, from) : null),
    'rehearsal/say': ({ callId, text }) => rehearsals.say(callId, text),
    'rehearsal/hang-up': ({ callId }) => rehearsals.hangUp(callId),
    'review/list': ({ tenantId }) => review.list(tenantId),
    'review/approve': async ({ tenantId, bookingId, staffName }) => dto(await review.approve(tenantId, bookingId, staffName)),
    'review/reject': async ({ tenantId, bookingId, reason, staffName }) => dto(await review.reject(tenantId, bookingId, reason, staffName)),
    'review/modify': async ({ tenantId, bookingId, start, providerId, serviceId, staffName }) => {
      const parsed = parseInstant(start, tenants.get(tenantId).config.timezone);
      if (!parsed.ok) throw new ContractError('invalid_input', parsed.message);
      return dto(await review.modify(tenantId, bookingId, { start: parsed.epochMs, providerId, serviceId }, staffName));
    },
    'outbox/list': ({ tenantId, limit }) => outbox.list(tenantId, limit),
  };
}
