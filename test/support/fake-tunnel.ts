import { createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import type { Tunnel, TunnelFactory, TunnelHooks, TunnelSpec } from '../../src/main/core/reachability/index.js';

/**
 * What a tunnel does, on this machine: a real HTTP server on its own port that forwards every
 * request (and WebSocket upgrade) to one local address, as ngrok's edge forwards to the agent's
 * target. Whatever the appliance hands it is all the outside world can reach.
 */
export async function startForwarder(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const to = new URL(target);
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const upstream = request(
      { host: to.hostname, port: to.port, path: req.url, method: req.method, headers: { ...req.headers, host: `${to.hostname}:${to.port}` } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end('Bad gateway (fake tunnel)');
    });
    req.pipe(upstream);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (req, socket, head) => {
    const upstream = connect(Number(to.port), to.hostname, () => {
      const headers = Object.entries(req.headers).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`);
      upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`);
      upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export class FakeTunnel implements Tunnel {
  url: string | null = null;
  private forwarder: Awaited<ReturnType<typeof startForwarder>> | null = null;

  constructor(
    readonly spec: TunnelSpec,
    readonly forwardTo: string,
    private readonly hooks: TunnelHooks,
    private readonly failure: string | null,
  ) {}

  async start(): Promise<string> {
    if (this.failure) throw new Error(this.failure);
    if (this.spec.mode === 'url') return (this.url = this.spec.url);
    this.forwarder = await startForwarder(this.forwardTo);
    return (this.url = this.forwarder.url);
  }

  async close(): Promise<void> {
    await this.forwarder?.close();
    this.forwarder = null;
  }

  /** The network dropped; a real agent reconnects by itself. */
  drop(reason = 'connection reset by peer'): void {
    this.hooks.onDown(reason);
  }

  reconnect(): void {
    this.hooks.onUp(this.url!);
  }
}

/** A TunnelFactory for `createApp(config, { tunnels })` that records every tunnel it made. */
export class FakeTunnels {
  readonly made: FakeTunnel[] = [];
  private failures: string[] = [];

  readonly factory: TunnelFactory = (spec, forwardTo, hooks) => {
    const tunnel = new FakeTunnel(spec, forwardTo, hooks, this.failures.shift() ?? null);
    this.made.push(tunnel);
    return tunnel;
  };

  failNextStart(message: string): void {
    this.failures.push(message);
  }

  get current(): FakeTunnel {
    const last = this.made.at(-1);
    if (!last) throw new Error('no tunnel was started');
    return last;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.made.map((t) => t.close()));
  }
}
