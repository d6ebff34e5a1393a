import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { FrontdeskBridge } from '../../../src/shared/contract/bridge.js';
import type { AnyEvent } from '../../../src/shared/contract/events.js';
import type { CommandResult } from '../../../src/shared/contract/wire.js';
import { browserSocketUrlResolver, consoleSocketUrl, readConsoleTokenFromHtml, type BrowserPage } from '../../../src/renderer/api/browser-socket-url.js';
import { CommandError } from '../../../src/renderer/api/command-error.js';
import type { ConsoleClient } from '../../../src/renderer/api/console-client.js';
import { createConsoleClient, type ConsoleHost } from '../../../src/renderer/api/create-console-client.js';
import type { WebSocketConstructor } from '../../../src/renderer/api/websocket-transport.js';
import { FakeConsoleServer, waitForState } from './fake-console-server.js';

const summary = {
  id: 'bright-smiles',
  name: 'Bright Smiles Dental',
  timezone: 'America/New_York',
  phoneNumbers: ['+15555550123'],
  providerCount: 3,
  serviceCount: 5,
  updatedAt: 0,
};

/** A stand-in for the preload bridge: answers from a table, pushes events on demand. */
function fakeBridge(answers: Partial<Record<string, (input: unknown) => Promise<CommandResult>>>) {
  const listeners = new Set<(event: AnyEvent) => void>();
  const calls: Array<{ name: string; input: unknown }> = [];
  const commands = new Proxy(
    {},
    {
      get: (_target, name) => {
        if (typeof name !== 'string') return undefined;
        const answer = answers[name];
        if (!answer) return undefined;
        return (input: unknown) => {
          calls.push({ name, input });
          return answer(input);
        };
      },
    },
  ) as FrontdeskBridge['commands'];
  const bridge: FrontdeskBridge = {
    commands,
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { bridge, calls, emit: (event: AnyEvent) => listeners.forEach((listener) => listener(event)), listeners };
}

function fakePage(html: { token: string | null; pageUrl: string; served?: () => string }): BrowserPage & { fetched: string[] } {
  const url = new URL(html.pageUrl);
  const fetched: string[] = [];
  return {
    location: { protocol: url.protocol, host: url.host, href: url.href },
    document: {
      querySelector: (selector) =>
        selector === 'meta[name="frontdesk-console-token"]' && html.token !== null ? { getAttribute: (name) => (name === 'content' ? html.token : null) } : null,
    },
    fetch: async (target) => {
      fetched.push(target);
      const body = html.served?.() ?? '';
      return { ok: true, status: 200, text: async () => body };
    },
    fetched,
  };
}

const clients: ConsoleClient[] = [];
const servers: FakeConsoleServer[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const server of servers.splice(0)) await server.stop();
});

describe('createConsoleClient', () => {
  it('uses IPC when the desktop bridge is on window.frontdesk', async () => {
    const { bridge, calls, emit, listeners } = fakeBridge({
      'tenants/list': async () => ({ ok: true, output: [summary] }),
    });
    const client = createConsoleClient({ frontdesk: bridge });
    clients.push(client);

    expect(client.transportKind).toBe('ipc');
    expect(client.state).toBe('open');
    await expect(client.call('tenants/list', {})).resolves.toEqual([summary]);
    expect(calls).toEqual([{ name: 'tenants/list', input: {} }]);

    const events: AnyEvent[] = [];
    const stop = client.subscribe((event) => events.push(event));
    emit({ name: 'tenants/changed', payload: { tenantIds: ['bright-smiles'] } });
    expect(events).toEqual([{ name: 'tenants/changed', payload: { tenantIds: ['bright-smiles'] } }]);
    stop();
    expect(listeners.size).toBe(0);
  });

  it('throws CommandError for an IPC error result, a command the bridge lacks, and a failed invoke', async () => {
    const { bridge } = fakeBridge({
      'tenants/get': async () => ({ ok: false, error: { code: 'not_found', message: 'No practice "x".' } }),
      'health/get': async () => {
        throw new Error('Error invoking remote method');
      },
    });
    const client = createConsoleClient({ frontdesk: bridge });
    clients.push(client);

    await expect(client.call('tenants/get', { tenantId: 'x' })).rejects.toMatchObject({ name: 'CommandError', code: 'not_found', message: 'No practice "x".' });
    await expect(client.call('tenants/list', {})).rejects.toMatchObject({ code: 'unknown_command' });
    const failure = await client.call('health/get', {}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CommandError);
    expect(failure).toMatchObject({ code: 'unavailable', details: ['Error invoking remote method'] });
  });

  it('uses a WebSocket to the page’s own host with the token from the page when there is no bridge', async () => {
    const server = await FakeConsoleServer.start();
    servers.push(server);
    const page = fakePage({ token: 'tok-123', pageUrl: `http://127.0.0.1:${server.port}/#/overview` });
    const host: ConsoleHost = { ...page, WebSocket: WebSocket as WebSocketConstructor };
    const client = createConsoleClient(host, { backoff: { initialMs: 5, maxMs: 20, jitter: 0 } });
    clients.push(client);

    expect(client.transportKind).toBe('websocket');
    await waitForState(client, 'open');
    expect(server.requestUrls).toEqual(['/ws?token=tok-123']);
    // The first connection needs no page reload.
    expect(page.fetched).toEqual([]);
  });

  it('refuses to start without a bridge or a page', () => {
    expect(() => createConsoleClient({})).toThrow(/bridge or a browser page/);
  });
});

describe('browser socket URL', () => {
  it('builds ws:// or wss:// on the page’s host, with the token as a query parameter', () => {
    expect(consoleSocketUrl({ protocol: 'http:', host: '127.0.0.1:4123', href: '' }, 'a b')).toBe('ws://127.0.0.1:4123/ws?token=a+b');
    expect(consoleSocketUrl({ protocol: 'https:', host: 'desk.local', href: '' }, 't')).toBe('wss://desk.local/ws?token=t');
    expect(consoleSocketUrl({ protocol: 'http:', host: 'localhost:80', href: '' }, null)).toBe('ws://localhost/ws');
  });

  it('reads the token meta tag from served HTML', () => {
    expect(readConsoleTokenFromHtml('<head><meta charset="utf-8"><meta name="frontdesk-console-token" content="abc"></head>')).toBe('abc');
    expect(readConsoleTokenFromHtml("<meta content='xyz' name='frontdesk-console-token' />")).toBe('xyz');
    expect(readConsoleTokenFromHtml('<head><!--frontdesk-token--></head>')).toBeNull();
  });

  it('re-reads the token from the page before reconnecting, because a restarted appliance has a new one', async () => {
    let served = '<meta name="frontdesk-console-token" content="second">';
    const page = fakePage({ token: 'first', pageUrl: 'http://127.0.0.1:5000/index.html#/overview', served: () => served });
    const resolve = browserSocketUrlResolver(page);

    await expect(resolve({ index: 0, reconnect: false })).resolves.toBe('ws://127.0.0.1:5000/ws?token=first');
    await expect(resolve({ index: 1, reconnect: true })).resolves.toBe('ws://127.0.0.1:5000/ws?token=second');
    expect(page.fetched).toEqual(['http://127.0.0.1:5000/index.html']);

    served = '<html>no token here</html>';
    await expect(resolve({ index: 2, reconnect: true })).resolves.toBe('ws://127.0.0.1:5000/ws?token=second');
  });

  it('fails the attempt when the page cannot be loaded, so no socket is opened while the appliance is down', async () => {
    const page: BrowserPage = {
      ...fakePage({ token: 'first', pageUrl: 'http://127.0.0.1:5000/' }),
      fetch: async () => ({ ok: false, status: 502, text: async () => '' }),
    };
    const resolve = browserSocketUrlResolver(page);
    await expect(resolve({ index: 1, reconnect: true })).rejects.toThrow(/502/);
  });
});
