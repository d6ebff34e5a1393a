import type { ApplianceSettings } from '../../../core/reachability/index.js';
import type { Db } from '../database.js';

/** Appliance-wide settings: rows under tenant_id '' (the appliance itself, not a practice). */
export function createApplianceSettings(db: Db, now: () => number): ApplianceSettings {
  const get = db.prepare<[string], { value: string }>("SELECT value FROM appliance_settings WHERE tenant_id = '' AND key = ?");
  const put = db.prepare(
    "INSERT INTO appliance_settings (tenant_id, key, value, updated_at) VALUES ('', ?, ?, ?) ON CONFLICT (tenant_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
  );
  const remove = db.prepare<[string]>("DELETE FROM appliance_settings WHERE tenant_id = '' AND key = ?");
  return {
    get: (key) => get.get(key)?.value ?? null,
    set: (key, value) => void (value === null ? remove.run(key) : put.run(key, value, now())),
  };
}
