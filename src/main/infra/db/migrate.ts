import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/**
 * Applies every migration above `user_version`, each in its own IMMEDIATE transaction that also
 * bumps `user_version`, so a crash mid-way leaves the database at a whole version. Two processes
 * opening a fresh folder at once serialize on the write lock and the loser sees the new version.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[], target = Infinity): number {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  ordered.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  for (const migration of ordered) {
    if (migration.version > target) break;
    const apply = db.transaction(() => {
      const current = db.pragma('user_version', { simple: true }) as number;
      if (current >= migration.version) return;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    });
    apply.immediate();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
