import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger as PinoLogger } from 'pino';
import { cacheZoneOffsets, type Clock, type IdGenerator, type SecretVault } from '../core/kernel/index.js';
import {
  CalendarBusySource,
  CalendarConnections,
  CalendarOutbox,
  CalendarSync,
  ConnectionHealth,
  type AdapterRegistry,
} from '../core/calendars/index.js';
import { ContractError, type Health } from '../../shared/contract/index.js';
import { CallFlow, CallService, CircuitBreaker, DeskControl, REHEARSAL_SID_PREFIX, Rehearsals, type CallControl, type SpeechToText, type TextToSpeech } from '../core/calls/index.js';
import { BookingTexts, MissedCallTexts, OutboxService, Reminders, TextInbox, TextReplies, Waitlist, type MessagingPort, type RehearsalCheck } from '../core/notifications/index.js';
import type { BookingChange } from '../core/scheduling/index.js';
import { createDeepgramSpeech } from '../infra/deepgram/deepgram-speech.js';
import { LiveStreams } from '../server/public/live-streams.js';
import { createStreamAwareCallControl } from '../server/public/stream-call-control.js';
import { ReviewService } from '../core/review/index.js';
import { createActionRouter, RulesBrain, understand, type Brain, type LlmClient, type LlmLimits, type WaitlistSink } from '../core/conversation/index.js';
import { createLlmUsageRepository } from '../infra/db/repositories/llm-usage-repository.js';
import { createLlmBrains, OPENAI_KEY_SECRET } from './llm-wiring.js';
import { runReplay } from './replay/run-replay.js';
import {
  AvailabilityService,
  BookingService,
  CustomerService,
  SlotLocks,
  type BookingRecord,
  type ExternalBusySource,
} from '../core/scheduling/index.js';
import { StaffService } from '../core/staff/index.js';
import { TenantService } from '../core/tenants/index.js';
import { createSystemClock } from '../infra/clock.js';
import { openDatabase, schemaVersion, type Db } from '../infra/db/database.js';
import { startWalCheckpointer } from '../infra/db/wal-checkpointer.js';
import { startCalendarSignIn } from '../infra/calendars/calendar-sign-in.js';
import { createCalendarAdapters } from '../infra/calendars/create-calendar-adapters.js';
import { createCalendarRepository } from '../infra/db/repositories/calendar-repository.js';
import { createActionLogRepository } from '../infra/db/repositories/action-log-repository.js';
import { createBookingRepository } from '../infra/db/repositories/booking-repository.js';
import { createCallRepository } from '../infra/db/repositories/call-repository.js';
import { createLatencyRepository } from '../infra/db/repositories/latency-repository.js';
import { createStreamStatusRepository } from '../infra/db/repositories/stream-status-repository.js';
import { createMessageRepository } from '../infra/db/repositories/message-repository.js';
import { createOutboxRepository } from '../infra/db/repositories/outbox-repository.js';
import { createTextRepository } from '../infra/db/repositories/text-repository.js';
import { createWaitlistRepository } from '../infra/db/repositories/waitlist-repository.js';
import { createTwilioCallControl } from '../infra/twilio/twilio-call-control.js';
import { createTwilioMessaging } from '../infra/twilio/twilio-messaging.js';
import { createCustomerRepository } from '../infra/db/repositories/customer-repository.js';
import { createDeviceLinkRepository, createSessionRepository, createStaffRepository } from '../infra/db/repositories/staff-repository.js';
import { createTenantRepository } from '../infra/db/repositories/tenant-repository.js';
import { SignInThrottle } from '../server/console/sign-in-throttle.js';
import { ConsoleSession } from './console-session.js';
import { createRandomIds } from '../infra/ids.js';
import { createLogger } from '../infra/logging.js';
import type { AppConfig, CommandContext, ConsoleSessionOptions } from './app-types.js';
import { PATHS } from './config.js';
import { createDispatch, type Dispatch } from './dispatch.js';
import { EventBus } from './event-bus.js';
import { createCommandHandlers } from './command-handlers.js';
import { createSecretsAndPhone, type HostVault } from './secrets-and-phone.js';
import { createSetupHandlers, NO_TUNNEL_CONTROL, type TunnelControl } from './setup-handlers.js';

export const DATABASE_FILE = 'frontdesk.sqlite';
/** After Deepgram fails, new calls use gather mode this long before one tries it again. */
const DEEPGRAM_COOL_DOWN_MS = 30_000;

/** What the hosts add on top of the core (listener state), reported by `health/get`. */
export interface RuntimeStatus {
  webhooks(): Health['webhooks'];
  activeCalls(): number;
}

export interface CoreDeps {
  /**
   * Who copies SQLite's write-ahead log into the database: the writing connection as it commits
   * ('inline', SQLite's default, right for the CLI's short runs), or a worker thread off the call
   * path ('background', what the running appliance uses).
   */
  walCheckpoints?: 'inline' | 'background';
  clock?: Clock;
  ids?: IdGenerator;
  logger?: PinoLogger;
  /** Busy time from outside; the connected calendars by default. */
  externalBusy?: ExternalBusySource;
  /** The calendar protocols; the real ones by default (tests point them at fakes). */
  calendarAdapters?: AdapterRegistry;
  /** How often a healthy calendar is re-synced (default one minute). */
  calendarSyncIntervalMs?: number;
  /** The longest a booking waits for one calendar's fresh answer (default 4 s). */
  calendarReadDeadlineMs?: number;
  /** Opens a sign-in link in the system browser (the desktop app); absent headless, where the console shows the link. */
  openBrowser?: (url: string) => Promise<boolean>;
  /** The receptionist; the offline rules brain by default. */
  brain?: Brain;
  /** Texts; Twilio's Messages API by default. */
  messaging?: MessagingPort;
  /** Live-call steering; Twilio's Calls API by default. */
  callControl?: CallControl;
  /** Where secrets are stored: the desktop passes safeStorage; the key-file vault in the data folder by default. */
  vault?: HostVault;
  /** Speech for stream mode; Deepgram (at FRONTDESK_DEEPGRAM_URL when set) by default. */
  speech?: { stt: SpeechToText; tts: TextToSpeech };
  /** How long a brain turn may take before the message taker has the call (tests shorten it). */
  turnDeadlineMs?: number;
  /** The LLM endpoint; the `openai` SDK against OPENAI_BASE_URL by default. */
  llmClient?: LlmClient;
  /** Bounds and timeouts of the LLM brain (tests shorten them). */
  llmLimits?: Partial<LlmLimits>;
}

/**
 * The appliance without its listeners: storage, domains, the command dispatcher. The CLI runs
 * exactly this against the same data folder, so a command behaves the same from every door.
 */
export function createCore(config: AppConfig, deps: CoreDeps = {}) {
  cacheZoneOffsets();
  const logger = deps.logger ?? createLogger(config.logLevel);
  const clock = deps.clock ?? createSystemClock(config.pinnedNow);
  const ids = deps.ids ?? createRandomIds();
  const databasePath = join(config.dataDir, DATABASE_FILE);
  const db: Db = openDatabase(databasePath);
  const checkpointer = deps.walCheckpoints === 'background' ? startWalCheckpointer(db, databasePath, logger.child({ domain: 'database' })) : null;
  const events = new EventBus();
  const tenants = new TenantService(createTenantRepository(db), clock, logger);
  const customers = new CustomerService(createCustomerRepository(db), tenants, clock, ids);
  // Set-up changes (tunnel, numbers, secrets) tell the console; the listeners exist only in the app.
  let publishSetupChanged = () => {};
  const setup = createSecretsAndPhone({ config, db, clock, logger, tenants, hostVault: deps.vault, onChanged: () => publishSetupChanged() });
  // Calendar credentials live in the same encrypted vault as every other secret.
  const vault: SecretVault = setup.vault;
  const calendarStore = createCalendarRepository(db);
  const calendarAdapters = deps.calendarAdapters ?? createCalendarAdapters({ now: () => clock.now(), google: config.google, outlook: config.outlook });
  const calendarHealth = new ConnectionHealth({ calendars: calendarStore, events, clock, logger: logger.child({ domain: 'calendars' }) });
  const externalBusy =
    deps.externalBusy ??
    new CalendarBusySource({ calendars: calendarStore, adapters: calendarAdapters, health: calendarHealth, vault, clock, freshReadDeadlineMs: deps.calendarReadDeadlineMs ?? 4_000 });
  // Filled in below once the calendar outbox exists; called inside every booking transaction.
  let onBookingWritten: (record: BookingRecord) => void = () => {};
  // Filled in below once the services that react to booking changes exist.
  let onBookingsChanged: (tenantId: string, ids: string[]) => void = () => {};
  let onBookingChange: (change: BookingChange) => void = () => {};
  let joinWaitlist: WaitlistSink['join'] = () => {
    throw new Error('the waitlist is not ready yet');
  };
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
    onWritten: (record) => onBookingWritten(record),
    inTransaction: (change) => onBookingChange(change),
  });
  const availability = new AvailabilityService({ tenants, bookings, externalBusy, clock });
  const actionLog = createActionLogRepository(db);
  const llmUsage = createLlmUsageRepository(db);
  const calls = new CallService({
    calls: createCallRepository(db),
    messages: createMessageRepository(db),
    actionLog,
    latency: createLatencyRepository(db),
    streamStatus: createStreamStatusRepository(db),
    llmUsage,
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
    // The waitlist lives in notifications, built below; bound late like the booking hooks.
    waitlist: { join: (entry) => joinWaitlist(entry) },
    audit: { record: (entry) => actionLog.append(entry) },
    conversation: { heard: (tenantId, callId) => calls.heard(tenantId, callId) },
    clock,
    logger: logger.child({ domain: 'conversation' }),
  });
  // The flag or environment wins; else the vault's, read at use time so `frontdesk secrets set` applies to the next call.
  const openAiKey = () => config.llm.apiKey ?? setup.readSecret(OPENAI_KEY_SECRET);
  const brains = createLlmBrains({
    config: config.llm,
    apiKey: openAiKey,
    client: deps.llmClient ?? null,
    limits: deps.llmLimits ?? {},
    rules: deps.brain ?? new RulesBrain({ understand, report: (err, where) => logger.error({ domain: 'conversation', err, where }, 'rules brain error') }),
    bookings,
    tenants,
    usage: llmUsage,
    clock,
    logger: logger.child({ domain: 'conversation' }),
  });
  const brain: Brain = brains.brain;
  const callFlow = new CallFlow({
    calls,
    tenants,
    customers,
    brain,
    actions,
    releaseHold: async (tenantId, holdId) => {
      await bookings.cancel(tenantId, holdId, 'receptionist', 'released: the turn that held it was abandoned');
    },
    clock,
    logger: logger.child({ domain: 'calls' }),
    ...(deps.turnDeadlineMs === undefined ? {} : { turnDeadlineMs: deps.turnDeadlineMs }),
  });

  // Twilio's REST client follows the stored SID and token: a rotated token applies to the next request.
  const twilioRest = setup.twilioRest;
  let tunnelControl: TunnelControl = NO_TUNNEL_CONTROL;
  let webhookBase = () => config.publicUrl ?? 'http://127.0.0.1';
  const textRepository = createTextRepository(db);
  const outboxRepository = createOutboxRepository(db);
  const textsChanged = (tenantId: string, phone: string) =>
    events.publish({ name: 'texts/changed', payload: { tenantId, phone, unread: textRepository.unreadCount(tenantId) } });
  const outbox = new OutboxService({
    outbox: outboxRepository,
    optOuts: { isOptedOut: (tenantId, phone) => textRepository.number(tenantId, phone).optedOut },
    // Twilio can only reach a public URL (the tunnel's or the practice's own; it follows changes);
    // without one, delivery stays at what the send returned.
    statusCallbackUrl: () => {
      const base = setup.publicUrl();
      return base ? `${base.replace(/\/+$/, '')}/twilio/sms-status` : null;
    },
    messaging: deps.messaging ?? createTwilioMessaging(twilioRest),
    tenants,
    events,
    clock,
    ids,
    logger: logger.child({ domain: 'notifications' }),
  });
  outbox.onChange((record) => textsChanged(record.tenantId, record.payload.to));
  const review = new ReviewService({ bookings, customers, tenants, transcripts: calls, isRehearsalCall: (tenantId, callId) => calls.isRehearsal(tenantId, callId) });
  const rehearsalCheck: RehearsalCheck = {
    isRehearsalCall: (tenantId, callId) => {
      try {
        return calls.get(tenantId, callId).callSid.startsWith(REHEARSAL_SID_PREFIX);
      } catch {
        return false;
      }
    },
  };
  const textsLogger = logger.child({ domain: 'notifications' });
  const bookingTexts = new BookingTexts({ tenants, customers, outbox, texts: textRepository, rehearsals: rehearsalCheck, clock });
  const waitlist = new Waitlist({ waitlist: createWaitlistRepository(db), texts: textRepository, tenants, customers, bookings, outbox, events, clock, ids, logger: textsLogger });
  bookingTexts.onSlotFreed((tenantId, freed) => void waitlist.offerFreed(tenantId, freed));
  joinWaitlist = ({ callId, providerId, name, language, ...entry }) => {
    // A rehearsal is typed in the console: nobody real should be texted offers from it.
    if (rehearsalCheck.isRehearsalCall(entry.tenantId, callId)) throw new ContractError('invalid_input', "In a rehearsal I can't put you on the waitlist.");
    return waitlist.add({ ...entry, ...(providerId ? { providerId } : {}), ...(name ? { name } : {}), ...(language ? { language } : {}) }).id;
  };
  onBookingChange = (change) => bookingTexts.handle(change);
  const reminders = new Reminders({ tenants, bookings, customers, outbox, texts: textRepository, rehearsals: rehearsalCheck, clock, logger: textsLogger });
  const textReplies = new TextReplies({ texts: textRepository, tenants, customers, bookings, availability, outbox, waitlist, clock, ids, logger: textsLogger, changed: textsChanged });
  const inbox = new TextInbox({ texts: textRepository, outboxRows: outboxRepository, outbox, tenants, customers, bookings, clock, ids, changed: textsChanged });
  const missedCalls = new MissedCallTexts({ tenants, customers, outbox, texts: textRepository, clock, logger: textsLogger });
  events.subscribe((event) => {
    if (event.name !== 'call/ended') return;
    const call = event.payload;
    try {
      missedCalls.callEnded({ tenantId: call.tenantId, callId: call.id, from: call.from, outcome: call.outcome, rehearsal: call.callSid.startsWith(REHEARSAL_SID_PREFIX) });
    } catch (error) {
      textsLogger.error({ tenantId: call.tenantId, callId: call.id, err: error }, 'missed-call text failed');
    }
  });
  /** Reminders due now, and waitlist openings nobody answered; driven by the clock port. */
  function tickTexts(): void {
    reminders.tick();
    for (const tenant of tenants.list()) waitlist.lapseStale(tenant.id);
  }
  // The key comes from the vault (DEEPGRAM_API_KEY or --deepgram-api-key override it), read at use:
  // `frontdesk secrets set DEEPGRAM_API_KEY` applies to the next call without a restart.
  const deepgramKey = () => setup.readSecret('DEEPGRAM_API_KEY');
  const speech = deps.speech ?? createDeepgramSpeech({ apiKey: deepgramKey, baseUrl: config.deepgram?.baseUrl ?? null });
  const streams = new LiveStreams();
  let onSpeechHealth = () => {};
  // Deepgram failing sends new calls to gather mode for a while, then the next call tries again.
  const speechBreaker = new CircuitBreaker(clock, DEEPGRAM_COOL_DOWN_MS, () => onSpeechHealth());
  const desk = new DeskControl({
    flow: callFlow,
    calls,
    tenants,
    control: createStreamAwareCallControl(deps.callControl ?? createTwilioCallControl({ client: twilioRest, baseUrl: () => webhookBase() }), streams),
    logger: logger.child({ domain: 'calls' }),
  });
  const calendarOutbox = new CalendarOutbox({ calendars: calendarStore, adapters: calendarAdapters, tenants, customers, health: calendarHealth, vault, clock, logger: logger.child({ domain: 'calendars' }) });
  onBookingWritten = (record) => calendarOutbox.bookingWritten(record);
  const calendarSync = new CalendarSync({
    calendars: calendarStore,
    adapters: calendarAdapters,
    tenants,
    bookings,
    health: calendarHealth,
    vault,
    clock,
    logger: logger.child({ domain: 'calendars' }),
    intervalMs: deps.calendarSyncIntervalMs ?? 60_000,
  });
  const calendarConnections = new CalendarConnections({ calendars: calendarStore, adapters: calendarAdapters, tenants, health: calendarHealth, vault, clock, ids });
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
    webhooks: () => ({ listening: false, localUrl: null, publicUrl: setup.publicUrl(), signaturesVerified: setup.twilioAccount().authToken !== null }),
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
      reachability: {
        tunnel: setup.tunnelStatus(),
        lastWebhookAt: tunnelControl.lastWebhookAt(),
        numbers: setup.phone.attachments().map((a) => ({
          tenantId: a.tenantId,
          phoneNumber: a.phoneNumber,
          verified: a.verifiedAt !== null,
          verifiedAt: a.verifiedAt,
          problem: a.problem,
        })),
      },
      vendors: {
        deepgram: setup.readSecret('DEEPGRAM_API_KEY') ? 'configured' : 'not-configured',
        openai: openAiKey() ? 'configured' : 'not-configured',
      },
      secretsProtection: setup.protection,
      voice: {
        deepgram: deepgramKey() === null ? 'not-configured' : speechBreaker.allows() ? 'available' : 'unavailable',
        retryAt: speechBreaker.retryAt,
        lastError: speechBreaker.lastError,
        streamCalls: streams.count,
      },
      llm: brains.health(),
    };
  }
  onSpeechHealth = () => {
    try {
      events.publish({ name: 'health/changed', payload: health() });
    } catch (error) {
      // A stream failing while the appliance shuts down: there is no health to tell any more.
      logger.warn({ err: error }, 'could not report the speech service health');
    }
  };

  const staff = new StaffService({
    staff: createStaffRepository(db),
    sessions: createSessionRepository(db),
    devices: createDeviceLinkRepository(db),
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
    calendarConnections,
    calendarSync,
    calendarStore,
    startSignIn: (kind) => startCalendarSignIn(kind, { google: config.google, outlook: config.outlook }, () => clock.now()),
    ...(deps.openBrowser ? { openBrowser: deps.openBrowser } : {}),
    logger: logger.child({ domain: 'calendars' }),
    inbox,
    waitlist,
    understand: (text, tenantId, now) => understand(text, { tenant: tenants.get(tenantId).config, now }),
    now: () => clock.now(),
    setup: createSetupHandlers({
      config,
      setup,
      tunnel: () => tunnelControl,
      publish: () => publishSetupChanged(),
      tenantChanged: (tenantId) => events.publish({ name: 'tenants/changed', payload: { tenantIds: [tenantId] } }),
      now: () => clock.now(),
    }),
    replay: (options) => runReplay(core, { ...options, ...llmOverrides }, createCore),
  });
  const llmOverrides = { ...(deps.llmClient ? { llmClient: deps.llmClient } : {}), ...(deps.llmLimits ? { llmLimits: deps.llmLimits } : {}) };
  const dispatch: Dispatch = createDispatch(handlers, logger, { tenantOfCall: (callId) => rehearsals.tenantOf(callId) });

  /** A console connection (a WebSocket or the desktop window), signed out until someone signs in. */
  function openConsoleSession({ desktopUser, ...options }: ConsoleSessionOptions): ConsoleSession {
    // Only the desktop window has an OS user to remember; a browser or LAN console never does.
    const desktop = desktopUser && options.transport === 'ipc' ? { osUser: desktopUser, vault } : null;
    return new ConsoleSession({ dispatch, staff, throttle: signInThrottle, clock, logger: logger.child({ domain: 'staff' }), desktop, ...options });
  }

  /** Loads the demo practice into an empty data folder so a first start shows something real. */
  function seedDemoIfEmpty(): boolean {
    if (tenants.list().length > 0) return false;
    const demo: unknown = JSON.parse(readFileSync(PATHS.demoPractice, 'utf8'));
    tenants.save(demo, 'demo-seed');
    return true;
  }

  const core = {
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
    /** The front-desk actions both brains call (replay and tests drive brains with it). */
    actions,
    /** The receptionist every call talks to: the practice's choice of brain, with failover. */
    brain,
    callFlow,
    speech,
    speechBreaker,
    streams,
    /** Whether a practice's calls go on a media stream now: stream mode, a Deepgram key, and Deepgram answering. */
    streamsFor: (tenant: { voice: { mode: 'gather' | 'stream' } }) => tenant.voice.mode === 'stream' && deepgramKey() !== null && speechBreaker.allows(),
    outbox,
    review,
    calendarConnections,
    calendarSync,
    calendarOutbox,
    calendarStore,
    vault,
    textReplies,
    reminders,
    waitlist,
    inbox,
    tickTexts,
    health,
    dispatch,
    staff,
    openConsoleSession,
    seedDemoIfEmpty,
    setup,
    /** The running appliance's tunnel; the CLI has none. */
    setTunnelControl(control: TunnelControl) {
      tunnelControl = control;
    },
    /** Called when set-up changes; the app tells the console. */
    onSetupChanged(listener: () => void) {
      publishSetupChanged = listener;
    },
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
    /** Closes the database; resolves once the background checkpoint connection, if any, has closed too. */
    close(): Promise<void> {
      const stopped = checkpointer?.stop() ?? Promise.resolve();
      db.close();
      return stopped;
    },
  };
  return core;
}

export type Core = ReturnType<typeof createCore>;

let cachedVersion: string | null = null;
function appVersion(): string {
  cachedVersion ??= (JSON.parse(readFileSync(join(PATHS.root, 'package.json'), 'utf8')) as { version: string }).version;
  return cachedVersion;
}
