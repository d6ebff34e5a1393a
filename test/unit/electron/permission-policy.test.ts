import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../../src/main/electron/app-origin.js';
import { isPermissionAllowed } from '../../../src/main/electron/permission-policy.js';

describe('isPermissionAllowed', () => {
  it('allows notifications from the console, as an origin or a full URL', () => {
    expect(isPermissionAllowed('notifications', 'app://console', APP_ORIGIN)).toBe(true);
    expect(isPermissionAllowed('notifications', 'app://console/index.html', APP_ORIGIN)).toBe(true);
  });

  it('denies notifications to anyone else', () => {
    expect(isPermissionAllowed('notifications', 'https://evil.example', APP_ORIGIN)).toBe(false);
    expect(isPermissionAllowed('notifications', 'app://console.evil.com', APP_ORIGIN)).toBe(false);
    expect(isPermissionAllowed('notifications', '', APP_ORIGIN)).toBe(false);
  });

  it.each(['media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb', 'fileSystem', 'unknown'])(
    'denies %s even to the console',
    (permission) => {
      expect(isPermissionAllowed(permission, 'app://console/index.html', APP_ORIGIN)).toBe(false);
    },
  );
});
