import type { Migration } from '../migrate.js';

/** The review badge counts pending bookings after every booking change: that must be an index lookup, not a scan. */
export const migration005BookingStatusIndex: Migration = {
  version: 5,
  name: '005-booking-status-index',
  up(db) {
    db.exec('CREATE INDEX bookings_tenant_status ON bookings(tenant_id, status)');
  },
};
