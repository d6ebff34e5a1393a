import { BRIDGE_KEY, type FrontdeskBridge } from '../../shared/contract/bridge.js';
import { browserSocketUrlResolver, type BrowserPage } from './browser-socket-url.js';
import { ConsoleClient } from './console-client.js';
import { IpcTransport } from './ipc-transport.js';
import { WebSocketTransport, type BackoffOptions, type WebSocketConstructor } from './websocket-transport.js';

/** What the console needs from its window: the desktop bridge, or the page and a WebSocket. */
export type ConsoleHost = Partial<BrowserPage> & {
  readonly [BRIDGE_KEY]?: FrontdeskBridge | undefined;
  readonly WebSocket?: WebSocketConstructor | undefined;
};

export interface CreateConsoleClientOptions {
  backoff?: Partial<BackoffOptions>;
  requestTimeoutMs?: number;
  /** The sign-in to resume on every (re)connect. */
  session?: () => string | null;
}

/** Desktop app (preload bridge present) → IPC; a browser on the headless console → WebSocket. */
export function createConsoleClient(host: ConsoleHost = globalThis as ConsoleHost, options: CreateConsoleClientOptions = {}): ConsoleClient {
  const bridge = host[BRIDGE_KEY];
  if (bridge) return new ConsoleClient(new IpcTransport(bridge));

  const { location, document } = host;
  if (!location || !document) throw new Error('The console needs either the desktop bridge or a browser page.');
  const page: BrowserPage = { location, document, ...(host.fetch ? { fetch: host.fetch.bind(host) } : {}) };
  return new ConsoleClient(
    new WebSocketTransport({
      url: browserSocketUrlResolver(page, options.session),
      ...(host.WebSocket ? { WebSocket: host.WebSocket } : {}),
      ...(options.backoff ? { backoff: options.backoff } : {}),
      ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    }),
  );
}
