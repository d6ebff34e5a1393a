/**
 * DNS-rebinding defence for a loopback console: a page on evil.example whose name resolves to
 * 127.0.0.1 still sends `Host: evil.example`, so only loopback host names are served. When the
 * console is bound to a LAN address on purpose, any Host is accepted (staff sign-in guards it).
 */
const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLoopbackBind(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1' || host.startsWith('127.');
}

export function isAllowedHost(hostHeader: string | undefined, bindHost: string, port: number): boolean {
  if (!hostHeader) return false;
  if (!isLoopbackBind(bindHost)) return true;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader.toLowerCase());
  if (!match) return false;
  const [, name, portText] = match;
  return LOOPBACK_NAMES.has(name ?? '') && Number(portText ?? 80) === port;
}

/** The WebSocket must be opened by the console page itself: same origin as the Host it asked. */
export function isAllowedOrigin(origin: string | undefined, hostHeader: string | undefined, scheme: 'http' | 'https' = 'http'): boolean {
  if (!origin || !hostHeader) return false;
  return origin.toLowerCase() === `${scheme}://${hostHeader.toLowerCase()}`;
}
