import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { Health } from '../../../src/shared/contract/dto.js';
import type { AnyEvent } from '../../../src/shared/contract/events.js';
import { CommandError } from '../../../src/renderer/api/command-error.js';
import { ConsoleClient } from '../../../src/renderer/api/console-client.js';
import { WebSocketTransport, type ConnectionAttempt, type WebSocketTransportOptions } from '../../../src/renderer/api/websocket-transport.js';
import { FakeConsoleServer, recordStates, waitForState } from './fake-console-server.js';

const FAST_BACKOFF = { initialMs: 5, maxMs: 20, factor: 2, jitter: 0 };

const health: Health = {
  version: '0.1.0',
  startedAt: 1_795_010_400_000,
  now: 1_795_010_400_000,
  webhooks: { listening: true, localUrl: 'http://127.0.0.1:4000/twilio/voice', publicUrl: null, signaturesVerified: false },
  storage: { ok: true, path: '/tmp/frontdesk/frontdesk.db', schemaVersion: 3 },
  tenants: 1,
  activeCalls: 0,
};

const servers: FakeConsoleServer[] = [];
const transports: WebSocketTransport[] = [];

afterEach(async () => {
  for (const transport of transports.splice(0)) transport.close();
  for (const server of servers.splice(0)) await server.stop();
});

async function startServer(port = 0): Promise<FakeConsoleServer> {
  const server = await FakeConsoleServer.start(port);
  servers.push(server);
  return server;
}

function connect(options: Partial<WebSocketTransportOptions> & Pick<WebSocketTransportOptions, 'url'>): WebSocketTransport {
  const transport = new WebSocketTransport({ WebSocket, backoff: FAST_BACKOFF, ...options });
  transports.push(transport);
  return transport;
}

describe('WebSocketTransport', () => {
  it('opens, sends command frames with ids and matches results to requests answered out of order', async () => {
    const server = await startServer();
    const transport = connect({ url: server.url });
    expect(transport.state).toBe('connecting');
    await waitForState(transport, 'open');

    const first = transport.request('tenants/list', {});
    const second = transport.request('health/get', {});
    const [a, b] = await server.waitForCommands(2);
    if (!a || !b) throw new Error('expected two commands');
    expect([a.name, b.name]).toEqual(['tenants/list', 'health/get']);
    expect(a.id).not.toBe(b.id);
    expect(a.input).toEqual({});

    FakeConsoleServer.answer(b, health);
    FakeConsoleServer.answer(a, [{ id: 'bright-smiles' }]);
    await expect(second).resolves.toEqual({ ok: true, output: health });
    await expect(first).resolves.toEqual({ ok: true, output: [{ id: 'bright-smiles' }] });
  });

  it('queues commands asked before the connection opens and sends them once it does', async () => {
    const server = await startServer();
    const transport = connect({ url: server.url });
    const answer = transport.request('health/get', {});
    expect(transport.state).toBe('connecting');

    const [command] = await server.waitForCommands(1);
    if (!command) throw new Error('expected a command');
    FakeConsoleServer.answer(command, health);
    await expect(answer).resolves.toEqual({ ok: true, output: health });
  });

  it('turns an error result into a thrown CommandError through ConsoleClient', async () => {
    const server = await startServer();
    const client = new ConsoleClient(connect({ url: server.url }));

    const call = client.call('tenants/get', { tenantId: 'nobody' });
    const [command] = await server.waitForCommands(1);
    if (!command) throw new Error('expected a command');
    expect(command.input).toEqual({ tenantId: 'nobody' });
    FakeConsoleServer.fail(command, { code: 'not_found', message: 'No practice "nobody".', details: ['tenantId: unknown'] });

    const error = await call.then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(CommandError);
    expect(error).toMatchObject({ command: 'tenants/get', code: 'not_found', message: 'No practice "nobody".', details: ['tenantId: unknown'] });
  });

  it('resolves ConsoleClient.call with the output of an ok result', async () => {
    const server = await startServer();
    const client = new ConsoleClient(connect({ url: server.url }));
    const call = client.call('health/get', {});
    const [command] = await server.waitForCommands(1);
    if (!command) throw new Error('expected a command');
    FakeConsoleServer.answer(command, health);
    await expect(call).resolves.toEqual(health);
  });

  it('delivers contract events and drops unknown or malformed ones', async () => {
    const server = await startServer();
    const problems: string[] = [];
    const transport = connect({ url: server.url, onProtocolError: (message) => problems.push(message) });
    const client = new ConsoleClient(transport);
    const received: AnyEvent[] = [];
    const changedTenants: string[][] = [];
    client.subscribe((event) => received.push(event));
    client.on('tenants/changed', (payload) => changedTenants.push(payload.tenantIds));
    await waitForState(transport, 'open');

    server.broadcast({ kind: 'event', name: 'calls/started-in-a-newer-version', payload: {} });
    server.broadcast({ kind: 'event', name: 'tenants/changed', payload: { tenantIds: 'not-a-list' } });
    server.broadcast({ kind: 'event', name: 'health/changed', payload: health });
    server.broadcast({ kind: 'event', name: 'tenants/changed', payload: { tenantIds: ['bright-smiles'] } });

    // Frames arrive in order, so once the last one is in, the others have been handled.
    await new Promise<void>((resolve) => {
      const stop = client.on('tenants/changed', () => {
        stop();
        resolve();
      });
    });
    expect(received).toEqual([
      { name: 'health/changed', payload: health },
      { name: 'tenants/changed', payload: { tenantIds: ['bright-smiles'] } },
    ]);
    expect(changedTenants).toEqual([['bright-smiles']]);
    expect(problems).toEqual(['Dropped a malformed "tenants/changed" event.']);
  });

  it('rejects commands in flight when the connection drops, then reconnects and carries on', async () => {
    const server = await startServer();
    const transport = connect({ url: server.url });
    const states = recordStates(transport);
    await waitForState(transport, 'open');

    const pending = transport.request('tenants/save', { config: {} });
    await server.waitForCommands(1);
    const reconnecting = waitForState(transport, 'reconnecting');
    server.dropConnections();

    const error = await pending.then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(CommandError);
    expect(error).toMatchObject({ command: 'tenants/save', code: 'unavailable' });
    await reconnecting;

    await waitForState(transport, 'open');
    expect(server.connections).toHaveLength(2);
    expect(states).toEqual(['connecting', 'open', 'reconnecting', 'open']);

    const after = transport.request('health/get', {});
    const [, command] = await server.waitForCommands(2);
    if (!command) throw new Error('expected a second command');
    FakeConsoleServer.answer(command, health);
    await expect(after).resolves.toEqual({ ok: true, output: health });
  });

  it('reconnects to an appliance restarted on the same port, re-resolving the URL for a fresh token', async () => {
    let server = await startServer();
    const port = server.port;
    const attempts: ConnectionAttempt[] = [];
    let token = 'first-launch';
    const transport = connect({
      url: (attempt) => {
        attempts.push(attempt);
        return `ws://127.0.0.1:${port}/ws?token=${token}`;
      },
    });
    await waitForState(transport, 'open');
    expect(server.requestUrls).toEqual(['/ws?token=first-launch']);

    const reconnecting = waitForState(transport, 'reconnecting');
    servers.splice(servers.indexOf(server), 1);
    await server.stop();
    await reconnecting;

    // Commands asked while the appliance is away wait for it.
    const queued = transport.request('health/get', {});

    token = 'second-launch';
    server = await startServer(port);
    server.accept = (request) => request.url === '/ws?token=second-launch';
    const [command] = await server.waitForCommands(1);
    if (!command) throw new Error('expected the queued command');
    expect(transport.state).toBe('open');
    expect(server.requestUrls).toEqual(['/ws?token=second-launch']);
    FakeConsoleServer.answer(command, health);
    await expect(queued).resolves.toEqual({ ok: true, output: health });

    expect(attempts[0]).toEqual({ index: 0, reconnect: false });
    expect(attempts.slice(1).every((attempt) => attempt.reconnect)).toBe(true);
  });

  it('keeps retrying a first connection that is refused, staying "connecting" until it opens', async () => {
    const server = await startServer();
    let refusals = 0;
    server.accept = () => {
      refusals++;
      return refusals > 2;
    };
    const transport = connect({ url: server.url });
    const states = recordStates(transport);
    await waitForState(transport, 'open');
    expect(refusals).toBe(3);
    expect(states).toEqual(['connecting', 'open']);
  });

  it('keeps retrying when resolving the URL fails (the appliance page is not back yet)', async () => {
    const server = await startServer();
    let calls = 0;
    const transport = connect({
      url: () => {
        calls++;
        if (calls < 3) throw new Error('connection refused');
        return server.url;
      },
    });
    await waitForState(transport, 'open');
    expect(calls).toBe(3);
  });

  it('fails a command that gets no answer within the request timeout', async () => {
    const server = await startServer();
    const transport = connect({ url: server.url, requestTimeoutMs: 50 });
    const call = transport.request('health/get', {});
    await server.waitForCommands(1);
    await expect(call).rejects.toMatchObject({ code: 'unavailable', command: 'health/get' });
  });

  it('reports a result for a request it never sent and keeps working', async () => {
    const server = await startServer();
    const problems: string[] = [];
    const transport = connect({ url: server.url, onProtocolError: (message) => problems.push(message) });
    const call = transport.request('health/get', {});
    const [command] = await server.waitForCommands(1);
    if (!command) throw new Error('expected a command');
    command.socket.send(JSON.stringify({ kind: 'result', id: 9_999, ok: true, output: null }));
    command.socket.send('not json');
    FakeConsoleServer.answer(command, health);
    await expect(call).resolves.toEqual({ ok: true, output: health });
    expect(problems).toEqual(['Dropped a result for unknown request 9999.', 'Dropped a frame that is not JSON.']);
  });

  it('rejects a malformed result as an internal error', async () => {
    const server = await startServer();
    const transport = connect({ url: server.url });
    const call = transport.request('health/get', {});
    const [command] = await server.waitForCommands(1);
    if (!command) throw new Error('expected a command');
    command.socket.send(JSON.stringify({ kind: 'result', id: command.id, ok: false, error: { code: 'no-such-code' } }));
    await expect(call).rejects.toMatchObject({ code: 'internal', command: 'health/get' });
  });

  it('on close() rejects every waiting command, reports "closed" and refuses new commands', async () => {
    const server = await startServer();
    const transport = connect({ url: server.url });
    await waitForState(transport, 'open');
    const inFlight = transport.request('health/get', {});
    await server.waitForCommands(1);
    const serverSawClose = new Promise<void>((resolve) => server.connections[0]?.once('close', () => resolve()));

    transport.close();
    expect(transport.state).toBe('closed');
    await expect(inFlight).rejects.toMatchObject({ code: 'unavailable' });
    await expect(transport.request('health/get', {})).rejects.toMatchObject({ code: 'unavailable' });
    await serverSawClose;
    expect(server.connections).toHaveLength(1);
  });

  it('rejects commands still queued for a connection when closed before it opens', async () => {
    const server = await startServer();
    server.accept = () => false;
    const transport = connect({ url: server.url });
    const queued = transport.request('health/get', {});
    transport.close();
    await expect(queued).rejects.toMatchObject({ code: 'unavailable' });
  });
});
