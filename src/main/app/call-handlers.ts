import { DateTime } from 'luxon';
import { ContractError } from '../../shared/contract/index.js';
import type { CallService } from '../core/calls/index.js';
import type { TenantService } from '../core/tenants/index.js';
import type { CommandHandlers } from './dispatch.js';
import { actorOf, practicesFor } from './handler-context.js';

export interface CallHandlerDeps {
  calls: CallService;
  tenants: TenantService;
  understand: (text: string, tenantId: string, now: number) => {
    intent: string;
    confidence: number;
    date: string | null;
    time: string | null;
    partOfDay: 'morning' | 'afternoon' | 'evening' | null;
    serviceId: string | null;
    providerId: string | null;
    name: string | null;
    phone: string | null;
  };
  now: () => number;
}

type CallCommand = 'calls/get-latency' | 'calls/list-active' | 'calls/list-recent' | 'calls/get' | 'messages/list' | 'messages/mark-handled' | 'conversation/understand';

export function createCallHandlers(deps: CallHandlerDeps): Pick<CommandHandlers, CallCommand> {
  const { calls, tenants } = deps;
  return {
    'calls/list-active': () => calls.listActive(),
    'calls/list-recent': ({ tenantId, limit, search }, context) =>
      practicesFor(context, tenants, tenantId)
        .flatMap((id) => calls.listRecent(id, { limit, search }))
        .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt))
        .slice(0, limit),
    'calls/get': ({ tenantId, callId }) => calls.detail(tenantId, callId),
    'calls/get-latency': ({ tenantId }) => calls.latencyToday(tenantId),
    'messages/list': ({ tenantId, status, limit }, context) =>
      practicesFor(context, tenants, tenantId)
        .flatMap((id) => calls.listMessages(id, { status, limit }))
        .sort((a, b) => Number(b.urgent) - Number(a.urgent) || Date.parse(b.createdAt) - Date.parse(a.createdAt))
        .slice(0, limit),
    'messages/mark-handled': ({ tenantId, messageId, staffName }, context) => calls.markMessageHandled(tenantId, messageId, actorOf(context, staffName)),
    'conversation/understand': ({ tenantId, text, now }) => {
      tenants.get(tenantId);
      let at = deps.now();
      if (now) {
        const parsed = DateTime.fromISO(now, { setZone: true });
        if (!parsed.isValid) throw new ContractError('invalid_input', `"${now}" is not an ISO instant such as 2026-11-23T14:00:00Z.`);
        at = parsed.toMillis();
      }
      const u = deps.understand(text, tenantId, at);
      return { intent: u.intent, confidence: u.confidence, date: u.date, time: u.time, partOfDay: u.partOfDay, serviceId: u.serviceId, providerId: u.providerId, name: u.name, phone: u.phone };
    },
  };
}
