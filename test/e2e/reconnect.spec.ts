import type { WebSocket as PageWebSocket } from '@playwright/test';
import { createDataDir, findFreePort, removeDataDir, startAppliance, type RunningAppliance } from './support/appliance.js';
import { DEMO_PRACTICE, openConsole } from './support/console-page.js';
import { expect, test } from './support/fixtures.js';

test.describe('when the appliance restarts', () => {
  let dataDir: string;
  let running: RunningAppliance[] = [];

  test.beforeEach(async () => {
    dataDir = await createDataDir();
    running = [];
  });

  test.afterEach(async () => {
    for (const appliance of running) await appliance.stop();
    await removeDataDir(dataDir);
  });

  test('the console says "Reconnecting…" and then recovers on its own', async ({ page }) => {
    // A fixed port, so the restarted appliance is where the page expects it.
    const port = await findFreePort();
    const first = await startAppliance({ dataDir, consolePort: port });
    running.push(first);

    const sockets: PageWebSocket[] = [];
    const resultsBySocket = new Map<PageWebSocket, number>();
    page.on('websocket', (socket) => {
      sockets.push(socket);
      resultsBySocket.set(socket, 0);
      socket.on('framereceived', (frame) => {
        if (String(frame.payload).includes('"kind":"result"')) resultsBySocket.set(socket, (resultsBySocket.get(socket) ?? 0) + 1);
      });
    });
    const view = await openConsole(page, first.consoleUrl);
    await expect(view.connectionBanner).toHaveCount(0);

    await first.stop();
    await expect(view.connectionStatus).toContainText('Reconnecting…');
    await expect(view.connectionPill).toHaveText(/Offline/);
    // What is on screen stays, for reference, while the banner says it may be stale.
    await expect(view.practices.getByRole('heading', { name: DEMO_PRACTICE.name })).toBeVisible();

    const second = await startAppliance({ dataDir, consolePort: port });
    running.push(second);
    expect(second.consoleUrl).toBe(first.consoleUrl);

    await expect(view.connectionPill).toHaveText(/Connected/, { timeout: 15_000 });
    await expect(view.connectionBanner).toHaveCount(0);
    await expect(view.practices.getByRole('heading', { name: DEMO_PRACTICE.name })).toBeVisible();

    // The page picked up the restarted appliance's new token without a reload, and talks to it.
    const tokens = sockets.map((socket) => new URL(socket.url()).searchParams.get('token'));
    expect(new Set(tokens).size).toBe(2);
    expect(tokens.at(-1)).not.toBe(tokens[0]);
    const latest = sockets.at(-1);
    if (!latest) throw new Error('no websocket seen');
    // After reconnecting the console catches up (practices and health), answered on the new socket.
    await expect.poll(() => resultsBySocket.get(latest) ?? 0).toBeGreaterThanOrEqual(2);
  });
});
