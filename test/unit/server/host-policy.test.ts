import { describe, expect, it } from 'vitest';
import { isAllowedHost, isAllowedOrigin } from '../../../src/main/server/console/host-policy.js';

describe('console host policy', () => {
  it('serves loopback names on its own port only', () => {
    expect(isAllowedHost('127.0.0.1:7410', '127.0.0.1', 7410)).toBe(true);
    expect(isAllowedHost('localhost:7410', '127.0.0.1', 7410)).toBe(true);
    expect(isAllowedHost('[::1]:7410', '127.0.0.1', 7410)).toBe(true);
    expect(isAllowedHost('127.0.0.1:7411', '127.0.0.1', 7410)).toBe(false);
  });

  it('refuses rebinding host names and missing hosts', () => {
    expect(isAllowedHost('evil.example:7410', '127.0.0.1', 7410)).toBe(false);
    expect(isAllowedHost('127.0.0.1.evil.example:7410', '127.0.0.1', 7410)).toBe(false);
    expect(isAllowedHost(undefined, '127.0.0.1', 7410)).toBe(false);
  });

  it('accepts any host when bound to the LAN on purpose', () => {
    expect(isAllowedHost('desk-pc.local:7410', '0.0.0.0', 7410)).toBe(true);
  });

  it('requires the WebSocket origin to be the page the console served', () => {
    expect(isAllowedOrigin('http://127.0.0.1:7410', '127.0.0.1:7410')).toBe(true);
    expect(isAllowedOrigin('http://evil.example', '127.0.0.1:7410')).toBe(false);
    expect(isAllowedOrigin('null', '127.0.0.1:7410')).toBe(false);
    expect(isAllowedOrigin(undefined, '127.0.0.1:7410')).toBe(false);
  });
});
