import { healthSchema, type Health } from '../../shared/contract/index.js';
import type { App } from '../app/index.js';

export interface WatchHealthOptions {
  onHealth: (health: Health) => void;
  onError: (message: string) => void;
  /** A slow poll backs up the events, so counts that change without one (active calls) never go stale for long. */
  intervalMs?: number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

export const HEALTH_POLL_MS = 30_000;

/**
 * Feeds the tray: asks the core once, then follows `health/changed` and re-asks whenever the
 * set of practices changes. Returns a stop function.
 */
export function watchHealth(core: Pick<App, 'dispatch' | 'subscribe'>, options: WatchHealthOptions): () => void {
  const every = options.setInterval ?? ((fn, ms) => setInterval(fn, ms).unref());
  const cancel = options.clearInterval ?? ((handle) => clearInterval(handle as ReturnType<typeof setInterval>));
  let stopped = false;

  const refresh = (): void => {
    core.dispatch('health/get', {}, { actor: 'desk', transport: 'internal' }).then(
      (result) => {
        if (stopped) return;
        if (!result.ok) {
          options.onError(`health/get failed: ${result.error.message}`);
          return;
        }
        const parsed = healthSchema.safeParse(result.output);
        if (parsed.success) options.onHealth(parsed.data);
        else options.onError('health/get answered with an unexpected shape');
      },
      (error: unknown) => options.onError(`health/get failed: ${String(error)}`),
    );
  };

  const unsubscribe = core.subscribe((event) => {
    if (stopped) return;
    if (event.name === 'health/changed') options.onHealth(event.payload);
    else if (event.name === 'tenants/changed') refresh();
  });
  const timer = every(refresh, options.intervalMs ?? HEALTH_POLL_MS);
  refresh();

  return () => {
    stopped = true;
    cancel(timer);
    unsubscribe();
  };
}
