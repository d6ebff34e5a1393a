import { ContractError, type AnyEvent, type CommandName } from '../../shared/contract/index.js';
import { canSeePractice, type Principal } from '../core/staff/index.js';

/**
 * Who may run each command from a console: `public` before sign-in, `staff` for anyone signed
 * in (limited to their practices), `owner` for owners only. A `Record` over every command name,
 * so a new command cannot ship without a decision here (the typecheck fails).
 */
export type CommandAccess = 'public' | 'staff' | 'owner';

export const COMMAND_ACCESS: Record<CommandName, CommandAccess> = {
  'session/get': 'public',
  'session/sign-in': 'public',
  'session/resume': 'public',
  'session/sign-out': 'public',
  // Only the desktop window's session can answer these; a browser console is refused in the handler.
  'session/sign-in-remembered': 'public',
  'session/remember-device': 'staff',
  'staff/forget-devices': 'owner',
  'staff/list': 'owner',
  'staff/add': 'owner',
  'staff/remove': 'owner',
  'staff/update': 'owner',
  'staff/reset-password': 'owner',
  'tenants/save': 'owner',
  'tenants/closure-impact': 'owner',
  'tenants/create': 'owner',
  'health/get': 'staff',
  'tenants/list': 'staff',
  'tenants/get': 'staff',
  'availability/list-slots': 'staff',
  'availability/suggest-slots': 'staff',
  'bookings/list': 'staff',
  'bookings/get': 'staff',
  'bookings/create': 'staff',
  'bookings/cancel': 'staff',
  'bookings/reschedule': 'staff',
  'bookings/record-outcome': 'staff',
  'bookings/undo-outcome': 'staff',
  'bookings/remove-rehearsal': 'staff',
  'customers/search': 'staff',
  'customers/get': 'staff',
  'customers/update': 'staff',
  'calls/list-active': 'staff',
  'calls/list-recent': 'staff',
  'calls/get': 'staff',
  'calls/get-latency': 'staff',
  'calls/llm-usage': 'staff',
  // Replays run an edited practice file against recorded calls: part of changing settings.
  'calls/replay': 'owner',
  'messages/list': 'staff',
  'messages/mark-handled': 'staff',
  'conversation/understand': 'staff',
  'calls/transfer': 'staff',
  'calls/take-over': 'staff',
  'calls/say': 'staff',
  'calls/hand-back': 'staff',
  'rehearsal/start': 'staff',
  'rehearsal/say': 'staff',
  'rehearsal/hang-up': 'staff',
  'review/list': 'staff',
  'review/approve': 'staff',
  'review/reject': 'staff',
  'review/modify': 'staff',
  'outbox/list': 'staff',
  // Set-up (issue 10): secrets, the Twilio account, numbers and the tunnel are the owner's. Even the
  // status is: it names every practice's number and which secrets are set (the first-run banner
  // simply stays hidden for a front-desk account).
  'setup/get-status': 'owner',
  'setup/save-twilio': 'owner',
  'setup/complete': 'owner',
  'secrets/list': 'owner',
  'secrets/set': 'owner',
  'secrets/delete': 'owner',
  'phone/list-numbers': 'owner',
  'phone/attach-number': 'owner',
  'phone/detach-number': 'owner',
  'tunnel/configure': 'owner',
  'tunnel/self-test': 'owner',
  // Calendars (issue 11): connecting, choosing and disconnecting a provider's calendars is the
  // owner's; the desk sees them, syncs now, and sees outside busy time on the schedule.
  'calendars/list': 'staff',
  'calendars/connect': 'owner',
  'calendars/start-sign-in': 'owner',
  'calendars/update': 'owner',
  'calendars/disconnect': 'owner',
  'calendars/sync': 'staff',
  'calendars/busy-blocks': 'staff',
  'calendars/list-deliveries': 'staff',
  // Texts (issue 12): the desk's daily work, limited to its practices by `tenantId`.
  'texts/list-threads': 'staff',
  'texts/get-thread': 'staff',
  'texts/reply': 'staff',
  'texts/mark-read': 'staff',
  'texts/unread-count': 'staff',
  'texts/list-for-booking': 'staff',
  'waitlist/list': 'staff',
  'waitlist/add': 'staff',
  'waitlist/remove': 'staff',
};

export interface AccessResolvers {
  /** The practice of a call addressed only by its id (rehearsals); null when unknown. */
  tenantOfCall(callId: string): string | null;
}

/**
 * Refuses a command the principal may not run. A practice they may not see reads as one that
 * does not exist, so a desk account cannot even learn another practice's id.
 */
export function authorize(name: CommandName, input: unknown, principal: Principal | null, resolvers: AccessResolvers): void {
  const access = COMMAND_ACCESS[name];
  if (access === 'public') return;
  if (!principal) throw new ContractError('unauthorized', 'Sign in to use the console.');
  if (access === 'owner' && principal.role !== 'owner') throw new ContractError('unauthorized', 'Only an owner can do that.');
  const record = (input ?? {}) as Record<string, unknown>;
  const tenantId = typeof record.tenantId === 'string' ? record.tenantId : null;
  if (tenantId !== null && !canSeePractice(principal, tenantId)) throw new ContractError('not_found', 'There is no such practice.');
  if (name === 'tenants/save') {
    const config = record.config as { id?: unknown } | undefined;
    if (typeof config?.id === 'string' && principal.practices !== null && !principal.practices.includes(config.id)) {
      throw new ContractError('unauthorized', 'You may change only the practices you can see.');
    }
  }
  if (tenantId === null && typeof record.callId === 'string') {
    const owner = resolvers.tenantOfCall(record.callId);
    if (owner !== null && !canSeePractice(principal, owner)) throw new ContractError('not_found', 'This rehearsal has ended. Start a new one.');
  }
}

/** Drops, from a list answer spanning practices, the items of practices the principal may not see. */
export function scopeOutput(name: CommandName, output: unknown, principal: Principal | null): unknown {
  if (!principal || principal.practices === null || !Array.isArray(output)) return output;
  const visible = (tenantId: unknown) => typeof tenantId === 'string' && canSeePractice(principal, tenantId);
  if (name === 'tenants/list') return output.filter((t: { id: unknown }) => visible(t.id));
  return output.filter((item: unknown) => {
    const record = item as { tenantId?: unknown; booking?: { tenantId?: unknown } };
    const tenantId = record.tenantId ?? record.booking?.tenantId;
    return tenantId === undefined || visible(tenantId);
  });
}

/** Whether a push event may go to this console, and in what form (a practice list is trimmed). */
export function eventFor(event: AnyEvent, principal: Principal | null): AnyEvent | null {
  if (!principal) return null;
  if (principal.practices === null) return event;
  if (event.name === 'tenants/changed') {
    const tenantIds = event.payload.tenantIds.filter((id) => canSeePractice(principal, id));
    return tenantIds.length > 0 ? { name: event.name, payload: { tenantIds } } : null;
  }
  const tenantId = (event.payload as { tenantId?: unknown }).tenantId;
  if (typeof tenantId === 'string') return canSeePractice(principal, tenantId) ? event : null;
  return event;
}

/** The practices a principal may see, out of all of them (for "All practices" lists). */
export function visiblePractices(principal: Principal | null, all: string[]): string[] {
  if (!principal || principal.practices === null) return all;
  return all.filter((id) => canSeePractice(principal, id));
}
