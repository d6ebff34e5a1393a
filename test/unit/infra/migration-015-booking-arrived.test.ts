import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/infra/db/migrate.js';
import { migrations } from '../../../src/main/infra/db/migrations/index.js';

const HOUR = 3_600_000;

function seed(db: Database.Database): void {
  db.prepare("INSERT INTO tenants VALUES ('a', 'A', '{}', 1, 0, 0)").run();
  db.prepare("INSERT INTO customers (tenant_id, customer_id, phone, name, created_at, updated_at) VALUES ('a', 'c1', '+15555550199', 'Ann', 0, 0)").run();
  const book = db.prepare(
    "INSERT INTO bookings (tenant_id, booking_id, customer_id, service_id, provider_id, start_at, end_at, blocked_start, blocked_end, status, source, created_at, created_by, updated_at, updated_by) VALUES ('a', ?, 'c1', 'cleaning', 'kim', ?, ?, ?, ?, ?, 'staff', 0, 'Dana', 0, 'Dana')",
  );
  book.run('b1', 10 * HOUR, 11 * HOUR, 10 * HOUR, 11 * HOUR, 'confirmed');
  book.run('b2', 12 * HOUR, 13 * HOUR, 12 * HOUR, 13 * HOUR, 'cancelled');
  db.prepare("INSERT INTO booking_history (tenant_id, booking_id, at, actor, action, from_status, to_status) VALUES ('a', 'b1', 5, 'Dana', 'created', NULL, 'confirmed')").run();
}

describe('015-booking-arrived', () => {
  it('keeps every booking and its history, and accepts the arrived status', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 14);
    seed(db);
    migrate(db, migrations, 15);
    expect(db.prepare('SELECT booking_id, status, created_by FROM bookings ORDER BY booking_id').all()).toEqual([
      { booking_id: 'b1', status: 'confirmed', created_by: 'Dana' },
      { booking_id: 'b2', status: 'cancelled', created_by: 'Dana' },
    ]);
    expect(db.prepare('SELECT booking_id, actor, action, to_status FROM booking_history').all()).toEqual([{ booking_id: 'b1', actor: 'Dana', action: 'created', to_status: 'confirmed' }]);
    db.prepare("UPDATE bookings SET status = 'arrived' WHERE booking_id = 'b1'").run();
    expect(() => db.prepare("UPDATE bookings SET status = 'waiting' WHERE booking_id = 'b1'").run()).toThrow(/CHECK/);
    // The history still goes with its booking.
    db.prepare("DELETE FROM bookings WHERE booking_id = 'b1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM booking_history').get()).toEqual({ n: 0 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('still refuses an overlap, and an arrived patient keeps their provider busy', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 14);
    seed(db);
    migrate(db, migrations, 15);
    db.prepare("UPDATE bookings SET status = 'arrived' WHERE booking_id = 'b1'").run();
    const overlapping = () =>
      db
        .prepare(
          "INSERT INTO bookings (tenant_id, booking_id, service_id, provider_id, start_at, end_at, blocked_start, blocked_end, status, source, created_at, created_by, updated_at, updated_by) VALUES ('a', 'b3', 'cleaning', 'kim', ?, ?, ?, ?, 'confirmed', 'staff', 0, 'x', 0, 'x')",
        )
        .run(10.5 * HOUR, 11.5 * HOUR, 10.5 * HOUR, 11.5 * HOUR);
    expect(overlapping).toThrow(/FRONTDESK_OVERLAP/);
    db.prepare("UPDATE bookings SET status = 'completed' WHERE booking_id = 'b1'").run();
    expect(overlapping).not.toThrow();
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'bookings'").all() as { name: string }[]).map((i) => i.name);
    expect(indexes).toEqual(expect.arrayContaining(['bookings_idempotency', 'bookings_provider_blocked', 'bookings_tenant_start', 'bookings_customer', 'bookings_held', 'bookings_tenant_status']));
  });
});
