import path from 'node:path';

export interface HostPaths {
  /** Project (or app.asar) root: where package.json sits. */
  root: string;
  preload: string;
  rendererDir: string;
  trayIcon: string;
  windowIcon: string;
}

/**
 * Everything is found relative to the compiled main file (`<root>/dist/main/electron/main.js`),
 * never the working directory: a packaged app is launched from anywhere, and inside app.asar.
 */
export function resolveHostPaths(mainDir: string): HostPaths {
  const root = path.resolve(mainDir, '..', '..', '..');
  return {
    root,
    preload: path.join(root, 'dist', 'preload', 'preload.cjs'),
    rendererDir: path.join(root, 'dist', 'renderer'),
    trayIcon: path.join(root, 'resources', 'icons', 'tray.png'),
    windowIcon: path.join(root, 'resources', 'icons', 'icon.png'),
  };
}
