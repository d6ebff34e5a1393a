import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/infra/db/migrate.js';
import { migrations } from '../../../src/main/infra/db/migrations/index.js';
import { migration016StaffDevices } from '../../../src/main/infra/db/migrations/016-staff-devices.js';

describe('016-staff-devices', () => {
  it('links an OS user to a staff account by token hash, and drops the links with the person', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, migration016StaffDevices.version - 1);
    db.prepare("INSERT INTO staff (staff_id, name, role, all_practices, password_hash, created_at) VALUES ('s1', 'Dana', 'desk', 1, 'h', 0)").run();
    migrate(db, migrations, migration016StaffDevices.version);
    const insert = db.prepare("INSERT INTO staff_devices (token_hash, staff_id, os_user, created_at, last_used_at) VALUES (?, ?, 'dana', 0, 0)");
    insert.run('hash-1', 's1');
    expect(() => insert.run('hash-1', 's1')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run('hash-2', 'nobody')).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM staff WHERE staff_id = 's1'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM staff_devices').get()).toEqual({ n: 0 });
  });
});
