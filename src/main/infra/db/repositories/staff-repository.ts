import type { DeviceLinkRepository, SessionRepository, StaffRecord, StaffRepository, StaffRole } from '../../../core/staff/index.js';
import type { Db } from '../database.js';

interface StaffRow {
  staff_id: string;
  name: string;
  role: StaffRole;
  all_practices: number;
  password_hash: string;
  created_at: number;
  failed_attempts: number;
  locked_until: number | null;
}

export function createStaffRepository(db: Db): StaffRepository {
  const practicesOf = db.prepare<[string], { tenant_id: string }>('SELECT tenant_id FROM staff_practices WHERE staff_id = ? ORDER BY tenant_id');
  const toRecord = (row: StaffRow): StaffRecord => ({
    id: row.staff_id,
    name: row.name,
    role: row.role,
    practices: row.all_practices === 1 ? null : practicesOf.all(row.staff_id).map((r) => r.tenant_id),
    passwordHash: row.password_hash,
    createdAt: row.created_at,
    failedAttempts: row.failed_attempts,
    lockedUntil: row.locked_until,
  });
  const insertStaff = db.prepare(`
    INSERT INTO staff (staff_id, name, role, all_practices, password_hash, created_at, failed_attempts, locked_until)
    VALUES (@id, @name, @role, @allPractices, @passwordHash, @createdAt, 0, NULL)`);
  const insertPractice = db.prepare<[string, string]>('INSERT INTO staff_practices (staff_id, tenant_id) VALUES (?, ?)');
  const clearPractices = db.prepare<[string]>('DELETE FROM staff_practices WHERE staff_id = ?');
  const setPractices = (id: string, practices: string[] | null) => {
    clearPractices.run(id);
    for (const tenantId of practices ?? []) insertPractice.run(id, tenantId);
    db.prepare('UPDATE staff SET all_practices = ? WHERE staff_id = ?').run(practices === null ? 1 : 0, id);
  };
  const list = db.prepare<[], StaffRow>('SELECT * FROM staff ORDER BY name COLLATE NOCASE');
  const byName = db.prepare<[string], StaffRow>('SELECT * FROM staff WHERE name = ? COLLATE NOCASE');
  const byId = db.prepare<[string], StaffRow>('SELECT * FROM staff WHERE staff_id = ?');
  const remove = db.prepare<[string]>('DELETE FROM staff WHERE staff_id = ?');
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM staff');
  const failure = db.prepare<[number, number | null, string]>('UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE staff_id = ?');
  return {
    insert: db.transaction((record: StaffRecord) => {
      insertStaff.run({ ...record, allPractices: record.practices === null ? 1 : 0 });
      setPractices(record.id, record.practices);
    }),
    list: () => list.all().map(toRecord),
    findByName: (name) => {
      const row = byName.get(name);
      return row ? toRecord(row) : null;
    },
    findById: (id) => {
      const row = byId.get(id);
      return row ? toRecord(row) : null;
    },
    remove: (id) => void remove.run(id),
    count: () => count.get()?.n ?? 0,
    recordFailure: (id, failedAttempts, lockedUntil) => void failure.run(failedAttempts, lockedUntil, id),
    update: db.transaction((id: string, patch: { role?: StaffRole; practices?: string[] | null; passwordHash?: string }) => {
      if (patch.role) db.prepare('UPDATE staff SET role = ? WHERE staff_id = ?').run(patch.role, id);
      if (patch.passwordHash) db.prepare('UPDATE staff SET password_hash = ? WHERE staff_id = ?').run(patch.passwordHash, id);
      if (patch.practices !== undefined) setPractices(id, patch.practices);
    }),
  };
}

export function createSessionRepository(db: Db): SessionRepository {
  const insert = db.prepare('INSERT INTO staff_sessions (token_hash, staff_id, created_at, expires_at) VALUES (@tokenHash, @staffId, @createdAt, @expiresAt)');
  const find = db.prepare<[string], { token_hash: string; staff_id: string; created_at: number; expires_at: number }>(
    'SELECT * FROM staff_sessions WHERE token_hash = ?',
  );
  const extend = db.prepare<[number, string]>('UPDATE staff_sessions SET expires_at = ? WHERE token_hash = ?');
  const remove = db.prepare<[string]>('DELETE FROM staff_sessions WHERE token_hash = ?');
  const removeForStaff = db.prepare<[string]>('DELETE FROM staff_sessions WHERE staff_id = ?');
  return {
    insert: (record) => void insert.run(record),
    find: (tokenHash) => {
      const row = find.get(tokenHash);
      return row ? { tokenHash: row.token_hash, staffId: row.staff_id, createdAt: row.created_at, expiresAt: row.expires_at } : null;
    },
    extend: (tokenHash, expiresAt) => void extend.run(expiresAt, tokenHash),
    remove: (tokenHash) => void remove.run(tokenHash),
    removeForStaff: (staffId) => void removeForStaff.run(staffId),
  };
}

export function createDeviceLinkRepository(db: Db): DeviceLinkRepository {
  const insert = db.prepare('INSERT INTO staff_devices (token_hash, staff_id, os_user, created_at, last_used_at) VALUES (@tokenHash, @staffId, @osUser, @createdAt, @lastUsedAt)');
  const find = db.prepare<[string], { token_hash: string; staff_id: string; os_user: string; created_at: number; last_used_at: number }>(
    'SELECT * FROM staff_devices WHERE token_hash = ?',
  );
  const touch = db.prepare<[number, string]>('UPDATE staff_devices SET last_used_at = ? WHERE token_hash = ?');
  const remove = db.prepare<[string]>('DELETE FROM staff_devices WHERE token_hash = ?');
  const removeForStaff = db.prepare<[string]>('DELETE FROM staff_devices WHERE staff_id = ?');
  const count = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM staff_devices WHERE staff_id = ?');
  return {
    insert: (record) => void insert.run(record),
    find: (tokenHash) => {
      const row = find.get(tokenHash);
      return row ? { tokenHash: row.token_hash, staffId: row.staff_id, osUser: row.os_user, createdAt: row.created_at, lastUsedAt: row.last_used_at } : null;
    },
    touch: (tokenHash, lastUsedAt) => void touch.run(lastUsedAt, tokenHash),
    remove: (tokenHash) => void remove.run(tokenHash),
    removeForStaff: (staffId) => removeForStaff.run(staffId).changes,
    countForStaff: (staffId) => count.get(staffId)?.n ?? 0,
  };
}
