import { isIPv4 } from 'node:net';

/**
 * DNS-rebinding defence for a loopback console: a page on evil.example whose name resolves to
 * 127.0.0.1 still sends `Host: evil.example`, so only loopback host names are served. When the
 * console is bound to a LAN address on purpose, any Host is accepted (staff sign-in guards it).
 */
const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The dotted-quad form of an IPv4 address written the short ways the OS accepts (`127.1`,
 * `0x7f.1`, `2130706433`), so the URL printed is one a browser sends back as the same Host;
 * anything else is returned as given.
 */
export function canonicalHost(host: string): string {
  if (isIPv4(host) || !/^[0-9a-fx.]+$/i.test(host)) return host;
  const parts = host.split('.').map(parseInetPart);
  if (parts.length > 4 || parts.some((p) => p === null)) return host;
  const numbers = parts as number[];
  const last = numbers[numbers.length - 1] ?? 0;
  const leading = numbers.slice(0, -1);
  if (leading.some((p) => p > 255) || last >= 2 ** (8 * (4 - leading.length))) return host;
  const value = leading.reduce((sum, p, i) => sum + p * 2 ** (8 * (3 - i)), 0) + last;
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

function parseInetPart(part: string): number | null {
  if (/^0x[0-9a-f]+$/i.test(part)) return parseInt(part.slice(2), 16);
  if (/^0[0-7]*$/.test(part)) return parseInt(part, 8);
  if (/^[1-9]\d*$/.test(part)) return Number(part);
  return null;
}

export function isLoopbackBind(host: string): boolean {
  const canonical = canonicalHost(host);
  return canonical === 'localhost' || canonical === '::1' || (isIPv4(canonical) && canonical.startsWith('127.'));
}

export function isAllowedHost(hostHeader: string | undefined, bindHost: string, port: number): boolean {
  if (!hostHeader) return false;
  if (!isLoopbackBind(bindHost)) return true;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader.toLowerCase());
  if (!match) return false;
  const [, name = '', portText] = match;
  // The address the console is bound to (127.0.0.2, say) is the name its printed URL carries.
  const served = name === canonicalHost(bindHost).toLowerCase() || LOOPBACK_NAMES.has(name);
  return served && Number(portText ?? 80) === port;
}

/** The WebSocket must be opened by the console page itself: same origin as the Host it asked. */
export function isAllowedOrigin(origin: string | undefined, hostHeader: string | undefined, scheme: 'http' | 'https' = 'http'): boolean {
  if (!origin || !hostHeader) return false;
  return origin.toLowerCase() === `${scheme}://${hostHeader.toLowerCase()}`;
}
