import type { Migration } from '../migrate.js';
import { migration001Tenants } from './001-tenants.js';
import { migration002Bookings } from './002-bookings.js';
import { migration003Calls } from './003-calls.js';
import { migration004Outbox } from './004-outbox.js';
import { migration005BookingStatusIndex } from './005-booking-status-index.js';
import { migration006WebhookReplayPerCall } from './006-webhook-replay-per-call.js';
import { migration007CustomerLanguage } from './007-customer-language.js';
import { migration008PhoneSetup } from './008-phone-setup.js';
import { migration009Calendars } from './009-calendars.js';
import { migration010Texts } from './010-texts.js';
import { migration011InterruptedLines } from './011-interrupted-lines.js';
import { migration012TurnLatency } from './012-turn-latency.js';
import { migration013LlmUsage } from './013-llm-usage.js';
import { migration014Staff } from './014-staff.js';
import { migration015BookingArrived } from './015-booking-arrived.js';
import { migration016StaffDevices } from './016-staff-devices.js';

export const migrations: readonly Migration[] = [
  migration001Tenants,
  migration002Bookings,
  migration003Calls,
  migration004Outbox,
  migration005BookingStatusIndex,
  migration006WebhookReplayPerCall,
  migration007CustomerLanguage,
  migration008PhoneSetup,
  migration009Calendars,
  migration010Texts,
  migration011InterruptedLines,
  migration012TurnLatency,
  migration013LlmUsage,
  migration014Staff,
  migration015BookingArrived,
  migration016StaffDevices,
];
