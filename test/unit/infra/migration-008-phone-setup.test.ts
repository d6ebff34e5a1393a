import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/infra/db/migrate.js';
import { migrations } from '../../../src/main/infra/db/migrations/index.js';

describe('008-phone-setup', () => {
  const migrated = () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 8);
    db.exec("INSERT INTO tenants VALUES ('a', 'A', '{}', 1, 0, 0), ('b', 'B', '{}', 1, 0, 0)");
    return db;
  };
  const attach = (db: Database.Database, tenant: string, sid: string) =>
    db
      .prepare("INSERT INTO phone_attachments (tenant_id, number_sid, phone_number, previous_json, attached_at) VALUES (?, ?, '+15555550123', '{}', 0)")
      .run(tenant, sid);

  it('attaches one number per practice and one practice per number', () => {
    const db = migrated();
    attach(db, 'a', 'PN1');
    expect(() => attach(db, 'a', 'PN2')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => attach(db, 'b', 'PN1')).toThrow(/UNIQUE/);
  });

  it('drops a practice\'s attachment with the practice, and keeps appliance settings under tenant ""', () => {
    const db = migrated();
    attach(db, 'a', 'PN1');
    db.exec("DELETE FROM tenants WHERE tenant_id = 'a'");
    expect(db.prepare('SELECT count(*) AS n FROM phone_attachments').get()).toEqual({ n: 0 });
    db.prepare("INSERT INTO appliance_settings (key, value, updated_at) VALUES ('tunnel.mode', 'ngrok', 0)").run();
    expect(db.prepare('SELECT tenant_id FROM appliance_settings').get()).toEqual({ tenant_id: '' });
  });
});
