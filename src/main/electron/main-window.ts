import { BrowserWindow } from 'electron';
import { buildMainWindowOptions } from './main-window-options.js';

export interface MainWindowOptions {
  preloadPath: string;
  iconPath: string;
  devTools: boolean;
  entryUrl: string;
  /** While Frontdesk is not quitting, closing the window only hides it: calls keep being answered. */
  hideOnClose: () => boolean;
  onHidden: () => void;
  log: (message: string) => void;
}

/** A renderer that keeps dying right after a reload would spin; give up after this many in a row. */
const MAX_QUICK_RELOADS = 3;
const QUICK_RELOAD_WINDOW_MS = 60_000;

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow(
    buildMainWindowOptions({ preloadPath: options.preloadPath, iconPath: options.iconPath, devTools: options.devTools }),
  );
  window.once('ready-to-show', () => window.show());

  window.on('close', (event) => {
    if (!options.hideOnClose()) return;
    event.preventDefault();
    window.hide();
    options.onHidden();
  });

  let recentReloads: number[] = [];
  window.webContents.on('render-process-gone', (_event, details) => {
    options.log(`console renderer gone: ${details.reason} (exit code ${details.exitCode})`);
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    const now = Date.now();
    recentReloads = recentReloads.filter((at) => now - at < QUICK_RELOAD_WINDOW_MS);
    if (recentReloads.length >= MAX_QUICK_RELOADS) {
      options.log('console renderer keeps crashing; not reloading again');
      return;
    }
    recentReloads.push(now);
    loadEntry(window, options);
  });

  loadEntry(window, options);
  return window;
}

function loadEntry(window: BrowserWindow, options: MainWindowOptions): void {
  window.loadURL(options.entryUrl).catch((error: unknown) => options.log(`could not load the console: ${String(error)}`));
}

/** For the tray's "Open console" and a second launch: bring the existing window forward. */
export function revealWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
