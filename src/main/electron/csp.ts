/**
 * The console's only code is its own bundle; it talks to main over IPC, so it needs no network
 * at all beyond its own origin. 'unsafe-inline' for styles only, because React style props and
 * the bundler's injected styles need it and inline styles cannot run code.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Sent on every response the app protocol serves, error pages included. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/**
 * For `webRequest.onHeadersReceived`: replaces whatever CSP a response carried with ours (a
 * weaker server-sent policy must not win), keeping every other header.
 */
export function withSecurityHeaders(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const ours = securityHeaders();
  const ourNames = new Set(Object.keys(ours).map((name) => name.toLowerCase()));
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!ourNames.has(name.toLowerCase())) out[name] = value;
  }
  for (const [name, value] of Object.entries(ours)) out[name] = [value];
  return out;
}

/** DevTools' own pages must keep their policy or the inspector breaks. */
export function shouldApplySecurityHeaders(url: string): boolean {
  return !url.startsWith('devtools://') && !url.startsWith('chrome-extension://');
}
