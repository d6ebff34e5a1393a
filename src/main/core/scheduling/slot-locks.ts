import { Mutex } from 'async-mutex';

/**
 * The first double-booking guard: one in-process mutex per provider around "re-check, then
 * write". Several providers (a reschedule across providers) are locked in sorted order so two
 * operations can never wait on each other.
 */
export class SlotLocks {
  private readonly mutexes = new Map<string, Mutex>();

  async run<T>(tenantId: string, providerIds: readonly string[], fn: () => Promise<T> | T): Promise<T> {
    const keys = [...new Set(providerIds)].sort().map((id) => `${tenantId}\u0000${id}`);
    const releases: (() => void)[] = [];
    try {
      for (const key of keys) releases.push(await this.mutex(key).acquire());
      return await fn();
    } finally {
      for (const release of releases.reverse()) release();
    }
  }

  private mutex(key: string): Mutex {
    let mutex = this.mutexes.get(key);
    if (!mutex) {
      mutex = new Mutex();
      this.mutexes.set(key, mutex);
    }
    return mutex;
  }
}
