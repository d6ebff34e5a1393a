import type { Migration } from '../migrate.js';
import { migration001Tenants } from './001-tenants.js';
import { migration002Bookings } from './002-bookings.js';
import { migration003Calls } from './003-calls.js';
import { migration004Outbox } from './004-outbox.js';
import { migration005BookingStatusIndex } from './005-booking-status-index.js';
import { migration006Staff } from './006-staff.js';

export const migrations: readonly Migration[] = [migration001Tenants, migration002Bookings, migration003Calls, migration004Outbox, migration005BookingStatusIndex, migration006Staff];
