import { ConsoleListener } from '../server/console/console-listener.js';
import { createConsoleToken } from '../server/console/console-token.js';
import { isLoopbackBind } from '../server/console/host-policy.js';
import { urlHost } from '../server/http-util.js';
import { PublicListener, type WebhookRoute } from '../server/public/public-listener.js';
import { createTwilioRoutes } from '../server/public/twilio-routes.js';
import { createWebhookReplayRepository } from '../infra/db/repositories/webhook-replay-repository.js';
import type { App, AppConfig, StartedApp } from './app-types.js';
import { createCore, type CoreDeps } from './create-core.js';

export type AppDeps = CoreDeps;

/** How often the app looks for tenant edits made by other processes (the CLI). */
const EXTERNAL_CHANGE_POLL_MS = 1_000;
const OUTBOX_POLL_MS = 1_000;

/** Builds the whole appliance: core + the public (Twilio) listener + the console listener when headless. */
export function createApp(config: AppConfig, deps: AppDeps = {}): App {
  const core = createCore(config, deps);
  // Action URLs in TwiML point at the public URL, or at this listener once it knows its port.
  const routes: Map<string, WebhookRoute> = createTwilioRoutes({
    flow: core.callFlow,
    replay: createWebhookReplayRepository(core.db),
    baseUrl: () => config.publicUrl ?? publicListener.localBaseUrl,
    now: () => core.clock.now(),
    logger: core.logger.child({ listener: 'public' }),
  });
  const publicListener: PublicListener = new PublicListener({
    host: config.webhookHost,
    port: config.webhookPort,
    routes,
    publicUrl: () => config.publicUrl,
    authToken: () => config.twilio.authToken,
    now: () => core.clock.now(),
    logger: core.logger.child({ listener: 'public' }),
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
      publicUrl: config.publicUrl,
      signaturesVerified: config.twilio.authToken !== null,
    }),
    activeCalls: () => core.calls.activeCount(),
  });

  core.setWebhookBase(() => config.publicUrl ?? publicListener.localBaseUrl);

  let poll: NodeJS.Timeout | null = null;
  let outboxTimer: NodeJS.Timeout | null = null;
  let delivery: Promise<unknown> = Promise.resolve();
  let state: 'new' | 'started' | 'stopped' = 'new';

  function pollExternalChanges(): void {
    try {
      const changed = core.tenants.refreshIfChanged();
      if (changed.length > 0) core.events.publish({ name: 'tenants/changed', payload: { tenantIds: changed } });
    } catch (error) {
      core.logger.error({ err: error }, 'could not check for tenant changes');
    }
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
        poll = setInterval(pollExternalChanges, EXTERNAL_CHANGE_POLL_MS);
        poll.unref();
        // Due texts go out within a second; what failed waits for its backoff, across restarts too.
        outboxTimer = setInterval(() => {
          delivery = core.outbox.deliverDue().catch((error: unknown) => core.logger.error({ err: error }, 'outbox pass failed'));
        }, OUTBOX_POLL_MS);
        outboxTimer.unref();
        core.events.publish({ name: 'health/changed', payload: core.health() });
        const started: StartedApp = {
          consoleUrl: consolePort === null ? null : `${config.consoleTls ? 'https' : 'http'}://${urlHost(config.consoleHost)}:${consolePort}/`,
          webhookUrl: `http://${urlHost(config.webhookHost)}:${webhookPort}/twilio/voice`,
        };
        core.logger.info({ ...started, publicUrl: config.publicUrl }, 'appliance started');
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
      poll = null;
      outboxTimer = null;
      await delivery;
      await Promise.allSettled([publicListener.stop(), consoleListener?.stop()]);
      core.close();
      core.logger.info({}, 'appliance stopped');
    },
    dispatch: (name, input, context) => core.dispatch(name, input, context),
    subscribe: (listener) => core.events.subscribe(listener),
    openConsoleSession: (options) => core.openConsoleSession(options),
  };
}
