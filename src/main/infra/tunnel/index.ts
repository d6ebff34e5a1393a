import type { TunnelFactory } from '../../core/reachability/index.js';
import { createNgrokTunnel } from './ngrok-tunnel.js';
import { createOwnUrlTunnel } from './own-url-tunnel.js';

export { createSelfTest, createSelfTestKey, SELF_TEST_PATH } from './self-test.js';
export { createNgrokTunnel, explainNgrokError } from './ngrok-tunnel.js';
export { createOwnUrlTunnel } from './own-url-tunnel.js';

/** The real tunnels: ngrok with the vault's NGROK_AUTHTOKEN (read at start), or the practice's own URL. */
export function realTunnels(authtoken: () => string | null): TunnelFactory {
  return (spec, forwardTo, hooks) =>
    spec.mode === 'ngrok' ? createNgrokTunnel({ authtoken, domain: spec.domain, forwardTo, hooks }) : createOwnUrlTunnel(spec.url);
}
