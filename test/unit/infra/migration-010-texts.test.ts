import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/infra/db/migrate.js';
import { migrations } from '../../../src/main/infra/db/migrations/index.js';

describe('010-texts', () => {
  it('keeps an existing outbox row, filling its number from the payload, and adds the texting tables', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, 9);
    db.prepare("INSERT INTO tenants VALUES ('a', 'A', '{}', 1, 0, 0)").run();
    db.prepare("INSERT INTO outbox (tenant_id, outbox_id, kind, dedupe_key, payload_json, next_attempt_at, created_at) VALUES ('a', 'o1', 'sms', 'review:b1:approved', '{\"to\":\"+15555550199\",\"body\":\"hi\"}', 0, 0)").run();
    migrate(db, migrations, 10);
    expect(db.prepare('SELECT to_phone, purpose, delivery_status FROM outbox').get()).toEqual({ to_phone: '+15555550199', purpose: 'notice', delivery_status: null });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['inbound_texts', 'text_numbers', 'waitlist', 'waitlist_offers']));
  });

  it('stores an incoming MessageSid once per practice, and checks statuses', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, 10);
    db.prepare("INSERT INTO tenants VALUES ('a', 'A', '{}', 1, 0, 0)").run();
    const insert = db.prepare("INSERT INTO inbound_texts (tenant_id, text_id, message_sid, from_phone, body, received_at) VALUES ('a', ?, 'SM1', '+1', 'yes', 0)");
    insert.run('t1');
    expect(() => insert.run('t2')).toThrow(/UNIQUE/);
    expect(() =>
      db.prepare("INSERT INTO waitlist (tenant_id, entry_id, phone, service_id, from_date, to_date, status, created_at, created_by, updated_at) VALUES ('a', 'w1', '+1', 's', '2026-01-01', '2026-01-02', 'maybe', 0, 'x', 0)").run(),
    ).toThrow(/CHECK/);
  });
});
