import type { ContractErrorShape, ErrorCode } from '../../shared/contract/errors.js';

/**
 * What `ConsoleClient.call` throws: either the appliance's own error result (`ok: false`) or a
 * transport failure (connection lost, no answer in time), which always carries `unavailable`.
 */
export class CommandError extends Error {
  override readonly name = 'CommandError';

  constructor(
    readonly command: string,
    readonly code: ErrorCode,
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }

  static fromShape(command: string, shape: ContractErrorShape): CommandError {
    return new CommandError(command, shape.code, shape.message, shape.details ?? []);
  }
}

export function isCommandError(value: unknown): value is CommandError {
  return value instanceof CommandError;
}

/** A sentence for people, whatever was thrown. */
export function describeError(value: unknown): string {
  if (value instanceof Error) return value.message;
  return String(value);
}
