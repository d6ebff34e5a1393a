import { isAppOriginUrl } from './app-origin.js';

/** What main knows about the frame that sent an IPC message (from `event.senderFrame`). */
export interface SenderFrameInfo {
  webContentsId: number;
  processId: number;
  routingId: number;
  isMainFrame: boolean;
  url: string;
}

/** The one frame allowed to run commands: the main window's main frame, on the app origin. */
export interface ExpectedSender {
  webContentsId: number;
  processId: number;
  routingId: number;
  appOrigin: string;
}

export type SenderVerdict = { trusted: true } | { trusted: false; reason: string };

/**
 * Like VS Code's validatedIpcMain: the preload only runs in the main window, but an iframe or a
 * page that somehow got loaded there must not reach the core, so every message is checked
 * against the exact frame and origin we expect.
 */
export function checkSender(frame: SenderFrameInfo | null, expected: ExpectedSender | null): SenderVerdict {
  if (!expected) return { trusted: false, reason: 'no console window is open' };
  // senderFrame is null once the frame navigated away or was destroyed mid-message.
  if (!frame) return { trusted: false, reason: 'sender frame is gone' };
  if (!frame.isMainFrame) return { trusted: false, reason: 'sender is a subframe' };
  if (frame.webContentsId !== expected.webContentsId) return { trusted: false, reason: 'sender is not the console window' };
  if (frame.processId !== expected.processId || frame.routingId !== expected.routingId) {
    return { trusted: false, reason: "sender is not the console window's main frame" };
  }
  if (!isAppOriginUrl(frame.url, expected.appOrigin)) {
    return { trusted: false, reason: `sender origin is not the app origin (${describeUrl(frame.url)})` };
  }
  return { trusted: true };
}

export function isTrustedSender(frame: SenderFrameInfo | null, expected: ExpectedSender | null): boolean {
  return checkSender(frame, expected).trusted;
}

/** Logs name the origin only: a URL's query could carry something private. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'unparsable url';
  }
}
