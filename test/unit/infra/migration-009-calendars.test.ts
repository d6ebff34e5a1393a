import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/infra/db/migrate.js';
import { migrations } from '../../../src/main/infra/db/migrations/index.js';

function fresh() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, 9);
  db.prepare("INSERT INTO tenants (tenant_id, name, config_json, revision, created_at, updated_at) VALUES ('a', 'A', '{}', 1, 0, 0)").run();
  return db;
}

const connection = (db: Database.Database, id: string, kind = 'caldav') =>
  db.prepare("INSERT INTO calendar_connections (tenant_id, connection_id, provider_id, kind, label, address, created_at) VALUES ('a', ?, 'maria', ?, 'Work', 'https://x', 0)").run(id, kind);

describe('009-calendars', () => {
  it('keeps connections per provider, several allowed, of the four kinds only', () => {
    const db = fresh();
    connection(db, 'c1');
    connection(db, 'c2', 'ics');
    expect(() => connection(db, 'c3', 'exchange')).toThrow(/CHECK/);
    expect(db.prepare("SELECT count(*) AS n FROM calendar_connections WHERE tenant_id = 'a' AND provider_id = 'maria'").get()).toEqual({ n: 2 });
  });

  it('deletes a connection\'s busy cache, links and queued changes with it', () => {
    const db = fresh();
    connection(db, 'c1');
    db.prepare("INSERT INTO calendar_events (tenant_id, connection_id, uid, start_at, end_at, busy) VALUES ('a', 'c1', 'e1', 0, 1, 1)").run();
    db.prepare("INSERT INTO calendar_links (tenant_id, connection_id, booking_id, event_id, remote_id, start_at, end_at) VALUES ('a', 'c1', 'b1', 'x', 'y', 0, 1)").run();
    db.prepare("INSERT INTO calendar_outbox (tenant_id, connection_id, booking_id, op, next_attempt_at, created_at) VALUES ('a', 'c1', 'b1', 'put', 0, 0)").run();
    db.prepare("DELETE FROM calendar_connections WHERE connection_id = 'c1'").run();
    for (const table of ['calendar_events', 'calendar_links', 'calendar_outbox']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
  });

  it('numbers the outbox in insertion order and refuses unknown operations', () => {
    const db = fresh();
    connection(db, 'c1');
    const insert = db.prepare("INSERT INTO calendar_outbox (tenant_id, connection_id, booking_id, op, next_attempt_at, created_at) VALUES ('a', 'c1', 'b1', ?, 0, 0)");
    const first = Number(insert.run('put').lastInsertRowid);
    const second = Number(insert.run('remove').lastInsertRowid);
    expect(second).toBeGreaterThan(first);
    expect(() => insert.run('patch')).toThrow(/CHECK/);
  });
});
