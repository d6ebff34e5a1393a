import { describe, expect, it } from 'vitest';
import { buildMainWindowOptions } from '../../../src/main/electron/main-window-options.js';

describe('buildMainWindowOptions', () => {
  const options = buildMainWindowOptions({ preloadPath: '/app/dist/preload/preload.cjs', iconPath: '/app/icon.png', devTools: false });

  it('isolates and sandboxes the renderer with no Node access', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/preload/preload.cjs',
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
    });
  });

  it('waits for the first paint before showing', () => {
    expect(options.show).toBe(false);
  });

  it('offers DevTools only when asked (development)', () => {
    expect(options.webPreferences?.devTools).toBe(false);
    expect(buildMainWindowOptions({ preloadPath: '/p.cjs', devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('sets the icon only when one is given', () => {
    expect(options.icon).toBe('/app/icon.png');
    expect('icon' in buildMainWindowOptions({ preloadPath: '/p.cjs', devTools: false })).toBe(false);
  });
});
