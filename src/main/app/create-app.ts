import { ConsoleListener } from '../server/console/console-listener.js';
import { createConsoleToken } from '../server/console/console-token.js';
import { isLoopbackBind } from '../server/console/host-policy.js';
import { urlHost } from '../server/http-util.js';
import { PublicListener, type WebhookRoute } from '../server/public/public-listener.js';
import { createTwilioRoutes } from '../server/public/twilio-routes.js';
import { handleMediaStream, type MediaStreamDeps } from '../server/public/media-stream.js';
import { createWebhookReplayRepository } from '../infra/db/repositories/webhook-replay-repository.js';
import { Reachability, type TunnelFactory } from '../core/reachability/index.js';
import { createSelfTest, createSelfTestKey, realTunnels } from '../infra/tunnel/index.js';
import type { App, AppConfig, StartedApp } from './app-types.js';
import { createCore, type CoreDeps } from './create-core.js';
import { SETTING } from './secrets-and-phone.js';
import { desiredTunnel } from './setup-handlers.js';

export interface AppDeps extends CoreDeps {
  /** How tunnels are made; ngrok and the own URL by default (tests pass a fake tunnel). */
  tunnels?: TunnelFactory;
  /** Hooks on each media stream (the benchmark reads latency and frame times). */
  mediaStream?: Pick<MediaStreamDeps, 'onLatency' | 'onOutput' | 'onBargeIn' | 'fillerAfterMs' | 'leadMs'>;
}

/** How often the app looks for tenant edits made by other processes (the CLI). */
const EXTERNAL_CHANGE_POLL_MS = 1_000;
const OUTBOX_POLL_MS = 1_000;
/** How often the app looks for calendars whose sync is due (each has its own interval and backoff). */
const CALENDAR_POLL_MS = 5_000;
/** A filler ("One moment while I check that.") when nothing is ready this long into a stream turn. */
const FILLER_AFTER_MS = 700;

/** Builds the whole appliance: core + the public (Twilio) listener + the console listener when headless. */
export function createApp(config: AppConfig, deps: AppDeps = {}): App {
  // A running appliance checkpoints SQLite off the call path (see wal-checkpointer).
  const core = createCore(config, { walCheckpoints: 'background', ...deps });
  const { setup } = core;
  const selfTestAbort = new AbortController();
  const selfTestKey = createSelfTestKey();
  const reachability = new Reachability({
    desired: () => desiredTunnel(config, setup),
    factory: deps.tunnels ?? realTunnels(() => setup.readSecret('NGROK_AUTHTOKEN')),
    forwardTo: () => publicListener.localBaseUrl,
    selfTest: createSelfTest({ key: selfTestKey, signal: selfTestAbort.signal }),
    clock: core.clock,
    logger: core.logger.child({ domain: 'reachability' }),
    // Everything that embeds the public URL reads it at use time; the numbers are re-pointed here.
    onUrlChanged: (url) => {
      setup.settings.set(SETTING.currentUrl, url);
      if (state === 'started') void setup.phone.pointAll();
    },
    onStatusChanged: () => publishSetupChanged(),
  });
  setup.attachTunnel({ publicUrl: () => reachability.publicUrl(), status: () => reachability.status() });
  const publicUrl = () => reachability.publicUrl();
  // Action URLs in TwiML point at the public URL, or at this listener once it knows its port.
  const routes: Map<string, WebhookRoute> = createTwilioRoutes({
    flow: core.callFlow,
    sms: {
      receive: (text) => core.textReplies.receive(text),
      delivery: ({ from, messageSid, status }) => {
        const tenant = core.tenants.findByPhoneNumber(from);
        if (tenant) core.outbox.recordDelivery(tenant.id, messageSid, status);
      },
    },
    replay: createWebhookReplayRepository(core.db),
    practiceOf: ({ callSid, to }) => core.calls.findBySid(callSid)?.tenantId ?? core.tenants.findByPhoneNumber(to)?.id ?? null,
    baseUrl: () => publicUrl() ?? publicListener.localBaseUrl,
    now: () => core.clock.now(),
    logger: core.logger.child({ listener: 'public' }),
    streamsFor: core.streamsFor,
    streams: core.streams,
  });
  const publicListener: PublicListener = new PublicListener({
    host: config.webhookHost,
    port: config.webhookPort,
    routes,
    publicUrl,
    authToken: () => setup.readSecret('TWILIO_AUTH_TOKEN'),
    selfTestKey,
    now: () => core.clock.now(),
    logger: core.logger.child({ listener: 'public' }),
    onMediaStream: (socket) =>
      handleMediaStream(socket, {
        flow: core.callFlow,
        calls: core.calls,
        tenants: core.tenants,
        stt: core.speech.stt,
        tts: core.speech.tts,
        breaker: core.speechBreaker,
        streams: core.streams,
        logger: core.logger.child({ listener: 'media-stream' }),
        now: () => performance.now(),
        fillerAfterMs: deps.mediaStream?.fillerAfterMs ?? FILLER_AFTER_MS,
        ...(deps.mediaStream?.leadMs === undefined ? {} : { leadMs: deps.mediaStream.leadMs }),
        onLatency: (callSid, latency) => {
          core.calls.recordLatency(callSid, latency);
          deps.mediaStream?.onLatency?.(callSid, latency);
        },
        ...(deps.mediaStream?.onOutput ? { onOutput: deps.mediaStream.onOutput } : {}),
        ...(deps.mediaStream?.onBargeIn ? { onBargeIn: deps.mediaStream.onBargeIn } : {}),
      }),
  });
  const consoleListener = config.serveConsole
    ? new ConsoleListener({
        host: config.consoleHost,
        port: config.consolePort,
        rendererDir: config.rendererDir,
        token: createConsoleToken(),
        tls: config.consoleTls,
        backend: {
          openSession: (source) => core.openConsoleSession({ transport: 'ws', source, openUntilFirstAccount: isLoopbackBind(config.consoleHost) }),
          subscribe: (listener) => core.events.subscribe(listener),
        },
        health: () => core.health(),
        logger: core.logger.child({ listener: 'console' }),
      })
    : null;

  core.setRuntime({
    webhooks: () => ({
      listening: publicListener.listening,
      localUrl: publicListener.listening ? `${publicListener.localBaseUrl}/twilio/voice` : null,
      publicUrl: publicUrl(),
      signaturesVerified: setup.readSecret('TWILIO_AUTH_TOKEN') !== null,
    }),
    activeCalls: () => core.calls.activeCount(),
  });

  core.setWebhookBase(() => publicUrl() ?? publicListener.localBaseUrl);
  core.setTunnelControl({
    reconcile: () => reachability.reconcile(),
    selfTest: () => reachability.runSelfTest(),
    lastWebhookAt: () => publicListener.lastWebhookAt,
  });
  function publishSetupChanged(): void {
    if (state !== 'started') return;
    core.events.publish({ name: 'setup/changed', payload: {} });
    core.events.publish({ name: 'health/changed', payload: core.health() });
  }
  core.onSetupChanged(publishSetupChanged);

  let poll: NodeJS.Timeout | null = null;
  let outboxTimer: NodeJS.Timeout | null = null;
  let calendarTimer: NodeJS.Timeout | null = null;
  let delivery: Promise<unknown> = Promise.resolve();
  let calendarDelivery: Promise<unknown> = Promise.resolve();
  let calendarSync: Promise<unknown> | null = null;
  let state: 'new' | 'started' | 'stopped' = 'new';

  function pollExternalChanges(): void {
    try {
      const changed = core.tenants.refreshIfChanged();
      if (changed.length > 0) core.events.publish({ name: 'tenants/changed', payload: { tenantIds: changed } });
    } catch (error) {
      core.logger.error({ err: error }, 'could not check for tenant changes');
    }
    // The CLI may have changed the tunnel settings, a token, or attached a number: follow without a restart.
    void reachability.reconcile().then(() => (state === 'started' ? setup.phone.pointAll() : undefined));
  }

  return {
    config,
    async start(): Promise<StartedApp> {
      if (state !== 'new') throw new Error(`cannot start an app that is ${state}`);
      state = 'started';
      if (config.seedDemo && core.seedDemoIfEmpty()) core.logger.info({}, 'loaded the demo practice into an empty data folder');
      core.tenants.refreshIfChanged();
      try {
        const webhookPort = await publicListener.start();
        const consolePort = consoleListener ? await consoleListener.start() : null;
        // The tunnel forwards to the public listener, so it starts once that listens; a slow or failing
        // tunnel (ngrok unreachable) is reported in health and retried, and never stops the start.
        await reachability.reconcile();
        void setup.phone.pointAll({ reverify: true });
        poll = setInterval(pollExternalChanges, EXTERNAL_CHANGE_POLL_MS);
        poll.unref();
        // Due texts go out within a second; what failed waits for its backoff, across restarts too.
        // Reminders are asked of the database on the same beat, so ones that fell due while the
        // appliance was off go out right after a start.
        const pass = () => {
          try {
            core.tickTexts();
          } catch (error) {
            core.logger.error({ err: error }, 'text reminders pass failed');
          }
          delivery = core.outbox.deliverDue().catch((error: unknown) => core.logger.error({ err: error }, 'outbox pass failed'));
          calendarDelivery = core.calendarOutbox.deliverDue().catch((error: unknown) => core.logger.error({ err: error }, 'calendar outbox pass failed'));
        };
        pass();
        outboxTimer = setInterval(pass, OUTBOX_POLL_MS);
        outboxTimer.unref();
        // Calendars poll (push channels need a public HTTPS receiver an office PC rarely has).
        calendarTimer = setInterval(() => {
          calendarSync ??= core.calendarSync
            .syncDue()
            .catch((error: unknown) => core.logger.error({ err: error }, 'calendar sync pass failed'))
            .finally(() => (calendarSync = null));
        }, CALENDAR_POLL_MS);
        calendarTimer.unref();
        core.events.publish({ name: 'health/changed', payload: core.health() });
        const started: StartedApp = {
          consoleUrl: consolePort === null ? null : `${config.consoleTls ? 'https' : 'http'}://${urlHost(config.consoleHost)}:${consolePort}/`,
          webhookUrl: `http://${urlHost(config.webhookHost)}:${webhookPort}/twilio/voice`,
        };
        core.logger.info({ ...started, publicUrl: publicUrl() }, 'appliance started');
        return started;
      } catch (error) {
        await this.stop();
        throw error;
      }
    },
    async stop(): Promise<void> {
      if (state === 'stopped') return;
      state = 'stopped';
      if (poll) clearInterval(poll);
      if (outboxTimer) clearInterval(outboxTimer);
      if (calendarTimer) clearInterval(calendarTimer);
      poll = null;
      outboxTimer = null;
      calendarTimer = null;
      await Promise.all([delivery, calendarDelivery, calendarSync]);
      selfTestAbort.abort();
      await reachability.stop();
      await setup.phone.idle();
      setup.settings.set(SETTING.currentUrl, null);
      await Promise.allSettled([publicListener.stop(), consoleListener?.stop()]);
      await core.close();
      core.logger.info({}, 'appliance stopped');
    },
    dispatch: (name, input, context) => core.dispatch(name, input, context),
    subscribe: (listener) => core.events.subscribe(listener),
    openConsoleSession: (options) => core.openConsoleSession(options),
  };
}
