import path from 'node:path';
import { APP_HOST, APP_SCHEME, parseUrl } from './app-origin.js';

type PathApi = Pick<typeof path.posix, 'resolve' | 'relative' | 'isAbsolute' | 'sep' | 'extname' | 'join'>;

/**
 * Maps an `app://console/...` request to a file under `rootDir`, or null when the request must
 * not be served. Defence in depth: the URL parser already folds `..` and `%2e%2e`, but the
 * request URL comes from Chromium, not from us, so every decoded segment is checked again and
 * the final path must still sit inside the root. `pathApi` lets tests exercise Windows rules.
 */
export function resolveAppFile(requestUrl: string, rootDir: string, pathApi: PathApi = path): string | null {
  const url = parseUrl(requestUrl);
  if (!url) return null;
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) return null;
  if (url.username !== '' || url.password !== '') return null;

  const rawPath = url.pathname;
  // Encoded separators and NUL would be decoded into path syntax the URL parser never saw.
  if (/%(2f|5c|00)/i.test(rawPath) || rawPath.includes('\\')) return null;

  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.');
  for (const segment of segments) {
    // ':' would let `C:` switch drives on Windows (and names NTFS alternate data streams).
    if (segment === '..' || segment.includes('\\') || segment.includes(':') || segment.includes('\0')) return null;
  }
  const wantsDirectory = decoded === '' || decoded.endsWith('/');
  const relativePath = wantsDirectory ? [...segments, 'index.html'] : segments;
  if (relativePath.length === 0) return null;

  const root = pathApi.resolve(rootDir);
  const resolved = pathApi.resolve(root, ...relativePath);
  const fromRoot = pathApi.relative(root, resolved);
  const escapes = fromRoot === '..' || fromRoot.startsWith(`..${pathApi.sep}`);
  if (fromRoot === '' || escapes || pathApi.isAbsolute(fromRoot)) return null;
  return resolved;
}

/**
 * A reload on a client-side route (`app://console/calls`) has no file behind it; serve the
 * console's entry so the router can take over. Paths with an extension are real assets and 404.
 */
export function fallbackFileFor(missingFile: string, rootDir: string, pathApi: PathApi = path): string | null {
  if (pathApi.extname(missingFile) !== '') return null;
  return pathApi.join(pathApi.resolve(rootDir), 'index.html');
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
};

/** With `nosniff` on, a wrong type would block the file, so unknown types are served as opaque bytes. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
