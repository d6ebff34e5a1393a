import { ContractError } from '../../shared/contract/index.js';
import { createApp, loadConfig } from '../app/index.js';
import { createLogger } from '../infra/logging.js';
import { installProcessNet } from '../app/process-net.js';

/**
 * The plain-Node host: the same core as the desktop app, with the console served to a browser.
 * Prints exactly the two URLs on stdout; logs go to stderr.
 */
export async function runHeadless(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let app;
  try {
    const config = loadConfig(env, argv, { serveConsole: true });
    const logger = createLogger(config.logLevel);
    installProcessNet(logger);
    app = createApp(config, { logger });
  } catch (error) {
    exitWithError(error);
  }
  let started;
  try {
    started = await app.start();
  } catch (error) {
    exitWithError(error);
  }
  process.stdout.write(`Console: ${started.consoleUrl}\nWebhooks: ${started.webhookUrl}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`Received ${signal}; stopping Frontdesk.\n`);
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Frontdesk did not stop cleanly: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

function exitWithError(error: unknown): never {
  if (error instanceof ContractError) {
    process.stderr.write(`${error.message}\n${(error.details ?? []).map((d) => `  - ${d}\n`).join('')}`);
    process.exit(2);
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    process.stderr.write(`A port Frontdesk needs is already in use (${String((error as Error).message)}). ` +
      'Set FRONTDESK_CONSOLE_PORT / FRONTDESK_WEBHOOK_PORT to other ports, or 0 for any free port.\n');
    process.exit(2);
  }
  process.stderr.write(`Frontdesk could not start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
}
