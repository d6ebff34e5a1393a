import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveHostPaths } from '../../../src/main/electron/host-paths.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

describe('resolveHostPaths', () => {
  it('finds everything relative to the compiled main file, not the working directory', () => {
    const paths = resolveHostPaths('/opt/Frontdesk/resources/app.asar/dist/main/electron');
    expect(paths).toEqual({
      root: '/opt/Frontdesk/resources/app.asar',
      preload: '/opt/Frontdesk/resources/app.asar/dist/preload/preload.cjs',
      rendererDir: '/opt/Frontdesk/resources/app.asar/dist/renderer',
      trayIcon: '/opt/Frontdesk/resources/app.asar/resources/icons/tray.png',
      windowIcon: '/opt/Frontdesk/resources/app.asar/resources/icons/icon.png',
    });
  });

  it('points at icons that exist in the repository and are PNGs of the expected size', () => {
    const paths = resolveHostPaths(path.join(repoRoot, 'dist', 'main', 'electron'));
    const expectations: Array<[string, number]> = [
      [paths.trayIcon, 32],
      [paths.trayIcon.replace(/\.png$/, '@2x.png'), 64],
      [paths.windowIcon, 512],
    ];
    for (const [file, size] of expectations) {
      expect(existsSync(file)).toBe(true);
      const bytes = readFileSync(file);
      expect(bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});
