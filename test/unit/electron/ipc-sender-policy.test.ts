import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../../src/main/electron/app-origin.js';
import {
  checkSender,
  isTrustedSender,
  type ExpectedSender,
  type SenderFrameInfo,
} from '../../../src/main/electron/ipc-sender-policy.js';

const expected: ExpectedSender = { webContentsId: 1, processId: 7, routingId: 3, appOrigin: APP_ORIGIN };
const consoleFrame: SenderFrameInfo = {
  webContentsId: 1,
  processId: 7,
  routingId: 3,
  isMainFrame: true,
  url: 'app://console/index.html',
};

describe('checkSender', () => {
  it("trusts the console window's main frame on the app origin", () => {
    expect(checkSender(consoleFrame, expected)).toEqual({ trusted: true });
    expect(isTrustedSender({ ...consoleFrame, url: 'app://console/calls?x=1#y' }, expected)).toBe(true);
  });

  it('refuses when no console window exists', () => {
    expect(checkSender(consoleFrame, null)).toEqual({ trusted: false, reason: 'no console window is open' });
  });

  it('refuses a sender whose frame is already gone', () => {
    expect(checkSender(null, expected)).toEqual({ trusted: false, reason: 'sender frame is gone' });
  });

  it('refuses a subframe, even one on the app origin in the right process', () => {
    const subframe = { ...consoleFrame, isMainFrame: false, routingId: 4 };
    expect(checkSender(subframe, expected)).toEqual({ trusted: false, reason: 'sender is a subframe' });
    expect(isTrustedSender({ ...consoleFrame, isMainFrame: false }, expected)).toBe(false);
  });

  it('refuses another webContents', () => {
    expect(checkSender({ ...consoleFrame, webContentsId: 2 }, expected)).toMatchObject({ trusted: false });
  });

  it('refuses a main frame from another process or routing id (a swapped-in frame)', () => {
    expect(isTrustedSender({ ...consoleFrame, processId: 8 }, expected)).toBe(false);
    expect(isTrustedSender({ ...consoleFrame, routingId: 9 }, expected)).toBe(false);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:7410/',
    'file:///home/desk/index.html',
    'app://console.evil.com/index.html',
    'app://console@evil.com/',
    'app://evil/index.html',
    'about:blank',
    'data:text/html,hi',
    'devtools://devtools/bundled/inspector.html',
    '',
  ])('refuses the right frame showing a foreign origin: %s', (url) => {
    const verdict = checkSender({ ...consoleFrame, url }, expected);
    expect(verdict.trusted).toBe(false);
  });

  it('names only the origin in the reason, never the query', () => {
    const verdict = checkSender({ ...consoleFrame, url: 'https://evil.example/path?token=secret' }, expected);
    expect(verdict).toEqual({ trusted: false, reason: 'sender origin is not the app origin (https://evil.example)' });
  });
});
