import { connect, type Socket } from 'node:net';

export interface RawAnswer {
  /** The status code of the first answer, or null when the server closed without one. */
  status: number | null;
  /** Everything the server sent before closing (or before `settle` decided the answer was whole). */
  raw: string;
}

/**
 * Speaks HTTP/1.1 by hand, for what fetch() will not send: malformed request lines, a lying
 * Content-Length, a body that never ends. Resolves when the server closes the connection, or
 * once a whole answer (headers plus Content-Length bytes) has arrived.
 */
export function rawRequest(port: number, text: string | Buffer, options: { keepOpen?: boolean; giveUpAfterMs?: number } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let raw = '';
    let done = false;
    // A request the server is still waiting on (an unfinished body) is ended from our side at last.
    const giveUp = options.giveUpAfterMs ? setTimeout(() => socket.end(), options.giveUpAfterMs) : null;
    const finish = () => {
      if (done) return;
      done = true;
      if (giveUp) clearTimeout(giveUp);
      socket.destroy();
      resolve({ status: statusOf(raw), raw });
    };
    socket.on('data', (chunk: Buffer) => {
      raw += chunk.toString('latin1');
      if (!options.keepOpen && isWholeAnswer(raw, String(text).startsWith('HEAD '))) finish();
    });
    socket.on('close', finish);
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? finish() : reject(error)));
    socket.write(text);
  });
}

/** Opens a connection and resolves once it is established (or refused). */
export function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Resolves when the server has closed `socket` (what it sent first, if anything, is returned). */
export function closedByServer(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let raw = '';
    socket.on('data', (chunk: Buffer) => (raw += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(raw));
  });
}

export function statusOf(raw: string): number | null {
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(raw);
  return match ? Number(match[1]) : null;
}

/** Whether `raw` holds a complete answer; the answer to HEAD, a 204 and a 304 have no body whatever they declare. */
function isWholeAnswer(raw: string, toHead: boolean): boolean {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const head = raw.slice(0, end);
  if (/^HTTP\/1\.1 100 /.test(head)) return isWholeAnswer(raw.slice(end + 4), toHead);
  if (toHead || /^HTTP\/1\.[01] (204|304) /.test(head)) return true;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (length) return raw.length - end - 4 >= Number(length[1]);
  return /\r\ntransfer-encoding:\s*chunked/i.test(head) ? raw.endsWith('0\r\n\r\n') : false;
}
