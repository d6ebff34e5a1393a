import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A vendor fake's HTTP server on a free loopback port. */
export interface LocalHttp {
  readonly server: Server;
  readonly baseUrl: string;
  /** Stops listening and drops kept-alive connections, so a test's end never waits on a client. */
  close(): Promise<void>;
}

export async function listenLocally(handler: RequestListener): Promise<LocalHttp> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    server,
    baseUrl,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
