import type { Db } from '../database.js';

/**
 * Only ever used on a scratch copy of the data, for `frontdesk replay`: turns the book back to how
 * it stood before `at`, so replayed calls meet the schedule their callers met. Bookings made since
 * are cancelled and customers first seen since are forgotten (no caller ID match, no name).
 */
export function createReplayScratchRepository(db: Db) {
  const cancelSince = db.prepare(
    "UPDATE bookings SET status = 'cancelled', updated_at = @at, updated_by = 'replay' WHERE tenant_id = @tenantId AND created_at >= @at AND status IN ('held', 'pending_review', 'confirmed')",
  );
  const forgetSince = db.prepare('UPDATE customers SET phone = NULL, name = NULL WHERE tenant_id = @tenantId AND created_at >= @at');
  return {
    rewindTo(tenantId: string, at: number): void {
      db.transaction(() => {
        cancelSince.run({ tenantId, at });
        forgetSince.run({ tenantId, at });
      })();
    },
  };
}

/** A consistent copy of a live database into `path` (safe while the appliance runs: WAL readers don't block). */
export function copyDatabase(db: Db, path: string): void {
  db.prepare('VACUUM INTO ?').run(path);
}
