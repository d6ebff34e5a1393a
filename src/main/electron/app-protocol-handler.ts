import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { APP_SCHEME } from './app-origin.js';
import { contentTypeFor, fallbackFileFor, resolveAppFile } from './app-protocol.js';
import { securityHeaders } from './csp.js';

/**
 * Must run before `app.ready`. `standard` gives the scheme real origins and relative URL
 * resolution (Vite's `/assets/...`); `secure` makes it a secure context; no CORS, no service
 * workers, because nothing else ever loads from it.
 */
export function registerAppSchemePrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves the built console from `rootDir`, with the CSP on every response, errors included. */
export function serveAppProtocol(session: Session, rootDir: string, log: (message: string) => void): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const file = resolveAppFile(request.url, rootDir);
    if (!file) return plain(404, 'Not found');
    const body = (await readIfFile(file, log)) ?? (await readFallback(file, rootDir, log));
    if (!body) return plain(404, 'Not found');
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body.bytes), {
      status: 200,
      headers: { 'Content-Type': contentTypeFor(body.path), 'Cache-Control': 'no-cache', ...securityHeaders() },
    });
  });
}

type ServedFile = { path: string; bytes: Buffer };

async function readFallback(missing: string, rootDir: string, log: (message: string) => void): Promise<ServedFile | null> {
  const fallback = fallbackFileFor(missing, rootDir);
  return fallback ? readIfFile(fallback, log) : null;
}

async function readIfFile(file: string, log: (message: string) => void): Promise<ServedFile | null> {
  try {
    return { path: file, bytes: await readFile(file) };
  } catch (error) {
    // A missing file or a directory is a 404; anything else (permissions, I/O) is worth a log line.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'EISDIR' && code !== 'ENOTDIR') log(`app:// could not read ${file}: ${String(error)}`);
    return null;
  }
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders() } });
}
