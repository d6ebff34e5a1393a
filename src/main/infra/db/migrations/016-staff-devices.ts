import type { Migration } from '../migrate.js';

/**
 * "Remember me on this computer" in the desktop app: a link from an OS user on this PC to a staff
 * account. The device holds a random token (in its secrets vault); only its SHA-256 is stored here,
 * with the OS user it belongs to. Removing the person removes their links; an owner can forget them.
 */
export const migration016StaffDevices: Migration = {
  version: 16,
  name: '016-staff-devices',
  up(db) {
    db.exec(`
      CREATE TABLE staff_devices (
        token_hash TEXT PRIMARY KEY,
        staff_id TEXT NOT NULL REFERENCES staff(staff_id) ON DELETE CASCADE,
        os_user TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_used_at INTEGER NOT NULL
      );
      CREATE INDEX staff_devices_staff ON staff_devices(staff_id);
    `);
  },
};
