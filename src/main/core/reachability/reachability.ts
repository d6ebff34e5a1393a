import type { Clock, Logger } from '../kernel/index.js';
import type { SelfTest, Tunnel, TunnelFactory, TunnelSpec } from './ports.js';

export interface TunnelStatus {
  mode: 'none' | 'ngrok' | 'url';
  state: 'off' | 'starting' | 'up' | 'down';
  url: string | null;
  /** What is wrong, in the owner's words (ngrok unreachable, self-test failed…). */
  problem: string | null;
  /** Whether a signed request sent through the public URL came back to this appliance. */
  selfTest: 'passed' | 'failed' | 'pending' | null;
  since: number;
}

/** The tunnel the settings ask for now; `key` changes whenever it must be restarted (a new token, domain or URL). */
export interface DesiredTunnel {
  spec: TunnelSpec;
  key: string;
}

export interface ReachabilityDeps {
  desired: () => DesiredTunnel | null;
  factory: TunnelFactory;
  /** The public listener's local base URL: the only thing a tunnel may forward to. */
  forwardTo: () => string;
  selfTest: SelfTest;
  clock: Clock;
  logger: Logger;
  /** The public URL changed (or went away): signatures, TwiML URLs and the numbers follow it. */
  onUrlChanged: (url: string | null) => void;
  onStatusChanged: () => void;
}

/** After a failed start, the tunnel is tried again this often. */
const RETRY_MS = 30_000;

/**
 * Keeps the way in for Twilio matching the settings: starts the chosen tunnel, restarts it when
 * its token or domain changes, retries after a failure, and proves each URL with a self-test.
 */
export class Reachability {
  private tunnel: Tunnel | null = null;
  private key: string | null = null;
  private lastAttempt = 0;
  private current: TunnelStatus;
  private work: Promise<void> = Promise.resolve();
  private generation = 0;

  constructor(private readonly deps: ReachabilityDeps) {
    this.current = { mode: 'none', state: 'off', url: null, problem: null, selfTest: null, since: deps.clock.now() };
  }

  status(): TunnelStatus {
    return { ...this.current };
  }

  publicUrl(): string | null {
    return this.current.url;
  }

  /** Brings the running tunnel in line with the settings; cheap when nothing changed. One pass at a time. */
  reconcile(): Promise<void> {
    this.work = this.work.then(() => this.reconcileOnce()).catch((error: unknown) => this.deps.logger.error({ err: error }, 'tunnel check failed'));
    return this.work;
  }

  async stop(): Promise<void> {
    await this.work;
    this.generation++;
    await this.closeTunnel();
  }

  private async reconcileOnce(): Promise<void> {
    const want = this.deps.desired();
    const key = want?.key ?? null;
    const now = this.deps.clock.now();
    if (key === this.key && (this.current.state !== 'down' || this.tunnel !== null || now - this.lastAttempt < RETRY_MS)) return;
    await this.closeTunnel();
    this.key = key;
    this.lastAttempt = now;
    if (!want) {
      this.update({ mode: 'none', state: 'off', url: null, problem: null, selfTest: null });
      return;
    }
    const generation = ++this.generation;
    const mode = want.spec.mode;
    // An own URL is known at once, so signatures are checked against it from the first webhook.
    this.update({ mode, state: 'starting', url: mode === 'url' ? want.spec.url : null, problem: null, selfTest: null });
    const tunnel = this.deps.factory(want.spec, this.deps.forwardTo(), {
      onDown: (reason) => {
        if (generation !== this.generation) return;
        this.deps.logger.warn({ mode, reason }, 'tunnel down; reconnecting');
        this.update({ state: 'down', problem: `The tunnel dropped (${reason}); reconnecting…` });
      },
      onUp: (url) => {
        if (generation !== this.generation) return;
        this.deps.logger.info({ mode, url }, 'tunnel back up');
        this.update({ state: 'up', url, problem: null });
      },
    });
    this.tunnel = tunnel;
    try {
      const url = await tunnel.start();
      if (generation !== this.generation) return;
      this.update({ state: 'up', url, problem: null, selfTest: 'pending' });
      this.deps.logger.info({ mode, url }, 'public URL ready');
    } catch (error) {
      if (generation !== this.generation) return;
      this.tunnel = null;
      const problem = error instanceof Error ? error.message : String(error);
      this.deps.logger.warn({ mode, problem }, 'tunnel did not start');
      this.update({ state: 'down', url: mode === 'url' ? this.current.url : null, problem, selfTest: null });
      return;
    }
    void this.runSelfTest(generation);
  }

  /** Sends a signed request through the public URL; the result is shown, it does not take the URL away. */
  async runSelfTest(generation = this.generation): Promise<void> {
    const url = this.current.url;
    if (!url) return;
    const result = await this.deps.selfTest(url);
    if (generation !== this.generation || this.current.url !== url) return;
    if (result.ok) this.update({ selfTest: 'passed', problem: null });
    else this.update({ selfTest: 'failed', problem: result.problem });
  }

  private async closeTunnel(): Promise<void> {
    const tunnel = this.tunnel;
    this.tunnel = null;
    if (!tunnel) return;
    try {
      await tunnel.close();
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'tunnel did not close cleanly');
    }
  }

  private update(patch: Partial<TunnelStatus>): void {
    const before = this.current;
    this.current = { ...before, ...patch, since: patch.state && patch.state !== before.state ? this.deps.clock.now() : before.since };
    if (before.url !== this.current.url) this.deps.onUrlChanged(this.current.url);
    this.deps.onStatusChanged();
  }
}
