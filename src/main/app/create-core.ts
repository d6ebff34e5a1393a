import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger as PinoLogger } from 'pino';
import type { Health } from '../../shared/contract/index.js';
import type { Clock, IdGenerator } from '../core/kernel/index.js';
import { CallFlow, CallService, DeskControl, Rehearsals, type CallControl } from '../core/calls/index.js';
import { OutboxService, type MessagingPort } from '../core/notifications/index.js';
import { ReviewService } from '../core/review/index.js';
import { createActionRouter, RulesBrain, understand, type Brain } from '../core/conversation/index.js';
import {
  AvailabilityService,
  BookingService,
  CustomerService,
  NO_EXTERNAL_BUSY,
  SlotLocks,
  type ExternalBusySource,
} from '../core/scheduling/index.js';
import { StaffService } from '../core/staff/index.js';
import { TenantService } from '../core/tenants/index.js';
import { createSystemClock } from '../infra/clock.js';
import { openDatabase, schemaVersion, type Db } from '../infra/db/database.js';
import { createActionLogRepository } from '../infra/db/repositories/action-log-repository.js';
import { createBookingRepository } from '../infra/db/repositories/booking-repository.js';
import { createCallRepository } from '../infra/db/repositories/call-repository.js';
import { createMessageRepository } from '../infra/db/repositories/message-repository.js';
import { createOutboxRepository } from '../infra/db/repositories/outbox-repository.js';
import { createTwilioCallControl } from '../infra/twilio/twilio-call-control.js';
import { createTwilioMessaging } from '../infra/twilio/twilio-messaging.js';
import { createTwilioRestClient, type TwilioRestClient } from '../infra/twilio/twilio-rest-client.js';
import { createCustomerRepository } from '../infra/db/repositories/customer-repository.js';
import { createSessionRepository, createStaffRepository } from '../infra/db/repositories/staff-repository.js';
import { createTenantRepository } from '../infra/db/repositories/tenant-repository.js';
import { SignInThrottle } from '../server/console/sign-in-throttle.js';
import { ConsoleSession } from './console-session.js';
import { createRandomIds } from '../infra/ids.js';
import { createLogger } from '../infra/logging.js';
import type { AppConfig, CommandContext } from './app-types.js';
import { PATHS } from './config.js';
import { createDispatch, type Dispatch } from './dispatch.js';
import { EventBus } from './event-bus.js';
import { createCommandHandlers } from './command-handlers.js';

export const DATABASE_FILE = 'frontdesk.sqlite';

/** What the hosts add on top of the core (listener state), reported by `health/get`. */
export interface RuntimeStatus {
  webhooks(): Health['webhooks'];
  activeCalls(): number;
}

export interface CoreDeps {
  clock?: Clock;
  ids?: IdGenerator;
  logger?: PinoLogger;
  /** Busy time from calendars; none until calendar sync is configured. */
  externalBusy?: ExternalBusySource;
  /** The receptionist; the offline rules brain by default. */
  brain?: Brain;
  /** Texts; Twilio's Messages API by default. */
  messaging?: MessagingPort;
  /** Live-call steering; Twilio's Calls API by default. */
  callControl?: CallControl;
}

/**
 * The appliance without its listeners: storage, domains, the command dispatcher. The CLI runs
 * exactly this against the same data folder, so a command behaves the same from every door.
 */
export function createCore(config: AppConfig, deps: CoreDeps = {}) {
  const logger = deps.logger ?? createLogger(config.logLevel);
  const clock = deps.clock ?? createSystemClock(config.pinnedNow);
  const ids = deps.ids ?? createRandomIds();
  const databasePath = join(config.dataDir, DATABASE_FILE);
  const db: Db = openDatabase(databasePath);
  const events = new EventBus();
  const tenants = new TenantService(createTenantRepository(db), clock, logger);
  const customers = new CustomerService(createCustomerRepository(db), tenants, clock, ids);
  const externalBusy = deps.externalBusy ?? NO_EXTERNAL_BUSY;
  // Filled in below once the services that react to booking changes exist.
  let onBookingsChanged: (tenantId: string, ids: string[]) => void = () => {};
  const bookings = new BookingService({
    bookings: createBookingRepository(db),
    customers,
    tenants,
    locks: new SlotLocks(),
    externalBusy,
    clock,
    ids,
    logger: logger.child({ domain: 'scheduling' }),
    onChanged: (tenantId, ids) => onBookingsChanged(tenantId, ids),
  });
  const availability = new AvailabilityService({ tenants, bookings, externalBusy, clock });
  const actionLog = createActionLogRepository(db);
  const calls = new CallService({
    calls: createCallRepository(db),
    messages: createMessageRepository(db),
    actionLog,
    tenants,
    events,
    clock,
    ids,
    // The call's outcome follows its booking: a rejected booking's call no longer reads "Booked".
    bookingStatusOf: (tenantId, callId) => {
      const made = bookings.list(tenantId, { callId }).filter((b) => b.status !== 'expired' && b.status !== 'held');
      return made.sort((a, b) => b.createdAt - a.createdAt)[0]?.status ?? null;
    },
  });
  const actions = createActionRouter({
    availability,
    bookings,
    customers,
    messages: { take: (message) => calls.takeMessage(message) },
    audit: { record: (entry) => actionLog.append(entry) },
    clock,
    logger: logger.child({ domain: 'conversation' }),
  });
  const brain: Brain = deps.brain ?? new RulesBrain({ understand });
  const callFlow = new CallFlow({ calls, tenants, customers, brain, actions, clock, logger: logger.child({ domain: 'calls' }) });

  // Twilio's REST API is built on first use: the CLI and the demo never need it.
  let twilioClient: TwilioRestClient | null | undefined;
  const twilioRest = () => (twilioClient === undefined ? (twilioClient = createTwilioRestClient(config.twilio)) : twilioClient);
  let webhookBase = () => config.publicUrl ?? 'http://127.0.0.1';
  const outbox = new OutboxService({
    outbox: createOutboxRepository(db),
    messaging: deps.messaging ?? createTwilioMessaging(twilioRest),
    tenants,
    events,
    clock,
    ids,
    logger: logger.child({ domain: 'notifications' }),
  });
  const review = new ReviewService({
    bookings,
    customers,
    tenants,
    outbox,
    transcripts: calls,
    clock,
    isRehearsalCall: (tenantId, callId) => calls.isRehearsal(tenantId, callId),
  });
  const desk = new DeskControl({
    flow: callFlow,
    calls,
    tenants,
    control: deps.callControl ?? createTwilioCallControl({ client: twilioRest, baseUrl: () => webhookBase() }),
    logger: logger.child({ domain: 'calls' }),
  });
  const rehearsals = new Rehearsals({
    flow: callFlow,
    calls,
    tenants,
    ids,
    onEnded: (tenantId, callId) => bookings.removeRehearsalBookings(tenantId, [callId]),
  });
  onBookingsChanged = (tenantId, ids) => {
    events.publish({ name: 'bookings/changed', payload: { tenantId, bookingIds: ids } });
    events.publish({ name: 'review/changed', payload: { tenantId, pending: review.pendingCount(tenantId) } });
  };
  const startedAt = clock.now();
  let runtime: RuntimeStatus = {
    webhooks: () => ({ listening: false, localUrl: null, publicUrl: config.publicUrl, signaturesVerified: config.twilio.authToken !== null }),
    activeCalls: () => calls.activeCount(),
  };

  function health(): Health {
    let storage: Health['storage'];
    try {
      db.prepare('SELECT 1').get();
      storage = { ok: true, path: databasePath, schemaVersion: schemaVersion(db) };
    } catch (error) {
      storage = { ok: false, path: databasePath, schemaVersion: 0, error: String(error) };
    }
    return {
      version: appVersion(),
      startedAt,
      now: clock.now(),
      webhooks: runtime.webhooks(),
      storage,
      tenants: tenants.list().length,
      activeCalls: runtime.activeCalls(),
    };
  }

  const staff = new StaffService({
    staff: createStaffRepository(db),
    sessions: createSessionRepository(db),
    clock,
    ids,
    logger: logger.child({ domain: 'staff' }),
    practiceIds: () => tenants.list().map((t) => t.id),
  });
  const signInThrottle = new SignInThrottle({ clock, logger: logger.child({ domain: 'staff' }) });

  const handlers = createCommandHandlers({
    staff,
    tenants,
    events,
    health,
    availability,
    bookings,
    customers,
    calls,
    desk,
    rehearsals,
    review,
    outbox,
    understand: (text, tenantId, now) => understand(text, { tenant: tenants.get(tenantId).config, now }),
    now: () => clock.now(),
  });
  const dispatch: Dispatch = createDispatch(handlers, logger, { tenantOfCall: (callId) => rehearsals.tenantOf(callId) });

  /** A console connection (a WebSocket or the desktop window), signed out until someone signs in. */
  function openConsoleSession(options: { transport: 'ws' | 'ipc'; source: string; openUntilFirstAccount: boolean }): ConsoleSession {
    return new ConsoleSession({ dispatch, staff, throttle: signInThrottle, clock, logger: logger.child({ domain: 'staff' }), ...options });
  }

  /** Loads the demo practice into an empty data folder so a first start shows something real. */
  function seedDemoIfEmpty(): boolean {
    if (tenants.list().length > 0) return false;
    const demo: unknown = JSON.parse(readFileSync(PATHS.demoPractice, 'utf8'));
    tenants.save(demo, 'demo-seed');
    return true;
  }

  return {
    config,
    logger,
    clock,
    ids,
    db,
    events,
    tenants,
    customers,
    bookings,
    availability,
    calls,
    callFlow,
    outbox,
    review,
    health,
    dispatch,
    staff,
    openConsoleSession,
    seedDemoIfEmpty,
    setRuntime(next: RuntimeStatus) {
      runtime = next;
    },
    /** The base URL Twilio reaches us at, for the URLs live-call changes point the call to. */
    setWebhookBase(base: () => string) {
      webhookBase = base;
    },
    run(name: string, input: unknown, context: CommandContext = { actor: 'cli', transport: 'cli' }) {
      return dispatch(name, input, context);
    },
    close() {
      db.close();
    },
  };
}

export type Core = ReturnType<typeof createCore>;

let cachedVersion: string | null = null;
function appVersion(): string {
  cachedVersion ??= (JSON.parse(readFileSync(join(PATHS.root, 'package.json'), 'utf8')) as { version: string }).version;
  return cachedVersion;
}
