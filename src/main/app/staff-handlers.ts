import { ContractError } from '../../shared/contract/index.js';
import type { StaffService } from '../core/staff/index.js';
import type { CommandContext, SessionControl } from './app-types.js';
import type { CommandHandlers } from './dispatch.js';

export interface StaffHandlerDeps {
  staff: StaffService;
}

type StaffCommand = 'session/get' | 'session/sign-in' | 'session/resume' | 'session/sign-out' | 'staff/list' | 'staff/add' | 'staff/remove';

function sessionOf(context: CommandContext): SessionControl {
  if (!context.session) throw new ContractError('invalid_input', 'Signing in is for the console; the command line acts as the appliance itself.');
  return context.session;
}

export function createStaffHandlers(deps: StaffHandlerDeps): Pick<CommandHandlers, StaffCommand> {
  const { staff } = deps;
  return {
    'session/get': (_input, context) => sessionOf(context).state(),
    'session/sign-in': async ({ name, password }, context) => {
      const signed = await sessionOf(context).signIn(name, password);
      return { ...signed, expiresAt: new Date(signed.expiresAt).toISOString() };
    },
    'session/resume': ({ token }, context) => sessionOf(context).resume(token),
    'session/sign-out': ({ token }, context) => sessionOf(context).signOut(token),
    'staff/list': () => staff.list().map(({ name, role, practices }) => ({ name, role, practices })),
    'staff/add': async ({ name, role, practices, password }) => {
      const added = await staff.add({ name, role, practices, password });
      return { name: added.name, role: added.role, practices: added.practices };
    },
    'staff/remove': ({ name }, context) => {
      if (context.principal && context.principal.name.toLowerCase() === name.trim().toLowerCase()) {
        throw new ContractError('conflict', 'You cannot remove yourself; ask another owner.');
      }
      const removed = staff.remove(name);
      return { name: removed.name, role: removed.role, practices: removed.practices };
    },
  };
}
