import { formatIssues, formatPath } from '../../../shared/contract/errors.js';
import { tenantConfigSchema, type TenantConfig } from '../../../shared/contract/tenant.js';
import type { Path } from './settings-draft.js';

/** Field errors by path ("services[2].durationMinutes" → ["must be a positive integer"]). */
export type FieldErrors = ReadonlyMap<string, readonly string[]>;

export interface Validation {
  ok: boolean;
  /** The parsed configuration (defaults filled in) when the draft is valid. */
  config: TenantConfig | null;
  errors: FieldErrors;
  /** Every problem as one line, "services[2].durationMinutes: must be a positive integer". */
  lines: string[];
}

/**
 * The draft checked with the very schema the appliance uses, so the form refuses exactly what
 * `tenants/save` would and says it in the same words.
 */
export function validateDraft(draft: unknown): Validation {
  const result = tenantConfigSchema.safeParse(draft, { reportInput: true });
  if (result.success) return { ok: true, config: result.data, errors: new Map(), lines: [] };
  const lines = formatIssues(result.error);
  const errors = new Map<string, string[]>();
  result.error.issues.forEach((issue, index) => {
    const path = formatPath(issue.path);
    const line = lines[index] ?? issue.message;
    add(errors, path, path && line.startsWith(`${path}: `) ? line.slice(path.length + 2) : line);
  });
  return { ok: false, config: null, errors, lines };
}

const PATH_PREFIX = /^([A-Za-z$_][\w$]*(?:\[\d+\]|\.[A-Za-z$_][\w$]*)*): (.+)$/s;

/** The appliance's `details` ("hours.mon[0]: must end after it starts") as field errors; lines without a path go under "". */
export function errorsFromDetails(details: readonly string[]): FieldErrors {
  const errors = new Map<string, string[]>();
  for (const line of details) {
    const match = PATH_PREFIX.exec(line);
    if (match) add(errors, match[1] ?? '', match[2] ?? line);
    else add(errors, '', line);
  }
  return errors;
}

/** The errors of exactly this field. */
export function errorsAt(errors: FieldErrors, path: Path): string[] {
  return [...(errors.get(formatPath(path)) ?? [])];
}

/** The errors of this field and everything inside it (a whole service, a day's intervals). */
export function errorsUnder(errors: FieldErrors, path: Path): string[] {
  const key = formatPath(path);
  const out: string[] = [];
  for (const [errorPath, messages] of errors) {
    if (key === '' || errorPath === key || errorPath.startsWith(`${key}.`) || errorPath.startsWith(`${key}[`)) out.push(...messages);
  }
  return out;
}

/** How many problems sit under `path`. */
export function countUnder(errors: FieldErrors, path: Path): number {
  return errorsUnder(errors, path).length;
}

/** Both sets of errors, without repeating a message the browser and the appliance both found. */
export function mergeErrors(a: FieldErrors, b: FieldErrors): FieldErrors {
  const merged = new Map<string, string[]>();
  for (const source of [a, b]) {
    for (const [path, messages] of source) for (const message of messages) add(merged, path, message);
  }
  return merged;
}

/** The errors left after a field was edited: the appliance's old verdict on it no longer applies. */
export function withoutUnder(errors: FieldErrors, path: Path): FieldErrors {
  const key = formatPath(path);
  const kept = new Map<string, readonly string[]>();
  for (const [errorPath, messages] of errors) {
    if (errorPath === key || errorPath.startsWith(`${key}.`) || errorPath.startsWith(`${key}[`)) continue;
    kept.set(errorPath, messages);
  }
  return kept;
}

function add(errors: Map<string, string[]>, path: string, message: string) {
  const list = errors.get(path) ?? [];
  if (!list.includes(message)) list.push(message);
  errors.set(path, list);
}
