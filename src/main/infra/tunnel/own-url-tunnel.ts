import type { Tunnel } from '../../core/reachability/index.js';

/**
 * The practice's own public URL (a reverse proxy, a Cloudflare tunnel): nothing to run here;
 * the self-test that follows proves it reaches this appliance.
 */
export function createOwnUrlTunnel(url: string): Tunnel {
  return {
    start: () => Promise.resolve(url.replace(/\/+$/, '')),
    close: () => Promise.resolve(),
  };
}
