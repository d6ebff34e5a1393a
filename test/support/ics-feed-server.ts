import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A practice-software ICS feed on loopback: serves `body` with an ETag and answers 304 to a matching If-None-Match. */
export class IcsFeedServer {
  body = '';
  status = 200;
  readonly requests: { ifNoneMatch: string | null; status: number }[] = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<IcsFeedServer> {
    let feed: IcsFeedServer | null = null;
    const server = createServer((req, res) => {
      const f = feed!;
      const etag = `"${createHash('sha1').update(f.body).digest('hex')}"`;
      const ifNoneMatch = req.headers['if-none-match'] ?? null;
      const status = f.status !== 200 ? f.status : ifNoneMatch === etag ? 304 : 200;
      f.requests.push({ ifNoneMatch, status });
      res.writeHead(status, status === 200 ? { 'content-type': 'text/calendar; charset=utf-8', etag } : {});
      res.end(status === 200 ? f.body : undefined);
    });
    feed = new IcsFeedServer(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return feed;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/practice/lee.ics?token=private-feed-token`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
