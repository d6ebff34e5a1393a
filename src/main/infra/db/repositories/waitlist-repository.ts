import type { WaitlistOfferRecord, WaitlistRecord, WaitlistRepository } from '../../../core/notifications/index.js';
import type { Db } from '../database.js';

interface EntryRow {
  tenant_id: string;
  entry_id: string;
  phone: string;
  name: string | null;
  service_id: string;
  provider_id: string | null;
  from_date: string;
  to_date: string;
  booking_id: string | null;
  status: WaitlistRecord['status'];
  created_at: number;
  created_by: string;
  updated_at: number;
}

interface OfferRow {
  tenant_id: string;
  offer_id: string;
  service_id: string;
  provider_id: string;
  start: number;
  entry_ids: string;
  status: WaitlistOfferRecord['status'];
  taken_by: string | null;
  booking_id: string | null;
  created_at: number;
}

const toEntry = (r: EntryRow): WaitlistRecord => ({
  tenantId: r.tenant_id,
  id: r.entry_id,
  phone: r.phone,
  name: r.name,
  serviceId: r.service_id,
  providerId: r.provider_id,
  fromDate: r.from_date,
  toDate: r.to_date,
  bookingId: r.booking_id,
  status: r.status,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
});

const toOffer = (r: OfferRow): WaitlistOfferRecord => ({
  tenantId: r.tenant_id,
  id: r.offer_id,
  serviceId: r.service_id,
  providerId: r.provider_id,
  start: r.start,
  entryIds: JSON.parse(r.entry_ids) as string[],
  status: r.status,
  takenBy: r.taken_by,
  bookingId: r.booking_id,
  createdAt: r.created_at,
});

export function createWaitlistRepository(db: Db): WaitlistRepository {
  const insert = db.prepare(`
    INSERT INTO waitlist (tenant_id, entry_id, phone, name, service_id, provider_id, from_date, to_date, booking_id, status, created_at, created_by, updated_at)
    VALUES (@tenantId, @id, @phone, @name, @serviceId, @providerId, @fromDate, @toDate, @bookingId, @status, @createdAt, @createdBy, @updatedAt)`);
  const get = db.prepare<[string, string], EntryRow>('SELECT * FROM waitlist WHERE tenant_id = ? AND entry_id = ?');
  const all = db.prepare<[string], EntryRow>('SELECT * FROM waitlist WHERE tenant_id = ? ORDER BY created_at, rowid');
  const setStatus = db.prepare('UPDATE waitlist SET status = ?, updated_at = ? WHERE tenant_id = ? AND entry_id = ?');
  const insertOffer = db.prepare(`
    INSERT INTO waitlist_offers (tenant_id, offer_id, service_id, provider_id, start, entry_ids, status, taken_by, booking_id, created_at)
    VALUES (@tenantId, @id, @serviceId, @providerId, @start, @entryIdsJson, @status, @takenBy, @bookingId, @createdAt)`);
  const getOffer = db.prepare<[string, string], OfferRow>('SELECT * FROM waitlist_offers WHERE tenant_id = ? AND offer_id = ?');
  const openOffers = db.prepare<[string, string], OfferRow>(`
    SELECT o.* FROM waitlist_offers o, json_each(o.entry_ids) e
    WHERE o.tenant_id = ? AND o.status = 'open' AND e.value = ? ORDER BY o.created_at DESC`);
  // The race is decided here: only one UPDATE can find the offer still open.
  const claim = db.prepare("UPDATE waitlist_offers SET status = 'taken', taken_by = ? WHERE tenant_id = ? AND offer_id = ? AND status = 'open'");
  const setOfferBooking = db.prepare('UPDATE waitlist_offers SET booking_id = ? WHERE tenant_id = ? AND offer_id = ?');
  const setOfferStatus = db.prepare('UPDATE waitlist_offers SET status = ? WHERE tenant_id = ? AND offer_id = ?');
  const allOpen = db.prepare<[string], OfferRow>("SELECT * FROM waitlist_offers WHERE tenant_id = ? AND status = 'open' ORDER BY created_at");
  return {
    insert: (record) => void insert.run(record),
    get: (tenantId, id) => {
      const row = get.get(tenantId, id);
      return row ? toEntry(row) : null;
    },
    list: (tenantId, statuses) => all.all(tenantId).map(toEntry).filter((e) => statuses.includes(e.status)),
    setStatus: (tenantId, id, status, at) => void setStatus.run(status, at, tenantId, id),
    insertOffer: (record) => void insertOffer.run({ ...record, entryIdsJson: JSON.stringify(record.entryIds) }),
    getOffer: (tenantId, id) => {
      const row = getOffer.get(tenantId, id);
      return row ? toOffer(row) : null;
    },
    openOffersFor: (tenantId, entryId) => openOffers.all(tenantId, entryId).map(toOffer),
    claimOffer: (tenantId, offerId, entryId) => claim.run(entryId, tenantId, offerId).changes === 1,
    setOfferBooking: (tenantId, offerId, bookingId) => void setOfferBooking.run(bookingId, tenantId, offerId),
    setOfferStatus: (tenantId, offerId, status) => void setOfferStatus.run(status, tenantId, offerId),
    listOpenOffers: (tenantId) => allOpen.all(tenantId).map(toOffer),
  };
}
