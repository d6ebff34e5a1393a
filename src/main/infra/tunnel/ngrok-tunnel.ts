import type * as NgrokPackage from '@ngrok/ngrok';
import type { Tunnel, TunnelHooks } from '../../core/reachability/index.js';

/** ngrok normally connects in about a second; past this the network is treated as blocking it. */
const CONNECT_TIMEOUT_MS = 20_000;

type NgrokModule = typeof NgrokPackage;
type NgrokSession = Awaited<ReturnType<InstanceType<NgrokModule['SessionBuilder']>['connect']>>;
type NgrokListener = Awaited<ReturnType<ReturnType<NgrokSession['httpEndpoint']>['listenAndForward']>>;

export interface NgrokTunnelOptions {
  /** Read when the tunnel starts, so a rotated token applies at the next start. */
  authtoken: () => string | null;
  /** A reserved or static domain (my-office.ngrok.app); null = a random one per start. */
  domain: string | null;
  /** The public listener's local URL; the console listener is never given to ngrok. */
  forwardTo: string;
  hooks: TunnelHooks;
  /** ngrok's ingress (tests point it at a closed local port); ngrok's own by default. */
  serverAddr?: string;
  connectTimeoutMs?: number;
  /** Loads the native package; lazily, so the CLI and platforms without it never pay for it. */
  load?: () => Promise<NgrokModule>;
}

/**
 * ngrok through its embedded agent (`@ngrok/ngrok`): one HTTP endpoint forwarding to the public
 * listener only. The session reconnects by itself after a network loss and reports down/up.
 */
export function createNgrokTunnel(options: NgrokTunnelOptions): Tunnel {
  let session: NgrokSession | null = null;
  let listener: NgrokListener | null = null;
  let closed = false;
  let dropped = false;

  return {
    async start() {
      const token = options.authtoken();
      if (!token) throw new Error('Add your ngrok authtoken (dashboard.ngrok.com → Your Authtoken) to reach this computer through ngrok.');
      let ngrok: NgrokModule;
      try {
        ngrok = await (options.load ?? (() => import('@ngrok/ngrok')))();
      } catch (error) {
        throw new Error(`ngrok cannot run on this computer (${(error as Error).message}). Use your own public URL instead.`);
      }
      const builder = new ngrok.SessionBuilder()
        .authtoken(token)
        .clientInfo('frontdesk', '1')
        .handleDisconnection((_addr, error) => {
          if (closed) return false;
          dropped = true;
          options.hooks.onDown(error);
          return true;
        })
        .handleHeartbeat(() => {
          // The first heartbeat after a drop means the session is back, at the same endpoint.
          if (!dropped || !listener) return;
          dropped = false;
          options.hooks.onUp(listener.url() ?? '');
        });
      if (options.serverAddr) builder.serverAddr(options.serverAddr);
      try {
        const connecting = builder.connect();
        // If it connects after we gave up, close that late session instead of leaking it.
        session = await withTimeout(connecting, options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS, () => void connecting.then(closeQuietly, () => {}));
        const endpoint = session.httpEndpoint();
        if (options.domain) endpoint.domain(options.domain);
        listener = await endpoint.listenAndForward(options.forwardTo);
      } catch (error) {
        await closeQuietly(session);
        session = null;
        throw new Error(explainNgrokError(error, options.domain));
      }
      const url = listener.url();
      if (!url) throw new Error('ngrok started but gave no URL.');
      return url.replace(/\/+$/, '');
    },
    async close() {
      closed = true;
      await closeQuietly(listener);
      await closeQuietly(session);
      listener = null;
      session = null;
    },
  };
}

/** ngrok's errors (ERR_NGROK_… codes, transport failures) as a sentence the owner can act on. */
export function explainNgrokError(error: unknown, domain: string | null): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/ERR_NGROK_(105|106|107|4018)|authtoken|authentication failed/i.test(text)) {
    return 'ngrok refused that authtoken. Copy it again from dashboard.ngrok.com (Your Authtoken).';
  }
  if (domain && /ERR_NGROK_(3200|319|320|313)|domain|hostname/i.test(text)) {
    return `ngrok refused the domain ${domain}: it must be a domain reserved on this ngrok account (${firstLine(text)}).`;
  }
  if (/ERR_NGROK_108|limited to \d+ simultaneous/i.test(text)) {
    return 'This ngrok account is already online from another computer; a free account allows one. Stop the other agent or use another account.';
  }
  if (error instanceof TimeoutError || /tcp connection|dns|resolve|connect|timed? ?out|network|refused/i.test(text)) {
    return `Could not reach ngrok from this computer (${firstLine(text)}). Check the internet connection and that the firewall allows outgoing connections to connect.ngrok-agent.com on port 443, or use your own public URL instead.`;
  }
  return `ngrok could not start: ${firstLine(text)}`;
}

class TimeoutError extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new TimeoutError(`no answer within ${Math.round(ms / 1000)} s`));
    }, ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function closeQuietly(thing: { close(): Promise<void> } | null): Promise<void> {
  try {
    await thing?.close();
  } catch {
    // Already gone with the network; nothing left to release.
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 200);
}
