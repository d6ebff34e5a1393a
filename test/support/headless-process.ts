import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const MAIN = resolve(import.meta.dirname, '..', '..', 'dist', 'main', 'headless', 'main.js');

export interface HeadlessProcess {
  child: ChildProcess;
  consoleUrl: string;
  webhookUrl: string;
  /** Everything written to stderr so far (JSON log lines). */
  stderr(): string;
  /** Resolves once stderr contains `text`. */
  waitForLog(text: string): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the real headless host (`dist/`, so it needs `npm run build`) on free ports and waits for its two URLs. */
export function startHeadless(dataDir: string, options: { nodeArgs?: string[]; env?: Record<string, string> } = {}): Promise<HeadlessProcess> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), MAIN, '--data-dir', dataDir, '--console-port', '0', '--webhook-port', '0'], {
    env: { ...process.env, FRONTDESK_LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const logWaiters: { text: string; resolve: () => void }[] = [];
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
    for (const waiter of logWaiters.splice(0)) {
      if (stderr.includes(waiter.text)) waiter.resolve();
      else logWaiters.push(waiter);
    }
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((resolvePromise, reject) => {
    child.once('exit', (code) => reject(new Error(`headless exited (${code}) before printing its URLs: ${stderr}`)));
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      const consoleUrl = /^Console: (\S+)$/m.exec(stdout)?.[1];
      const webhookUrl = /^Webhooks: (\S+)$/m.exec(stdout)?.[1];
      if (!consoleUrl || !webhookUrl) return;
      resolvePromise({
        child,
        consoleUrl,
        webhookUrl,
        stderr: () => stderr,
        waitForLog: (text) => (stderr.includes(text) ? Promise.resolve() : new Promise((done) => logWaiters.push({ text, resolve: done }))),
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
