import type { AnyEvent } from '../../shared/contract/index.js';

/** In-process fan-out of contract events to the transports (IPC, WebSocket). */
export class EventBus {
  private readonly listeners = new Set<(event: AnyEvent) => void>();

  subscribe(listener: (event: AnyEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: AnyEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
