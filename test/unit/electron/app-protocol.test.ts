import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, fallbackFileFor, resolveAppFile } from '../../../src/main/electron/app-protocol.js';

const root = '/opt/frontdesk/dist/renderer';

/** Some traversal attempts are already folded by the URL parser; what matters is that nothing escapes. */
function expectContained(result: string | null, rootDir = root, api = path.posix): void {
  if (result === null) return;
  const relative = api.relative(rootDir, result);
  expect(relative.startsWith('..')).toBe(false);
  expect(api.isAbsolute(relative)).toBe(false);
}

describe('resolveAppFile', () => {
  it.each([
    ['app://console/index.html', 'index.html'],
    ['app://console/', 'index.html'],
    ['app://console', 'index.html'],
    ['app://console/assets/index-abc123.js', 'assets/index-abc123.js'],
    ['app://console/assets/logo%20small.svg', 'assets/logo small.svg'],
    ['app://console/assets/?v=1#top', 'assets/index.html'],
    ['app://console/index.html?token=x#calls', 'index.html'],
    ['app://CONSOLE/index.html', 'index.html'],
    ['app://console/..foo.js', '..foo.js'],
  ])('serves %s from the renderer folder', (url, file) => {
    expect(resolveAppFile(url, root)).toBe(path.posix.join(root, file));
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['a look-alike host', 'app://console.evil.com/index.html'],
    ['credentials', 'app://console@evil.com/index.html'],
    ['credentials on the app host', 'app://me:pw@console/index.html'],
    ['another scheme', 'file:///opt/frontdesk/dist/renderer/index.html'],
    ['https', 'https://console/index.html'],
    ['no host', 'app:///index.html'],
    ['encoded slashes', 'app://console/..%2F..%2F..%2Fetc%2Fpasswd'],
    ['encoded slashes (lower case)', 'app://console/assets%2f..%2f..%2fsecret'],
    ['encoded backslashes', 'app://console/..%5C..%5Cwindows%5Cwin.ini'],
    ['raw backslashes', 'app://console/..\\..\\etc\\passwd'],
    ['an encoded NUL', 'app://console/index.html%00.png'],
    ['a drive letter', 'app://console/C:/Windows/win.ini'],
    ['a drive-relative segment', 'app://console/assets/C:secret'],
    ['malformed percent-encoding', 'app://console/%E0%A4%A'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_why, url) => {
    expect(resolveAppFile(url, root)).toBeNull();
  });

  it.each([
    'app://console/../../../etc/passwd',
    'app://console/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    'app://console/%2E%2E/%2E%2E/etc/passwd',
    'app://console/assets/.%2e/.%2e/.%2e/etc/passwd',
    'app://console/assets/../../../../etc/shadow',
    'app://console//etc/passwd',
    'app://console/%252e%252e/%252e%252e/etc/passwd',
    'app://console/./././../index.html',
  ])('never leaves the renderer folder: %s', (url) => {
    expectContained(resolveAppFile(url, root));
  });

  it('maps an absolute-looking path under the root rather than to the real /etc', () => {
    expect(resolveAppFile('app://console//etc/passwd', root)).toBe(path.posix.join(root, 'etc/passwd'));
  });

  describe('with Windows path rules', () => {
    const winRoot = 'C:\\Program Files\\Frontdesk\\resources\\app.asar\\dist\\renderer';

    it('serves files with Windows separators', () => {
      expect(resolveAppFile('app://console/assets/app.js', winRoot, path.win32)).toBe(`${winRoot}\\assets\\app.js`);
    });

    it.each([
      'app://console/..%5C..%5C..%5CWindows%5Cwin.ini',
      'app://console/C:/Windows/win.ini',
      'app://console/D:secret.txt',
      'app://console/%5C%5Cserver%5Cshare%5Cx',
      'app://console/assets/file.txt:stream',
    ])('refuses %s', (url) => {
      expect(resolveAppFile(url, winRoot, path.win32)).toBeNull();
    });

    it('does not let a relative root drift with the working directory', () => {
      expectContained(resolveAppFile('app://console/%2e%2e/x', 'dist\\renderer', path.win32), path.win32.resolve('dist\\renderer'), path.win32);
    });
  });
});

describe('fallbackFileFor', () => {
  it('serves the console entry for a client-side route', () => {
    expect(fallbackFileFor(path.posix.join(root, 'calls/live'), root)).toBe(path.posix.join(root, 'index.html'));
  });

  it('lets a missing asset 404', () => {
    expect(fallbackFileFor(path.posix.join(root, 'assets/gone.js'), root)).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/app.js', 'text/javascript; charset=utf-8'],
    ['assets/APP.CSS', 'text/css; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['font.woff2', 'font/woff2'],
    ['mystery.bin', 'application/octet-stream'],
    ['no-extension', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});
