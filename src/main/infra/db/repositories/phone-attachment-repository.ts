import type { NumberWebhooks, PhoneAttachment, PhoneAttachmentRepository } from '../../../core/reachability/index.js';
import type { Db } from '../database.js';

interface Row {
  tenant_id: string;
  number_sid: string;
  phone_number: string;
  previous_json: string;
  pointed_at: string | null;
  verified_at: number | null;
  problem: string | null;
  attached_at: number;
}

export function createPhoneAttachmentRepository(db: Db): PhoneAttachmentRepository {
  const list = db.prepare<[], Row>('SELECT * FROM phone_attachments ORDER BY tenant_id');
  const get = db.prepare<[string], Row>('SELECT * FROM phone_attachments WHERE tenant_id = ?');
  const save = db.prepare(
    `INSERT INTO phone_attachments (tenant_id, number_sid, phone_number, previous_json, pointed_at, verified_at, problem, attached_at)
     VALUES (@tenantId, @numberSid, @phoneNumber, @previous, @pointedAt, @verifiedAt, @problem, @attachedAt)
     ON CONFLICT (tenant_id) DO UPDATE SET number_sid = excluded.number_sid, phone_number = excluded.phone_number,
       previous_json = excluded.previous_json, pointed_at = excluded.pointed_at, verified_at = excluded.verified_at,
       problem = excluded.problem, attached_at = excluded.attached_at`,
  );
  const remove = db.prepare<[string]>('DELETE FROM phone_attachments WHERE tenant_id = ?');
  const toAttachment = (row: Row): PhoneAttachment => ({
    tenantId: row.tenant_id,
    numberSid: row.number_sid,
    phoneNumber: row.phone_number,
    previous: JSON.parse(row.previous_json) as NumberWebhooks,
    pointedAt: row.pointed_at,
    verifiedAt: row.verified_at,
    problem: row.problem,
    attachedAt: row.attached_at,
  });
  return {
    list: () => list.all().map(toAttachment),
    get: (tenantId) => {
      const row = get.get(tenantId);
      return row ? toAttachment(row) : null;
    },
    save: (a) => void save.run({ ...a, previous: JSON.stringify(a.previous) }),
    remove: (tenantId) => void remove.run(tenantId),
  };
}
