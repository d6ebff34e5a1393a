import type { CustomerRecord, CustomerRepository } from '../../../core/scheduling/index.js';
import type { Db } from '../database.js';

interface CustomerRow {
  tenant_id: string;
  customer_id: string;
  phone: string | null;
  name: string | null;
  notes: string;
  created_at: number;
  updated_at: number;
  language: string | null;
}

function toRecord(row: CustomerRow): CustomerRecord {
  return { tenantId: row.tenant_id, id: row.customer_id, phone: row.phone, name: row.name, notes: row.notes, createdAt: row.created_at, updatedAt: row.updated_at, language: row.language === 'en' || row.language === 'es' ? row.language : null };
}

export function createCustomerRepository(db: Db): CustomerRepository {
  const getOne = db.prepare<[string, string], CustomerRow>('SELECT * FROM customers WHERE tenant_id = ? AND customer_id = ?');
  const byPhone = db.prepare<[string, string], CustomerRow>('SELECT * FROM customers WHERE tenant_id = ? AND phone = ?');
  const insert = db.prepare(
    'INSERT INTO customers (tenant_id, customer_id, phone, name, notes, created_at, updated_at, language) VALUES (@tenantId, @id, @phone, @name, @notes, @createdAt, @updatedAt, @language)',
  );
  // Name by case-insensitive substring; number by its digits anywhere in the stored E.164.
  const search = db.prepare<[string, string, string | null, string | null, number], CustomerRow>(`
    SELECT * FROM customers WHERE tenant_id = ?
      AND (name LIKE '%' || ? || '%' ESCAPE '\\' OR (? IS NOT NULL AND phone LIKE '%' || ? || '%'))
    ORDER BY name COLLATE NOCASE, phone LIMIT ?`);

  return {
    get: (tenantId, customerId) => {
      const row = getOne.get(tenantId, customerId);
      return row ? toRecord(row) : null;
    },
    findByPhone: (tenantId, phone) => {
      const row = byPhone.get(tenantId, phone);
      return row ? toRecord(row) : null;
    },
    insert: (record) => void insert.run({ ...record, language: record.language ?? null }),
    update(tenantId, customerId, patch) {
      const keys = (['name', 'notes', 'phone', 'language'] as const).filter((k) => patch[k] !== undefined);
      const sets = [...keys.map((k) => `${k} = @${k}`), 'updated_at = @updatedAt'];
      db.prepare(`UPDATE customers SET ${sets.join(', ')} WHERE tenant_id = @tenantId AND customer_id = @customerId`).run({
        ...Object.fromEntries(keys.map((k) => [k, patch[k]])),
        updatedAt: patch.updatedAt,
        tenantId,
        customerId,
      });
    },
    search: (tenantId, text, digits, limit) => search.all(tenantId, text.replace(/[%_\\]/g, (c) => `\\${c}`), digits, digits, limit).map(toRecord),
  };
}
