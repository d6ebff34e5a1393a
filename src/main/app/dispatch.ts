import type { z } from 'zod';
import {
  commands,
  ContractError,
  formatIssues,
  isCommandName,
  type CommandName,
  type CommandOutput,
  type CommandResult,
  type Commands,
} from '../../shared/contract/index.js';
import type { Logger } from '../core/kernel/index.js';
import { authorize, scopeOutput, type AccessResolvers } from './access-policy.js';
import type { CommandContext } from './app-types.js';

export type CommandHandlers = {
  [N in CommandName]: (input: z.output<Commands[N]['input']>, context: CommandContext) => CommandOutput<N> | Promise<CommandOutput<N>>;
};

export type Dispatch = (name: string, input: unknown, context: CommandContext) => Promise<CommandResult>;

/** Console transports carry a person who may be limited; the CLI and in-process callers are the appliance itself. */
function isConsole(context: CommandContext): boolean {
  return context.transport === 'ws' || context.transport === 'ipc';
}

/**
 * The one entry every transport uses: checks the command exists, validates input with the
 * contract's schema, checks that the console's signed-in person may run it on that practice,
 * runs the handler, trims lists to the practices they may see, and turns every failure into a
 * typed error value.
 */
export function createDispatch(handlers: CommandHandlers, logger: Logger, resolvers: AccessResolvers): Dispatch {
  return async (name, input, context) => {
    if (!isCommandName(name)) {
      return { ok: false, error: { code: 'unknown_command', message: `There is no command "${name}".` } };
    }
    const parsed = commands[name].input.safeParse(input ?? {}, { reportInput: true });
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'invalid_input', message: `The request for ${name} is not valid.`, details: formatIssues(parsed.error) },
      };
    }
    try {
      const principal = isConsole(context) ? (context.principal ?? null) : null;
      if (isConsole(context)) authorize(name, parsed.data, principal, resolvers);
      const handler = handlers[name] as (input: unknown, context: CommandContext) => unknown;
      const output = await handler(parsed.data, context);
      return { ok: true, output: isConsole(context) ? scopeOutput(name, output, principal) : output };
    } catch (error) {
      if (error instanceof ContractError) return { ok: false, error: error.toShape() };
      logger.error({ command: name, transport: context.transport, err: error }, 'command failed');
      return { ok: false, error: { code: 'internal', message: 'Something went wrong on the appliance. The error was logged.' } };
    }
  };
}
