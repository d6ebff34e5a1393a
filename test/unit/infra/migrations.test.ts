import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/infra/db/migrate.js';
import { migrations } from '../../../src/main/infra/db/migrations/index.js';

function tables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map(
    (r) => r.name,
  );
}

function columns(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
}

describe('migrations', () => {
  it('are numbered 1..n and each bumps user_version by one', () => {
    const db = new Database(':memory:');
    for (const migration of migrations) {
      expect(migrate(db, migrations, migration.version)).toBe(migration.version);
    }
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
  });

  it('are idempotent: running again changes nothing', () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    const before = db.prepare("SELECT sql FROM sqlite_master ORDER BY name").all();
    migrate(db, migrations);
    expect(db.prepare("SELECT sql FROM sqlite_master ORDER BY name").all()).toEqual(before);
  });

  it('give every table a tenant_id, so no query can forget whose row it is', () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    for (const table of tables(db)) expect(columns(db, table), table).toContain('tenant_id');
  });

  it('refuse a gap in the numbering', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [{ version: 2, name: 'gap', up: () => {} }])).toThrow(/expected 1/);
  });

  it('roll back a failing migration as a whole, leaving the version unchanged', () => {
    const db = new Database(':memory:');
    const failing = {
      version: migrations.length + 1,
      name: 'failing',
      up: (d: Database.Database) => {
        d.exec('CREATE TABLE half_done (tenant_id TEXT)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [...migrations, failing])).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(tables(db)).not.toContain('half_done');
  });

  describe('001-tenants', () => {
    it('creates tenants, their phone numbers (one practice per number) and the audit log', () => {
      const db = new Database(':memory:');
      db.pragma('foreign_keys = ON');
      migrate(db, migrations, 1);
      expect(tables(db).sort()).toEqual(['audit_log', 'tenant_phone_numbers', 'tenants']);
      db.prepare("INSERT INTO tenants VALUES ('a', 'A', '{}', 1, 0, 0)").run();
      db.prepare("INSERT INTO tenants VALUES ('b', 'B', '{}', 1, 0, 0)").run();
      db.prepare("INSERT INTO tenant_phone_numbers VALUES ('+15555550123', 'a')").run();
      expect(() => db.prepare("INSERT INTO tenant_phone_numbers VALUES ('+15555550123', 'b')").run()).toThrow(/UNIQUE/);
      expect(() => db.prepare("INSERT INTO tenant_phone_numbers VALUES ('+15555550999', 'zzz')").run()).toThrow(/FOREIGN KEY/);
    });
  });
});
