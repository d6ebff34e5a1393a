import type { AnyEvent } from '../../shared/contract/index.js';
import type { ConsoleClient } from './console-client.js';

/**
 * Keeps a view current: refreshes now, whenever a matching event arrives, and after every
 * reconnect — events sent while the connection was down are lost, so a reload catches up.
 * Returns the function that stops it.
 */
export function keepFresh(client: Pick<ConsoleClient, 'subscribe' | 'onStateChange'>, refresh: () => void, isRelevant: (event: AnyEvent) => boolean): () => void {
  const stopEvents = client.subscribe((event) => {
    if (isRelevant(event)) refresh();
  });
  const stopState = client.onStateChange((state) => {
    if (state === 'open') refresh();
  });
  refresh();
  return () => {
    stopEvents();
    stopState();
  };
}
