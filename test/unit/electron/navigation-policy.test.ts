import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../../src/main/electron/app-origin.js';
import {
  decideNavigation,
  decideRedirect,
  decideWindowOpen,
  isAllowedNavigation,
  isSafeExternalUrl,
} from '../../../src/main/electron/navigation-policy.js';

describe('isAllowedNavigation', () => {
  it.each([
    'app://console/index.html',
    'app://console/',
    'app://console',
    'app://console/calls?id=1#transcript',
    'APP://console/index.html',
    'app://CONSOLE/index.html',
  ])('allows the app origin: %s', (url) => {
    expect(isAllowedNavigation(url, APP_ORIGIN)).toBe(true);
  });

  it.each([
    ['a look-alike host', 'app://console.evil.com/index.html'],
    ['a host that merely starts with console', 'app://consoles/index.html'],
    ['credentials that hide another host', 'app://console@evil.com/'],
    ['a backslash before the real host', 'app://console\\@evil.com/'],
    ['a port', 'app://console:8080/index.html'],
    ['credentials on the app host', 'app://user:pass@console/'],
    ['another host on the app scheme', 'app://evil.com/index.html'],
    ['no host', 'app:///index.html'],
    ['an opaque app: URL', 'app:console/index.html'],
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: dressed as the app', 'javascript://console/%0Aalert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['about:blank', 'about:blank'],
    ['https', 'https://example.com/'],
    ['http on loopback', 'http://127.0.0.1:7410/'],
    ['devtools', 'devtools://devtools/bundled/inspector.html'],
    ['the empty string', ''],
    ['garbage', 'not a url'],
  ])('refuses %s', (_why, url) => {
    expect(isAllowedNavigation(url, APP_ORIGIN)).toBe(false);
  });

  it('refuses everything when the expected origin itself is malformed', () => {
    expect(isAllowedNavigation('app://console/', 'not an origin')).toBe(false);
    expect(isAllowedNavigation('app:console', 'app:console')).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it.each(['https://example.com/help', 'http://example.com/', 'https://support.twilio.com/hc/en-us?x=1'])(
    'accepts plain web links: %s',
    (url) => expect(isSafeExternalUrl(url)).toBe(true),
  );

  it.each([
    'file:///etc/passwd',
    'file://server/share/x.exe',
    'javascript:alert(1)',
    'ms-msdt:/id PCWDiagnostic',
    'smb://server/share',
    'mailto:someone@example.com',
    'https://user:pass@example.com/',
    'https://user@example.com/',
    'app://console/index.html',
    'data:text/html,hi',
    '',
    'https://',
  ])('refuses %s', (url) => expect(isSafeExternalUrl(url)).toBe(false));
});

describe('decideNavigation', () => {
  it('lets the console move between its own pages', () => {
    expect(decideNavigation('app://console/settings', APP_ORIGIN)).toEqual({ allow: true });
  });

  it('sends a clicked web link to the browser instead of the console window', () => {
    expect(decideNavigation('https://example.com/', APP_ORIGIN)).toEqual({ allow: false, openExternally: true });
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'app://console.evil.com/', 'ms-settings:privacy'])(
    'blocks %s without opening anything',
    (url) => {
      expect(decideNavigation(url, APP_ORIGIN)).toEqual({ allow: false, openExternally: false });
    },
  );
});

describe('decideRedirect', () => {
  it('allows redirects within the app', () => {
    expect(decideRedirect('app://console/index.html', APP_ORIGIN)).toEqual({ allow: true });
  });

  it('never opens anything for a redirect off the app, even to a web page', () => {
    expect(decideRedirect('https://example.com/', APP_ORIGIN)).toEqual({ allow: false, openExternally: false });
  });
});

describe('decideWindowOpen', () => {
  it('opens web links in the browser', () => {
    expect(decideWindowOpen('https://example.com/', APP_ORIGIN)).toEqual({ openExternally: true });
  });

  it.each(['app://console/index.html', 'file:///etc/passwd', 'javascript:alert(1)', 'about:blank', 'https://a:b@example.com/'])(
    'opens nothing for %s',
    (url) => expect(decideWindowOpen(url, APP_ORIGIN)).toEqual({ openExternally: false }),
  );
});
