import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, Notification, session, shell, type BrowserWindow } from 'electron';
import { ContractError } from '../../shared/contract/index.js';
import { createApp, loadConfig, type App } from '../app/index.js';
import { installProcessNet } from '../app/process-net.js';
import { createLogger } from '../infra/logging.js';
import { APP_ENTRY_URL, APP_ORIGIN } from './app-origin.js';
import { registerAppSchemePrivileged, serveAppProtocol } from './app-protocol-handler.js';
import { hardenWebContents } from './harden-web-contents.js';
import { resolveHostPaths } from './host-paths.js';
import { createBrowserOpener } from './open-in-browser.js';
import { desktopUserName } from './desktop-user.js';
import { registerIpcAdapter } from './ipc-adapter.js';
import { createDesktopVault } from './safe-storage-vault.js';
import { notifyOnReview } from './review-notifier.js';
import { createMainWindow, revealWindow } from './main-window.js';
import { createQuitGate } from './quit-gate.js';
import { secureSession } from './session-security.js';
import { createTray, type TrayHandle } from './tray.js';
import { buildTrayModel } from './tray-status.js';
import { startAutoUpdates } from './updater.js';
import { shouldCheckForUpdates } from './update-policy.js';
import { watchHealth } from './watch-health.js';

// Replaced by a logger at the configured level once the configuration is read.
let logger = createLogger('info').child({ host: 'desktop' });
const log = (message: string): void => logger.info(message);
const warn = (message: string): void => logger.warn(message);
const logError = (message: string, error?: unknown): void =>
  error === undefined ? logger.error(message) : logger.error({ err: error }, message);

const paths = resolveHostPaths(path.dirname(fileURLToPath(import.meta.url)));

// Everything here must happen before `ready`: Chromium reads it at startup.
registerAppSchemePrivileged();
app.enableSandbox();
// A dev run is named after package.json ("frontdesk"); pin the folder so dev, packaged and headless
// runs (infra/paths.ts) all share one data folder.
app.setPath('userData', path.join(app.getPath('appData'), 'Frontdesk'));

if (!app.requestSingleInstanceLock()) {
  // The running Frontdesk owns the database and the webhook port; it gets a `second-instance`
  // event and shows its window, so this one just leaves.
  app.quit();
} else {
  runDesktop();
}

function runDesktop(): void {
  let core: App | null = null;
  let window: BrowserWindow | null = null;
  let tray: TrayHandle | null = null;
  let startFailed = false;
  let toldAboutTray = false;
  const disposers: Array<() => void> = [];

  const gate = createQuitGate({
    stop: async () => {
      for (const dispose of disposers.splice(0).reverse()) dispose();
      if (core) await core.stop();
      // app.exit (below) skips will-quit; an icon left behind lingers in the Windows tray.
      tray?.destroy();
      tray = null;
    },
    // app.exit skips before-quit, so the gate is not entered twice; it also carries the exit code.
    quitAgain: () => app.exit(startFailed ? 1 : 0),
    onError: (error) => logError('Frontdesk did not stop cleanly', error),
  });

  const showConsole = (): void => {
    if (window && !window.isDestroyed()) revealWindow(window);
  };

  app.on('before-quit', (event) => {
    if (!gate.beforeQuit()) event.preventDefault();
  });
  app.on('second-instance', showConsole);
  app.on('activate', showConsole);
  // The window only hides while there is a tray to bring it back; without one, closing it quits.
  app.on('window-all-closed', () => {
    if (!tray) app.quit();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { appOrigin: APP_ORIGIN, log: warn }));

  const start = async (): Promise<void> => {
    if (process.platform === 'win32') app.setAppUserModelId('app.frontdesk.appliance');
    secureSession(session.defaultSession, APP_ORIGIN, warn);
    const config = loadConfig(process.env, process.argv, { dataDir: app.getPath('userData'), serveConsole: false });
    const rootLogger = createLogger(config.logLevel);
    logger = rootLogger.child({ host: 'desktop' });
    // The desktop app answers the phone too: a bug that escapes a handler is logged, not fatal.
    installProcessNet(logger);
    serveAppProtocol(session.defaultSession, config.rendererDir, warn);

    tray = createTrayOrNull(paths.trayIcon, { 'open-console': showConsole, quit: () => app.quit() });
    tray?.update(buildTrayModel(null));

    const vault = createDesktopVault({ dataDir: config.dataDir, vaultKey: config.vaultKey ?? null, logger: rootLogger });
    // Calendar sign-ins (Google, Outlook) open in the system browser; the console shows the link too.
    core = createApp(config, { logger: rootLogger, vault, openBrowser: createBrowserOpener((url) => shell.openExternal(url), warn) });
    const started = await core.start();
    log(`webhooks listening at ${started.webhookUrl}`);

    // IPC first: the console's first command may arrive before the window has even shown.
    disposers.push(registerIpcAdapter({ core, getWindow: () => window, appOrigin: APP_ORIGIN, log: warn, desktopUser: desktopUserName() }));
    if (tray) {
      const trayHandle = tray;
      disposers.push(watchHealth(core, { onHealth: (health) => trayHandle.update(buildTrayModel(health)), onError: warn }));
    }
    window = createMainWindow({
      preloadPath: paths.preload,
      iconPath: paths.windowIcon,
      devTools: !app.isPackaged,
      entryUrl: APP_ENTRY_URL,
      hideOnClose: () => !gate.quitting && tray !== null,
      onHidden: () => {
        if (toldAboutTray || !Notification.isSupported()) return;
        toldAboutTray = true;
        new Notification({
          title: 'Frontdesk is still answering calls',
          body: 'Closing the window keeps Frontdesk running. Quit it from the tray icon.',
        }).show();
      },
      log: warn,
    });

    const names = new Map<string, string>();
    disposers.push(
      core.subscribe((event) => {
        if (event.name === 'tenants/changed') names.clear();
      }),
      notifyOnReview(core, {
        practiceName: (tenantId) => names.get(tenantId) ?? null,
        onClick: showConsole,
      }),
    );
    void core.dispatch('tenants/list', {}, { actor: 'desk', transport: 'internal' }).then((result) => {
      if (result.ok) for (const t of result.output as { id: string; name: string }[]) names.set(t.id, t.name);
    });

    if (shouldCheckForUpdates({ isPackaged: app.isPackaged, env: process.env })) {
      disposers.push(startAutoUpdates({ info: log, error: (message) => logError(message) }));
    }
  };

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      startFailed = true;
      logError('Frontdesk could not start', error);
      dialog.showErrorBox('Frontdesk could not start', describeStartError(error));
      app.quit();
    });
}

function createTrayOrNull(iconPath: string, actions: Parameters<typeof createTray>[1]): TrayHandle | null {
  try {
    return createTray(iconPath, actions);
  } catch (error) {
    // Some Linux desktops have no tray; the window still works, so this is not fatal.
    logError('could not create the tray icon', error);
    return null;
  }
}

function describeStartError(error: unknown): string {
  if (error instanceof ContractError) return [error.message, ...(error.details ?? [])].join('\n');
  const message = error instanceof Error ? error.message : String(error);
  if ((error as NodeJS.ErrnoException | null)?.code === 'EADDRINUSE') {
    return `A port Frontdesk needs is already in use (${message}).\nSet FRONTDESK_WEBHOOK_PORT to another port, or 0 for any free port.`;
  }
  return message;
}
