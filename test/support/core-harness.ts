import pino from 'pino';
import type { AppConfig } from '../../src/main/app/index.js';
import { createCore, type Core, type CoreDeps } from '../../src/main/app/create-core.js';
import { demoTenant } from './demo-tenant.js';
import { FakeClock } from './fake-clock.js';
import { makeTempDir } from './temp-dir.js';
import { testConfig } from './test-config.js';

export interface Harness {
  core: Core;
  clock: FakeClock;
  dir: string;
  close(): void;
  /** Runs a contract command as the desk and returns its output, throwing the typed error on failure. */
  run<T = any>(name: string, input: unknown): Promise<T>;
}

/** The real core (SQLite in a temp folder) with a hand-moved clock and the demo practice loaded. */
export function createHarness(options: { now?: string; dir?: string; seed?: boolean; deps?: CoreDeps; config?: Partial<AppConfig> } = {}): Harness {
  const temp = options.dir ? null : makeTempDir();
  const dir = options.dir ?? temp!.dir;
  const clock = FakeClock.at(options.now ?? '2026-11-23T14:00:00Z');
  const core = createCore(testConfig(dir, options.config), { clock, logger: pino({ level: 'silent' }), ...options.deps });
  if (options.seed !== false) core.seedDemoIfEmpty();
  return {
    core,
    clock,
    dir,
    close() {
      core.close();
      temp?.cleanup();
    },
    async run(name, input) {
      const result = await core.dispatch(name, input, { actor: 'Dana (desk)', transport: 'internal' });
      if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
      return result.output as never;
    },
  };
}

export { demoTenant };
