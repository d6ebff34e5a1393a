import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_COMMAND_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/contract/index.js';
import type { App } from '../app/index.js';
import { isAppOriginUrl } from './app-origin.js';
import { createIpcCommandHandler } from './ipc-command-handler.js';
import type { ExpectedSender, SenderFrameInfo } from './ipc-sender-policy.js';

export interface IpcAdapterOptions {
  core: Pick<App, 'openConsoleSession' | 'subscribe'>;
  getWindow: () => BrowserWindow | null;
  appOrigin: string;
  log: (message: string) => void;
  /** This computer's OS user, so the window can offer "Remember me on this computer". */
  desktopUser?: string;
}

/** Commands in over `invoke`, events out over `send`; returns a disposer for shutdown. */
export function registerIpcAdapter(options: IpcAdapterOptions): () => void {
  const { core, getWindow, appOrigin, log, desktopUser } = options;
  // The desktop window is this PC's own console: open until the first account exists, then sign-in.
  const session = core.openConsoleSession({ transport: 'ipc', source: 'desktop', openUntilFirstAccount: true, ...(desktopUser ? { desktopUser } : {}) });
  const handle = createIpcCommandHandler({
    dispatch: (name, input) => session.dispatch(name, input),
    expectedSender: () => expectedSender(getWindow(), appOrigin),
    onRejected: (reason) => log(`rejected IPC command: ${reason}`),
    onError: (error) => log(`IPC command failed: ${String(error)}`),
  });
  ipcMain.handle(IPC_COMMAND_CHANNEL, (event, name: unknown, input: unknown) => handle(senderInfo(event), name, input));

  const unsubscribe = core.subscribe((event) => {
    const window = getWindow();
    if (!window || window.isDestroyed()) return;
    // Events carry practice data: only the console itself may receive them.
    if (!isAppOriginUrl(window.webContents.mainFrame.url, appOrigin)) return;
    const visible = session.filter(event);
    if (visible) window.webContents.send(IPC_EVENT_CHANNEL, visible);
  });

  return () => {
    ipcMain.removeHandler(IPC_COMMAND_CHANNEL);
    unsubscribe();
  };
}

function senderInfo(event: IpcMainInvokeEvent): SenderFrameInfo | null {
  const frame = event.senderFrame;
  if (!frame) return null;
  return {
    webContentsId: event.sender.id,
    processId: frame.processId,
    routingId: frame.routingId,
    isMainFrame: frame.parent === null,
    url: frame.url,
  };
}

function expectedSender(window: BrowserWindow | null, appOrigin: string): ExpectedSender | null {
  if (!window || window.isDestroyed()) return null;
  const frame = window.webContents.mainFrame;
  return { webContentsId: window.webContents.id, processId: frame.processId, routingId: frame.routingId, appOrigin };
}
