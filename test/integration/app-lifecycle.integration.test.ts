import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/main/app/index.js';
import { makeTempDir } from '../support/temp-dir.js';
import { testConfig } from '../support/test-config.js';

/** Closed sockets and servers leave the handle list on the following loop turns. */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
}

function activeHandles(): string[] {
  return process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap' && r !== 'Timeout' && r !== 'Immediate');
}

describe('createApp start/stop', () => {
  it('leaves no open handles after many start/stop cycles', async () => {
    const { dir, cleanup } = makeTempDir();
    const before = activeHandles().length;
    for (let i = 0; i < 10; i++) {
      const app = createApp(testConfig(dir));
      const { consoleUrl, webhookUrl } = await app.start();
      await fetch(`${consoleUrl}api/health`);
      await fetch(webhookUrl, { method: 'POST', body: 'To=%2B1' });
      await app.stop();
    }
    await settle();
    expect(activeHandles().length).toBeLessThanOrEqual(before);
    cleanup();
  });

  it('frees its ports on stop so the next appliance can take them', async () => {
    const { dir, cleanup } = makeTempDir();
    const first = createApp(testConfig(dir));
    const { consoleUrl, webhookUrl } = await first.start();
    await first.stop();
    const consolePort = Number(new URL(consoleUrl ?? '').port);
    const webhookPort = Number(new URL(webhookUrl).port);
    const second = createApp(testConfig(dir, { consolePort, webhookPort }));
    const urls = await second.start();
    expect(urls.consoleUrl).toBe(consoleUrl);
    await second.stop();
    cleanup();
  });

  it('fails to start with a clear error when a port is taken, and cleans up', async () => {
    const { dir, cleanup } = makeTempDir();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const app = createApp(testConfig(dir, { webhookPort: port }));
    await expect(app.start()).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
    cleanup();
  });

  it('loads the demo practice only into an empty data folder', async () => {
    const { dir, cleanup } = makeTempDir();
    const app = createApp(testConfig(dir));
    await app.start();
    const saved = await app.dispatch('tenants/save', { config: { ...(await import('../support/demo-tenant.js')).demoTenant(), greeting: 'Kept' } }, { actor: 't', transport: 'internal' });
    expect(saved.ok).toBe(true);
    await app.stop();
    const again = createApp(testConfig(dir));
    await again.start();
    expect(await again.dispatch('tenants/get', { tenantId: 'bright-smiles' }, { actor: 't', transport: 'internal' })).toMatchObject({ output: { greeting: 'Kept' } });
    await again.stop();
    cleanup();
  });
});
