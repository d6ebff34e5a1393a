import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';
import { CONSOLE_TOKEN_META } from '../../../shared/contract/index.js';
import { SECURITY_HEADERS } from '../http-util.js';

export const CONSOLE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const TOKEN_PLACEHOLDER = '<!--frontdesk-token-->';

/** Serves the built console; index.html carries the per-launch WebSocket token in a meta tag. */
export function createStaticConsole(rendererDir: string, token: string) {
  // Without a built console the API and WebSocket still work; the page explains how to build it.
  const assets = !existsSync(rendererDir)
    ? (_req: IncomingMessage, _res: ServerResponse, next: () => void) => next()
    : sirv(rendererDir, {
    dev: false,
    etag: true,
    gzip: false,
    setHeaders: (res) => {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
      res.setHeader('Content-Security-Policy', CONSOLE_CSP);
    },
  });
  let indexHtml: string | null = null;

  async function renderIndex(): Promise<string | null> {
    if (indexHtml !== null) return indexHtml;
    try {
      const html = await readFile(join(rendererDir, 'index.html'), 'utf8');
      const meta = `<meta name="${CONSOLE_TOKEN_META}" content="${token}">`;
      indexHtml = html.includes(TOKEN_PLACEHOLDER) ? html.replace(TOKEN_PLACEHOLDER, meta) : html.replace('<head>', `<head>${meta}`);
      return indexHtml;
    } catch {
      return null;
    }
  }

  /** `path` is the request's already-parsed pathname (the listener refuses targets that are not paths). */
  return async function serve(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (path === '/' || path === '/index.html') {
      const html = await renderIndex();
      res.writeHead(html ? 200 : 503, {
        ...SECURITY_HEADERS,
        'Content-Type': html ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
        'Content-Security-Policy': CONSOLE_CSP,
        'Cache-Control': 'no-store',
      });
      res.end(html ?? 'The console has not been built. Run `npm run build`.');
      return;
    }
    assets(req, res, () => {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' });
      res.end('Not found');
    });
  };
}
