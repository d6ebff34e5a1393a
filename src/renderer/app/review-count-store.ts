import type { ConsoleClient } from '../api/console-client.js';
import { createTenantCountStore, type TenantCountState, type TenantCountStore } from './tenant-count-store.js';

export { totalPending } from './tenant-count-store.js';
export type ReviewCountState = TenantCountState;
export type ReviewCountStore = TenantCountStore;

/**
 * The number on the Review tab: `review/list` once per practice when the console loads (and after
 * a reconnect or a change of practices), then `review/changed`, which carries each new count.
 */
export function createReviewCountStore(client: ConsoleClient): ReviewCountStore {
  return createTenantCountStore(client, {
    count: async (tenantId) => (await client.call('review/list', { tenantId })).length,
    pushed: (event) => (event.name === 'review/changed' ? { tenantId: event.payload.tenantId, count: event.payload.pending } : null),
  });
}

/** The number on the Inbox tab: texts nobody at the desk has read yet. */
export function createUnreadTextsStore(client: ConsoleClient): TenantCountStore {
  return createTenantCountStore(client, {
    count: async (tenantId) => (await client.call('texts/unread-count', { tenantId })).unread,
    pushed: (event) => (event.name === 'texts/changed' ? { tenantId: event.payload.tenantId, count: event.payload.unread } : null),
  });
}
