import { ContractError, type CommandResult } from '../../shared/contract/index.js';

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Prints a command result for people, or as JSON with `--json`; returns the exit code. */
export function printResult<T>(result: CommandResult<T>, json: boolean, human: (output: T) => string): number {
  if (result.ok) {
    process.stdout.write(json ? `${JSON.stringify(result.output, null, 2)}\n` : `${human(result.output)}\n`);
    return EXIT.ok;
  }
  printError(result.error, json);
  return result.error.code === 'invalid_input' || result.error.code === 'unknown_command' ? EXIT.usage : EXIT.failed;
}

export function printError(error: { code: string; message: string; details?: string[] | undefined }, json: boolean): void {
  if (json) process.stderr.write(`${JSON.stringify({ error })}\n`);
  else process.stderr.write(`Error: ${error.message}\n${(error.details ?? []).map((d) => `  - ${d}\n`).join('')}`);
}

export function toErrorShape(error: unknown): { code: string; message: string; details?: string[] } {
  if (error instanceof ContractError) return error.toShape();
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
