/**
 * Electron's `before-quit` cannot wait for a promise, so the first quit is cancelled, the core is
 * stopped (calls ended cleanly, SQLite closed, outbox flushed), and quit is requested again.
 * A core that hangs must not keep the process alive forever, hence the deadline.
 */
export interface QuitGateDeps {
  stop: () => Promise<void>;
  /** Re-issues the quit once stopping has finished (app.quit). */
  quitAgain: () => void;
  onError: (error: unknown) => void;
  timeoutMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface QuitGate {
  /** True once a quit was requested: windows stop hiding to the tray and really close. */
  readonly quitting: boolean;
  /** Call from `before-quit`; false means "prevent this quit, another will follow". */
  beforeQuit(): boolean;
}

export const DEFAULT_STOP_TIMEOUT_MS = 10_000;

export function createQuitGate(deps: QuitGateDeps): QuitGate {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let state: 'running' | 'stopping' | 'stopped' = 'running';
  let quitting = false;

  const finish = (): void => {
    if (state === 'stopped') return;
    state = 'stopped';
    deps.quitAgain();
  };

  return {
    get quitting() {
      return quitting;
    },
    beforeQuit() {
      quitting = true;
      if (state === 'stopped') return true;
      if (state === 'stopping') return false;
      state = 'stopping';
      const timer = setTimer(() => {
        deps.onError(new Error(`Frontdesk did not stop within ${timeoutMs} ms; quitting anyway`));
        finish();
      }, timeoutMs);
      let stopping: Promise<void>;
      try {
        stopping = deps.stop();
      } catch (error) {
        stopping = Promise.reject(error);
      }
      stopping
        .catch((error: unknown) => deps.onError(error))
        .finally(() => {
          clearTimer(timer);
          finish();
        });
      return false;
    },
  };
}
