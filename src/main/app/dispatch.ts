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
import type { CommandContext } from './app-types.js';

export type CommandHandlers = {
  [N in CommandName]: (input: z.output<Commands[N]['input']>, context: CommandContext) => CommandOutput<N> | Promise<CommandOutput<N>>;
};

export type Dispatch = (name: string, input: unknown, context: CommandContext) => Promise<CommandResult>;

/**
 * The one entry every transport uses: checks the command exists, validates input with the
 * contract's schema, runs the handler, and turns every failure into a typed error value.
 */
export function createDispatch(handlers: CommandHandlers, logger: Logger): Dispatch {
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
      const handler = handlers[name] as (input: unknown, context: CommandContext) => unknown;
      return { ok: true, output: await handler(parsed.data, context) };
    } catch (error) {
      if (error instanceof ContractError) return { ok: false, error: error.toShape() };
      logger.error({ command: name, transport: context.transport, err: error }, 'command failed');
      return { ok: false, error: { code: 'internal', message: 'Something went wrong on the appliance. The error was logged.' } };
    }
  };
}
