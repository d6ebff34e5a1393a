import type { Migration } from '../migrate.js';

/**
 * Staff accounts and their sessions. People work across practices, so `staff` and
 * `staff_sessions` belong to the appliance rather than to one tenant; which practices a person
 * may see is `staff_practices`, one row per (person, tenant). No row at all means every practice.
 */
export const migration014Staff: Migration = {
  version: 14,
  name: '014-staff',
  up(db) {
    db.exec(`
      CREATE TABLE staff (
        staff_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('owner', 'desk')),
        all_practices INTEGER NOT NULL CHECK (all_practices IN (0, 1)),
        password_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until INTEGER
      );
      CREATE UNIQUE INDEX staff_name ON staff(name COLLATE NOCASE);
      CREATE TABLE staff_practices (
        staff_id TEXT NOT NULL REFERENCES staff(staff_id) ON DELETE CASCADE,
        tenant_id TEXT NOT NULL,
        PRIMARY KEY (staff_id, tenant_id)
      );
      CREATE TABLE staff_sessions (
        token_hash TEXT PRIMARY KEY,
        staff_id TEXT NOT NULL REFERENCES staff(staff_id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX staff_sessions_staff ON staff_sessions(staff_id);
    `);
  },
};
