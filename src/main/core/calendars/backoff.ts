/** Retry after 30 s, doubling to at most 15 minutes; a server's Retry-After wins when it asks for longer. */
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 15 * 60_000;

export function calendarBackoff(failures: number, retryAfterMs: number | null = null): number {
  const exponential = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1), MAX_RETRY_MS);
  return retryAfterMs !== null && retryAfterMs > exponential ? retryAfterMs : exponential;
}

/**
 * Runs `fn` with a deadline: its signal aborts when the time is up and the promise rejects with
 * `onTimeout()`, so a calendar server that never answers cannot hold a caller or a sync forever.
 */
export async function withDeadline<T>(ms: number, fn: (signal: AbortSignal) => Promise<T>, onTimeout: () => Error): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(onTimeout());
    }, ms);
  });
  try {
    return await Promise.race([fn(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
