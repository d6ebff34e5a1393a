import { z } from 'zod';

/** Every failure that crosses the contract carries one of these codes and a sentence for people. */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_command',
  'not_found',
  'conflict',
  'outside_rules',
  'unauthorized',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const contractErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.array(z.string()).optional(),
});
export type ContractErrorShape = z.infer<typeof contractErrorSchema>;

/** A typed error value: thrown inside the core, turned into a `ContractErrorShape` at a boundary. */
export class ContractError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: string[],
  ) {
    super(message);
    this.name = 'ContractError';
  }

  toShape(): ContractErrorShape {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

/** Formats zod issues the way every Frontdesk error reads: `services[2].durationMinutes: must be a positive integer`. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path);
    // With `reportInput`, a missing field reads as "is required" rather than a type complaint.
    const missing = issue.code === 'invalid_type' && 'input' in issue && issue.input === undefined;
    const message = missing ? 'is required' : issue.message;
    return path ? `${path}: ${message}` : message;
  });
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
