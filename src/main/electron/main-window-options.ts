import type { BrowserWindowConstructorOptions } from 'electron';

export interface MainWindowOptionsInput {
  preloadPath: string;
  iconPath?: string;
  /** DevTools only in development: in the field they would let anyone at the desk drive the core. */
  devTools: boolean;
}

/**
 * The Electron security checklist, in one place so a test can hold the line: the renderer gets
 * no Node, runs sandboxed in an isolated world, and can only reach the core through the preload's
 * bridge.
 */
export function buildMainWindowOptions(input: MainWindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Frontdesk',
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    // Shown on ready-to-show so staff never see a blank white frame.
    show: false,
    backgroundColor: '#f8fafc',
    autoHideMenuBar: true,
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: input.devTools,
    },
  };
}
