import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const HEADLESS_MAIN = join(REPO_ROOT, 'dist/main/headless/main.js');
// A bound on a hang: a loaded shared machine can take many seconds to start a Node process.
const STARTUP_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 10_000;

/** The demo's pinned clock: Monday 23 November 2026, 9:00 in New York. */
export const PINNED_NOW = '2026-11-23T14:00:00Z';

export interface ApplianceOptions {
  /** Reuse a data folder (e.g. across a restart); a fresh temporary one otherwise. */
  dataDir?: string;
  /** A fixed console port; 0 (any free port) otherwise. */
  consolePort?: number;
  /** Extra environment for the process (e.g. Twilio credentials and the public URL); wins over the defaults. */
  env?: Record<string, string>;
}

export interface RunningAppliance {
  readonly consoleUrl: string;
  readonly webhookUrl: string;
  readonly dataDir: string;
  /** Everything the process wrote to stderr so far (its logs). */
  readonly stderr: () => string;
  /** Stops the process (SIGTERM, then SIGKILL if it hangs); keeps the data folder. */
  stop(): Promise<void>;
}

/** A fresh temporary data folder, removed by `removeDataDir`. */
export function createDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'frontdesk-e2e-'));
}

export function removeDataDir(dataDir: string): Promise<void> {
  return rm(dataDir, { recursive: true, force: true });
}

/** A port nothing listens on right now: bind port 0, note the port, let it go. */
export async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('Could not find a free port.');
  return address.port;
}

/**
 * Starts the built headless appliance (`node dist/main/headless/main.js`) and resolves once it
 * has printed its two URLs.
 */
export async function startAppliance(options: ApplianceOptions = {}): Promise<RunningAppliance> {
  if (!existsSync(HEADLESS_MAIN)) throw new Error(`${HEADLESS_MAIN} is missing: run \`npm run build\` before the e2e tests.`);
  const dataDir = options.dataDir ?? (await createDataDir());
  const child = spawn(process.execPath, [HEADLESS_MAIN], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      FRONTDESK_DATA_DIR: dataDir,
      FRONTDESK_CONSOLE_PORT: String(options.consolePort ?? 0),
      FRONTDESK_WEBHOOK_PORT: '0',
      FRONTDESK_NOW: PINNED_NOW,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const urls = await readUrls(child, exited, () => stderr).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await exited;
    throw error;
  });

  let stopped: Promise<void> | null = null;
  return {
    ...urls,
    dataDir,
    stderr: () => stderr,
    stop: () => (stopped ??= stopProcess(child, exited)),
  };
}

async function readUrls(
  child: ChildProcessByStdio<null, Readable, Readable>,
  exited: Promise<number | null>,
  stderr: () => string,
): Promise<{ consoleUrl: string; webhookUrl: string }> {
  child.stdout.setEncoding('utf8');
  let stdout = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`The appliance did not print its URLs within ${STARTUP_TIMEOUT_MS} ms.\nstdout:\n${stdout}\nstderr:\n${stderr()}`));
    }, STARTUP_TIMEOUT_MS);
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      const consoleUrl = /^Console: (\S+)$/m.exec(stdout)?.[1];
      const webhookUrl = /^Webhooks: (\S+)$/m.exec(stdout)?.[1];
      if (consoleUrl && webhookUrl) {
        clearTimeout(timer);
        resolve({ consoleUrl, webhookUrl });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The appliance exited (code ${String(code)}) before printing its URLs.\nstdout:\n${stdout}\nstderr:\n${stderr()}`));
    });
  });
}

async function stopProcess(child: ChildProcessByStdio<null, Readable, Readable>, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
