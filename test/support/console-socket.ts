import WebSocket from 'ws';
import type { ServerFrame } from '../../src/shared/contract/index.js';

/** Reads the per-launch token the console page carries, as a browser on the page would. */
export async function fetchToken(consoleUrl: string, init: { dispatcher?: unknown } = {}): Promise<string> {
  const html = await (await fetch(consoleUrl, init as RequestInit)).text();
  const token = /name="frontdesk-console-token" content="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error(`no token in the console page:\n${html}`);
  return token;
}

export function socketUrl(consoleUrl: string, token: string, session?: string): string {
  const url = new URL('/ws', consoleUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('token', token);
  if (session) url.searchParams.set('session', session);
  return url.toString();
}

export function connect(url: string, origin: string, options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin, ...options });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

export function nextFrame(ws: WebSocket, match: (frame: ServerFrame) => boolean): Promise<ServerFrame> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(data.toString()) as ServerFrame;
      if (match(frame)) {
        ws.off('message', onMessage);
        resolve(frame);
      }
    };
    ws.on('message', onMessage);
  });
}

let nextId = 1;
export async function call(ws: WebSocket, name: string, input: unknown) {
  const id = nextId++;
  const reply = nextFrame(ws, (f) => f.kind === 'result' && f.id === id);
  ws.send(JSON.stringify({ kind: 'command', id, name, input }));
  return reply;
}

/** Every event frame the socket receives from now on, in order. */
export function collectEvents(ws: WebSocket): ServerFrame[] {
  const seen: ServerFrame[] = [];
  ws.on('message', (data: WebSocket.RawData) => {
    const frame = JSON.parse(data.toString()) as ServerFrame;
    if (frame.kind === 'event') seen.push(frame);
  });
  return seen;
}
