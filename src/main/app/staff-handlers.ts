import { ContractError } from '../../shared/contract/index.js';
import type { StaffService, StaffSummary } from '../core/staff/index.js';
import type { CommandContext, SessionControl } from './app-types.js';
import type { CommandHandlers } from './dispatch.js';
import type { EventBus } from './event-bus.js';

export interface StaffHandlerDeps {
  staff: StaffService;
  events: EventBus;
}

type StaffCommand =
  | 'session/get'
  | 'session/sign-in'
  | 'session/resume'
  | 'session/sign-out'
  | 'staff/list'
  | 'staff/add'
  | 'staff/remove'
  | 'staff/update'
  | 'staff/reset-password'
  | 'session/remember-device'
  | 'session/sign-in-remembered'
  | 'staff/forget-devices';

function sessionOf(context: CommandContext): SessionControl {
  if (!context.session) throw new ContractError('invalid_input', 'Signing in is for the console; the command line acts as the appliance itself.');
  return context.session;
}

const isSelf = (context: CommandContext, name: string) => context.principal?.name.toLowerCase() === name.trim().toLowerCase();
const member = ({ name, role, practices }: StaffSummary) => ({ name, role, practices });

export function createStaffHandlers(deps: StaffHandlerDeps): Pick<CommandHandlers, StaffCommand> {
  const { staff, events } = deps;
  /** Every console re-reads who it is signed in as: a change applies to open sessions at once. */
  const changed = <T>(result: T): T => {
    events.publish({ name: 'staff/changed', payload: {} });
    return result;
  };
  return {
    'session/get': (_input, context) => sessionOf(context).state(),
    'session/sign-in': async ({ name, password }, context) => {
      const signed = await sessionOf(context).signIn(name, password);
      return { ...signed, expiresAt: new Date(signed.expiresAt).toISOString() };
    },
    'session/resume': ({ token }, context) => sessionOf(context).resume(token),
    'session/sign-out': ({ token }, context) => sessionOf(context).signOut(token),
    'session/remember-device': (_input, context) => ({ remembered: sessionOf(context).rememberHere() }),
    'session/sign-in-remembered': (_input, context) => {
      const signed = sessionOf(context).signInRemembered();
      return signed ? { ...signed, expiresAt: new Date(signed.expiresAt).toISOString() } : null;
    },
    'staff/forget-devices': ({ name }) => {
      const { summary, forgotten } = staff.forgetDevices(name);
      return { name: summary.name, forgotten };
    },
    'staff/list': () => staff.list().map(member),
    'staff/add': async ({ name, role, practices, password }) => changed(member(await staff.add({ name, role, practices, password }))),
    'staff/remove': ({ name }, context) => {
      if (isSelf(context, name)) throw new ContractError('conflict', 'You cannot remove yourself; ask another owner.');
      return changed(member(staff.remove(name)));
    },
    'staff/update': ({ name, role, practices }, context) => {
      if (isSelf(context, name) && role === 'desk') throw new ContractError('conflict', 'You cannot take away your own owner role; ask another owner.');
      return changed(member(staff.update(name, { ...(role ? { role } : {}), ...(practices !== undefined ? { practices } : {}) })));
    },
    'staff/reset-password': async ({ name, password }, context) =>
      changed(member(await staff.resetPassword(name, password, { keepSessions: isSelf(context, name) }))),
  };
}
