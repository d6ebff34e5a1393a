import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  securityHeaders,
  shouldApplySecurityHeaders,
  withSecurityHeaders,
} from '../../../src/main/electron/csp.js';

describe('CONTENT_SECURITY_POLICY', () => {
  it('is exactly the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
  });

  it('never allows inline or evaluated script', () => {
    const scriptSrc = CONTENT_SECURITY_POLICY.split('; ').find((directive) => directive.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/\*/);
  });
});

describe('securityHeaders', () => {
  it('carries the CSP and forbids MIME sniffing', () => {
    expect(securityHeaders()).toMatchObject({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
  });
});

describe('withSecurityHeaders', () => {
  it('replaces a weaker policy whatever its header case, and keeps other headers', () => {
    const out = withSecurityHeaders({
      'content-security-policy': ["default-src *"],
      'CONTENT-SECURITY-POLICY': ["script-src 'unsafe-eval'"],
      'Content-Type': ['text/html'],
      'Set-Cookie': ['a=1', 'b=2'],
    });
    const cspHeaders = Object.keys(out).filter((name) => name.toLowerCase() === 'content-security-policy');
    expect(cspHeaders).toEqual(['Content-Security-Policy']);
    expect(out['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(out['Content-Type']).toEqual(['text/html']);
    expect(out['Set-Cookie']).toEqual(['a=1', 'b=2']);
  });

  it('adds the policy to a response that had no headers', () => {
    expect(withSecurityHeaders(undefined)['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });
});

describe('shouldApplySecurityHeaders', () => {
  it('covers app and web responses but leaves DevTools alone', () => {
    expect(shouldApplySecurityHeaders('app://console/index.html')).toBe(true);
    expect(shouldApplySecurityHeaders('https://example.com/')).toBe(true);
    expect(shouldApplySecurityHeaders('devtools://devtools/bundled/inspector.html')).toBe(false);
  });
});
