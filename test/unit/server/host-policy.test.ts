import { describe, expect, it } from 'vitest';
import { canonicalHost, isAllowedHost, isAllowedOrigin, isLoopbackBind } from '../../../src/main/server/console/host-policy.js';
import { parseRequestTarget } from '../../../src/main/server/listener-guard.js';

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

  it('writes short IPv4 forms the way a browser will send them back', () => {
    expect(canonicalHost('127.1')).toBe('127.0.0.1');
    expect(canonicalHost('0x7f.1')).toBe('127.0.0.1');
    expect(canonicalHost('2130706433')).toBe('127.0.0.1');
    expect(canonicalHost('localhost')).toBe('localhost');
    expect(canonicalHost('desk-pc.local')).toBe('desk-pc.local');
    expect(canonicalHost('256.1')).toBe('256.1');
  });

  it('treats only real loopback addresses as loopback binds', () => {
    expect(isLoopbackBind('127.1')).toBe(true);
    expect(isLoopbackBind('127.0.0.2')).toBe(true);
    expect(isLoopbackBind('127.example.com')).toBe(false);
    expect(isLoopbackBind('0.0.0.0')).toBe(false);
  });

  it('serves the address it is bound to, as printed', () => {
    expect(isAllowedHost('127.0.0.2:7410', '127.0.0.2', 7410)).toBe(true);
    expect(isAllowedHost('127.0.0.1:7410', '127.1', 7410)).toBe(true);
  });
});

describe('request targets', () => {
  it('parses origin-form paths and refuses what is not one, without throwing', () => {
    expect(parseRequestTarget('/twilio/voice?attempt=1')?.pathname).toBe('/twilio/voice');
    expect(parseRequestTarget('/assets/app-1a2b.js')?.pathname).toBe('/assets/app-1a2b.js');
    expect(parseRequestTarget('/ws?token=a-b_c')?.searchParams.get('token')).toBe('a-b_c');
    for (const bad of ['//[/', '/%', '/%zz', 'http://[', '*', '', '/a b', '/[::1]']) expect(parseRequestTarget(bad), bad).toBeNull();
    expect(parseRequestTarget('//evil.example/x')?.host).toBe('request.invalid');
  });
});

