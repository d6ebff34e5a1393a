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

/**
 * People work across practices: an account and its sessions belong to the appliance, and which
 * practices a person may see is `staff_practices`, which does carry tenant_id.
 */
// People work across practices: their accounts, sessions and remembered computers belong to the appliance.
const APPLIANCE_WIDE = new Set(['staff', 'staff_sessions', 'staff_devices']);

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
    for (const table of tables(db).filter((t) => !APPLIANCE_WIDE.has(t))) expect(columns(db, table), table).toContain('tenant_id');
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

  describe('002-bookings', () => {
    function fresh() {
      const db = new Database(':memory:');
      db.pragma('foreign_keys = ON');
      migrate(db, migrations, 2);
      db.prepare("INSERT INTO tenants VALUES ('a', 'A', '{}', 1, 0, 0)").run();
      return db;
    }
    const insert = (db: Database.Database, id: string, start: number, end: number, status = 'confirmed', provider = 'p1') =>
      db
        .prepare(
          `INSERT INTO bookings (tenant_id, booking_id, service_id, provider_id, start_at, end_at, blocked_start, blocked_end, status,
             hold_expires_at, source, created_at, created_by, updated_at, updated_by)
           VALUES ('a', ?, 's', ?, ?, ?, ?, ?, ?, ?, 'staff', 0, 'x', 0, 'x')`,
        )
        .run(id, provider, start, end, start, end, status, status === 'held' ? 1 : null);

    it('creates customers, bookings and their history', () => {
      expect(tables(fresh()).sort()).toEqual(['audit_log', 'booking_history', 'bookings', 'customers', 'tenant_phone_numbers', 'tenants']);
    });

    it('refuses overlapping active bookings of a provider, on insert and on update', () => {
      const db = fresh();
      insert(db, 'b1', 1000, 2000);
      expect(() => insert(db, 'b2', 1999, 3000)).toThrow('FRONTDESK_OVERLAP');
      expect(() => insert(db, 'b3', 500, 1001, 'held')).toThrow('FRONTDESK_OVERLAP');
      insert(db, 'b4', 2000, 3000);
      insert(db, 'b5', 1000, 2000, 'cancelled');
      insert(db, 'b6', 1000, 2000, 'confirmed', 'p2');
      expect(() => db.prepare("UPDATE bookings SET status = 'pending_review' WHERE booking_id = 'b5'").run()).toThrow('FRONTDESK_OVERLAP');
      db.prepare("UPDATE bookings SET status = 'cancelled' WHERE booking_id = 'b1'").run();
      db.prepare("UPDATE bookings SET status = 'confirmed' WHERE booking_id = 'b5'").run();
    });

    it('refuses nonsense rows: reversed times, unknown status, a hold without expiry, one idempotency key twice', () => {
      const db = fresh();
      expect(() => insert(db, 'r', 2000, 1000)).toThrow(/CHECK/);
      expect(() => insert(db, 's', 1000, 2000, 'maybe')).toThrow(/CHECK/);
      expect(() =>
        db.prepare("INSERT INTO bookings (tenant_id, booking_id, service_id, provider_id, start_at, end_at, blocked_start, blocked_end, status, source, created_at, created_by, updated_at, updated_by) VALUES ('a','h','s','p',1,2,1,2,'held','phone',0,'x',0,'x')").run(),
      ).toThrow(/CHECK/);
      db.prepare("UPDATE tenants SET name = 'A' WHERE tenant_id = 'a'").run();
      insert(db, 'k1', 1000, 2000);
      db.prepare("UPDATE bookings SET idempotency_key = 'key' WHERE booking_id = 'k1'").run();
      insert(db, 'k2', 5000, 6000);
      expect(() => db.prepare("UPDATE bookings SET idempotency_key = 'key' WHERE booking_id = 'k2'").run()).toThrow(/UNIQUE/);
    });
  });

  describe('003-calls', () => {
    it('creates calls (one per CallSid), transcripts, messages, the action log and webhook replay', () => {
      const db = new Database(':memory:');
      migrate(db, migrations, 3);
      expect(tables(db)).toEqual(expect.arrayContaining(['calls', 'transcript_turns', 'messages', 'action_log', 'webhook_responses']));
      db.prepare("INSERT INTO tenants VALUES ('a', 'A', '{}', 1, 0, 0)").run();
      const call = db.prepare("INSERT INTO calls (tenant_id, call_id, call_sid, to_number, started_at, twilio_status, brain, state_json) VALUES ('a', ?, 'CA1', '+1', 0, 'ringing', 'rules', '{}')");
      call.run('c1');
      expect(() => call.run('c2')).toThrow(/UNIQUE/);
      expect(() => db.prepare("UPDATE calls SET outcome = 'maybe'").run()).toThrow(/CHECK/);
    });
  });

  describe('004-outbox', () => {
    it('keeps one row per deterministic dedupe key', () => {
      const db = new Database(':memory:');
      migrate(db, migrations, 4);
      db.prepare("INSERT INTO tenants VALUES ('a', 'A', '{}', 1, 0, 0)").run();
      const insert = db.prepare("INSERT INTO outbox (tenant_id, outbox_id, kind, dedupe_key, payload_json, next_attempt_at, created_at) VALUES ('a', ?, 'sms', 'review:b1:approved', '{}', 0, 0)");
      insert.run('o1');
      expect(() => insert.run('o2')).toThrow(/UNIQUE/);
    });
  });

  describe('005-booking-status-index', () => {
    it('makes counting a practice\'s pending bookings an index lookup', () => {
      const db = new Database(':memory:');
      migrate(db, migrations, 5);
      const plan = db.prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM bookings WHERE tenant_id = 'a' AND status = 'pending_review'").all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING COVERING INDEX bookings_tenant_status/);
    });
  });
  describe('006-webhook-replay-per-call', () => {
    it('keys a replayed answer by practice and call as well as token and route, keeping stored answers', () => {
      const db = new Database(':memory:');
      migrate(db, migrations, 5);
      db.prepare("INSERT INTO webhook_responses (tenant_id, idempotency_token, path, call_sid, twiml, created_at) VALUES ('a', 't1', '/twilio/voice', 'CA1', '<Response/>', 5)").run();
      migrate(db, migrations, 6);
      expect(db.prepare('SELECT tenant_id, call_sid, idempotency_token, path, twiml FROM webhook_responses').all()).toEqual([
        { tenant_id: 'a', call_sid: 'CA1', idempotency_token: 't1', path: '/twilio/voice', twiml: '<Response/>' },
      ]);
      const insert = db.prepare("INSERT INTO webhook_responses (tenant_id, call_sid, idempotency_token, path, twiml, created_at) VALUES (?, ?, 't1', '/twilio/voice', '<Response/>', 0)");
      insert.run('a', 'CA2');
      insert.run('b', 'CA1');
      expect(() => insert.run('a', 'CA1')).toThrow(/UNIQUE/);
    });
  });

  describe('007-customer-language', () => {
    it('adds a language to customers that only takes a known language', () => {
      const db = new Database(':memory:');
      migrate(db, migrations, 7);
      expect(columns(db, 'customers')).toContain('language');
      db.pragma('foreign_keys = OFF');
      db.prepare("INSERT INTO customers (tenant_id, customer_id, phone, name, notes, created_at, updated_at, language) VALUES ('a', 'c1', '+15555550100', 'Ana', '', 0, 0, 'es')").run();
      expect(db.prepare("SELECT language FROM customers WHERE customer_id = 'c1'").get()).toEqual({ language: 'es' });
      expect(() => db.prepare("UPDATE customers SET language = 'klingon' WHERE customer_id = 'c1'").run()).toThrow(/CHECK/);
    });
  });

  describe('011-interrupted-lines', () => {
    it('marks transcript lines the caller cut off, existing lines counting as heard in full', () => {
      const db = new Database(':memory:');
      migrate(db, migrations, 10);
      db.prepare("INSERT INTO tenants VALUES ('a', 'A', '{}', 1, 0, 0)").run();
      db.prepare("INSERT INTO calls (tenant_id, call_id, call_sid, to_number, started_at, twilio_status, brain, state_json) VALUES ('a', 'c1', 'CA1', '+1', 0, 'ringing', 'rules', '{}')").run();
      db.prepare("INSERT INTO transcript_turns (tenant_id, call_id, at, speaker, text) VALUES ('a', 'c1', 0, 'receptionist', 'Hello')").run();
      migrate(db, migrations, 11);
      expect(db.prepare('SELECT interrupted FROM transcript_turns').get()).toEqual({ interrupted: 0 });
      db.prepare("INSERT INTO transcript_turns (tenant_id, call_id, at, speaker, text, interrupted) VALUES ('a', 'c1', 1, 'receptionist', 'Your appointment is', 1)").run();
      expect(() => db.prepare("UPDATE transcript_turns SET interrupted = 2").run()).toThrow(/CHECK/);
    });
  });

  describe('012-turn-latency', () => {
    it('keeps one latency row per call turn, gone with its call', () => {
      const db = new Database(':memory:');
      migrate(db, migrations, 12);
      db.pragma('foreign_keys = ON');
      db.prepare("INSERT INTO tenants VALUES ('a', 'A', '{}', 1, 0, 0)").run();
      db.prepare("INSERT INTO calls (tenant_id, call_id, call_sid, to_number, started_at, twilio_status, brain, state_json) VALUES ('a', 'c1', 'CA1', '+1', 0, 'ringing', 'rules', '{}')").run();
      const insert = db.prepare("INSERT INTO turn_latency (tenant_id, call_id, turn, at, end_of_speech_ms, first_sentence_ms, first_audio_ms) VALUES ('a', 'c1', ?, 0, 300, 2, 4)");
      insert.run(1);
      expect(() => insert.run(1)).toThrow(/UNIQUE|PRIMARY/);
      db.prepare("DELETE FROM calls WHERE call_id = 'c1'").run();
      expect(db.prepare('SELECT count(*) AS n FROM turn_latency').get()).toEqual({ n: 0 });
    });
  });

  describe('013-llm-usage', () => {
    it('keeps tokens per call and model, refuses negative counts, and sums a call by index', () => {
      const db = new Database(':memory:');
      migrate(db, migrations, 13);
      const insert = db.prepare("INSERT INTO llm_usage (tenant_id, call_id, at, model, prompt_tokens, completion_tokens) VALUES ('a', 'c1', 0, 'm', ?, ?)");
      insert.run(100, 20);
      insert.run(50, 5);
      expect(() => insert.run(-1, 0)).toThrow(/CHECK/);
      expect(db.prepare("SELECT sum(prompt_tokens) AS p, sum(completion_tokens) AS c FROM llm_usage WHERE tenant_id = 'a' AND call_id = 'c1'").get()).toEqual({ p: 150, c: 25 });
      const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM llm_usage WHERE tenant_id = 'a' AND call_id = 'c1'").all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/INDEX llm_usage_call/);
    });
  });

  describe('014-staff', () => {
    it('stores accounts with a unique name (any case), their practices, and sessions that go with them', () => {
      const db = new Database(':memory:');
      db.pragma('foreign_keys = ON');
      migrate(db, migrations, 14);
      const add = db.prepare("INSERT INTO staff (staff_id, name, role, all_practices, password_hash, created_at) VALUES (?, ?, ?, 0, 'h', 1)");
      add.run('s1', 'Dana Desk', 'desk');
      expect(() => add.run('s2', 'dana desk', 'desk')).toThrow(/UNIQUE/);
      expect(() => add.run('s3', 'Boss', 'admin')).toThrow(/CHECK/);
      db.prepare("INSERT INTO staff_practices (staff_id, tenant_id) VALUES ('s1', 'bright-smiles')").run();
      db.prepare("INSERT INTO staff_sessions (token_hash, staff_id, created_at, expires_at) VALUES ('t', 's1', 1, 2)").run();
      db.prepare("DELETE FROM staff WHERE staff_id = 's1'").run();
      expect(db.prepare('SELECT count(*) AS n FROM staff_practices').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM staff_sessions').get()).toEqual({ n: 0 });
    });
  });
});
