import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger as PinoLogger } from 'pino';
import type { Health } from '../../shared/contract/index.js';
import type { Clock, IdGenerator } from '../core/kernel/index.js';
import { CallFlow, CallService } from '../core/calls/index.js';
import { createActionRouter, RulesBrain, understand, type Brain } from '../core/conversation/index.js';
import {
  AvailabilityService,
  BookingService,
  CustomerService,
  NO_EXTERNAL_BUSY,
  SlotLocks,
  type ExternalBusySource,
} from '../core/scheduling/index.js';
import { TenantService } from '../core/tenants/index.js';
import { createSystemClock } from '../infra/clock.js';
import { openDatabase, schemaVersion, type Db } from '../infra/db/database.js';
import { createActionLogRepository } from '../infra/db/repositories/action-log-repository.js';
import { createBookingRepository } from '../infra/db/repositories/booking-repository.js';
import { createCallRepository } from '../infra/db/repositories/call-repository.js';
import { createMessageRepository } from '../infra/db/repositories/message-repository.js';
import { createCustomerRepository } from '../infra/db/repositories/customer-repository.js';
import { createTenantRepository } from '../infra/db/repositories/tenant-repository.js';
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
  const bookings = new BookingService({
    bookings: createBookingRepository(db),
    customers,
    tenants,
    locks: new SlotLocks(),
    externalBusy,
    clock,
    ids,
    logger: logger.child({ domain: 'scheduling' }),
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

  const handlers = createCommandHandlers({
    tenants,
    events,
    health,
    availability,
    bookings,
    customers,
    calls,
    understand: (text, tenantId, now) => understand(text, { tenant: tenants.get(tenantId).config, now }),
    now: () => clock.now(),
  });
  const dispatch: Dispatch = createDispatch(handlers, logger);

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
    health,
    dispatch,
    seedDemoIfEmpty,
    setRuntime(next: RuntimeStatus) {
      runtime = next;
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
