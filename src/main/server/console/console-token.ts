import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh secret per launch: only a page served by this appliance can read it (same-origin). */
export function createConsoleToken(): string {
  return randomBytes(24).toString('base64url');
}

export function tokensMatch(expected: string, given: string | null): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Staff login for a console reachable from other PCs: HTTP Basic with the configured password
 * (any user name). The page carrying the WebSocket token is served only after it, so the
 * WebSocket is gated too.
 */
export function basicAuthMatches(header: string | undefined, password: string): boolean {
  const match = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!match?.[1]) return false;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const given = decoded.slice(decoded.indexOf(':') + 1);
  return tokensMatch(password, given);
}
