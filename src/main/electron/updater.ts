import electronUpdater from 'electron-updater';
import { UPDATE_CHECK_INTERVAL_MS } from './update-policy.js';

export interface UpdaterLog {
  info(message: string): void;
  error(message: string): void;
}

/**
 * Checks now and every few hours; a failed check (offline practice, feed down) is logged and
 * retried on the next tick, never surfaced as a crash. Returns a stop function.
 */
export function startAutoUpdates(log: UpdaterLog): () => void {
  // electron-updater is CommonJS; its named export only exists on the default import under ESM.
  const { autoUpdater } = electronUpdater;
  autoUpdater.logger = {
    info: (message?: unknown) => log.info(`updater: ${String(message)}`),
    warn: (message?: unknown) => log.info(`updater warning: ${String(message)}`),
    error: (message?: unknown) => log.error(`updater: ${String(message)}`),
    debug: () => undefined,
  };
  autoUpdater.on('error', (error: Error) => log.error(`update check failed: ${error.message}`));

  const check = (): void => {
    autoUpdater.checkForUpdatesAndNotify().catch((error: unknown) => log.error(`update check failed: ${String(error)}`));
  };
  check();
  const timer = setInterval(check, UPDATE_CHECK_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
