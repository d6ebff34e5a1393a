import type { Db } from './database.js';

/**
 * Runs a function in one BEGIN IMMEDIATE transaction (a savepoint when already inside one). The
 * wrapper is built once per database: better-sqlite3 builds five functions for every
 * `db.transaction(fn)`, and a call's turn writes several times.
 */
export function immediateTransactions(db: Db): <T>(fn: () => T) => T {
  const run = db.transaction((fn: () => unknown) => fn()).immediate;
  return <T>(fn: () => T): T => run(fn) as T;
}
