import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHeadless, type HeadlessProcess } from '../support/headless-process.js';
import { makeTempDir } from '../support/temp-dir.js';

const PROVOKE = resolve(import.meta.dirname, '..', 'support', 'provoke-unhandled.mjs');

const running: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of running.splice(0)) await stop();
});

describe('the headless host’s process-level net', () => {
  it('logs an unhandled rejection and an uncaught exception and keeps answering on both listeners', async () => {
    const { dir, cleanup } = makeTempDir();
    const host: HeadlessProcess = await startHeadless(dir, { nodeArgs: ['--import', PROVOKE] });
    running.push(async () => {
      await host.stop();
      cleanup();
    });
    await host.waitForLog('provoked rejection');
    await host.waitForLog('provoked exception');
    const lines = host.stderr().split('\n').filter((l) => l.includes('provoked'));
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(expect.arrayContaining(['unhandled promise rejection; still serving', 'uncaught exception; still serving']));
    expect(host.child.exitCode).toBeNull();
    expect((await fetch(`${host.consoleUrl}api/health`)).status).toBe(200);
    expect((await fetch(host.webhookUrl, { method: 'POST', body: '' })).status).toBe(403);
  });
});
