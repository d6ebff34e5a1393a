import type { Statement } from 'better-sqlite3';
import type { Db } from './database.js';

/**
 * UPDATE statements for partial patches: only the fields present in a patch are written, and
 * one prepared statement is kept per set of fields, so repositories stay free of string building.
 */
export function createPatcher<P extends object>(options: {
  db: Db;
  table: string;
  /** Patch field → column. */
  columns: { [K in keyof P]-?: string };
  /** The row, by named parameters merged into the run: e.g. `tenant_id = @tenantId AND call_id = @callId`. */
  where: string;
  /** Turns a field's value into what SQLite stores (JSON, 0/1…). */
  encode?: { [K in keyof P]?: (value: P[K]) => unknown };
}): (key: Record<string, unknown>, patch: P) => number {
  const statements = new Map<string, Statement>();
  return (key, patch) => {
    const fields = (Object.keys(patch) as (keyof P & string)[]).filter((k) => patch[k] !== undefined).sort();
    if (fields.length === 0) return 0;
    const cacheKey = fields.join(',');
    let statement = statements.get(cacheKey);
    if (!statement) {
      statement = options.db.prepare(`UPDATE ${options.table} SET ${fields.map((f) => `${options.columns[f]} = @${f}`).join(', ')} WHERE ${options.where}`);
      statements.set(cacheKey, statement);
    }
    const values = Object.fromEntries(fields.map((f) => [f, options.encode?.[f] ? options.encode[f](patch[f]) : patch[f]]));
    return statement.run({ ...values, ...key }).changes;
  };
}
