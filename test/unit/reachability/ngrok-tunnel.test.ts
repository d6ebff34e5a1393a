import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createNgrokTunnel, explainNgrokError } from '../../../src/main/infra/tunnel/index.js';

const hooks = { onDown: () => {}, onUp: () => {} };

/** A local port nothing listens on: where ngrok's ingress cannot be reached, as on our build machines. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the ngrok tunnel (the real @ngrok/ngrok agent)', () => {
  it('fails fast with a clear message when ngrok cannot be reached', async () => {
    const tunnel = createNgrokTunnel({
      authtoken: () => '2fakeAuthtoken_0123456789abcdefghijklmnop',
      domain: null,
      forwardTo: 'http://127.0.0.1:7411',
      hooks,
      serverAddr: `127.0.0.1:${await closedPort()}`,
    });
    await expect(tunnel.start()).rejects.toThrow(
      /^Could not reach ngrok from this computer \(.+\)\. Check the internet connection and that the firewall allows outgoing connections to connect\.ngrok-agent\.com on port 443, or use your own public URL instead\.$/,
    );
    await tunnel.close();
  });

  it('gives up on an ingress that accepts the connection but never answers, instead of hanging', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const tunnel = createNgrokTunnel({ authtoken: () => 'x', domain: null, forwardTo: 'http://127.0.0.1:7411', hooks, serverAddr: `127.0.0.1:${port}`, connectTimeoutMs: 500 });
      await expect(tunnel.start()).rejects.toThrow(/Could not reach ngrok from this computer/);
      await tunnel.close();
    } finally {
      silent.close();
    }
  });

  it('asks for the authtoken before trying', async () => {
    const tunnel = createNgrokTunnel({ authtoken: () => null, domain: null, forwardTo: 'http://127.0.0.1:7411', hooks });
    await expect(tunnel.start()).rejects.toThrow(/Add your ngrok authtoken/);
  });

  it("says when the native agent cannot load on this platform", async () => {
    const tunnel = createNgrokTunnel({ authtoken: () => 'x', domain: null, forwardTo: 'http://127.0.0.1:7411', hooks, load: () => Promise.reject(new Error('Cannot find module @ngrok/ngrok-win32-arm64-msvc')) });
    await expect(tunnel.start()).rejects.toThrow(/ngrok cannot run on this computer .* Use your own public URL instead/);
  });

  it("turns ngrok's error codes into the owner's words", () => {
    expect(explainNgrokError(new Error('authentication failed: The authtoken you specified is invalid. ERR_NGROK_105'), null)).toMatch(/^ngrok refused that authtoken/);
    expect(explainNgrokError(new Error('failed to bind: ERR_NGROK_3200 domain not found'), 'x.ngrok.app')).toMatch(/^ngrok refused the domain x\.ngrok\.app/);
    expect(explainNgrokError(new Error('Your account is limited to 1 simultaneous ngrok agent sessions. ERR_NGROK_108'), null)).toMatch(/already online from another computer/);
    expect(explainNgrokError(new Error('something odd'), null)).toBe('ngrok could not start: something odd');
  });
});
