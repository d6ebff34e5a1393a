import { describeError, isCommandError } from '../../api/command-error.js';

/** The appliance's own sentence (it is written for people), with field details when it gave any. */
export function bookingErrorMessage(error: unknown): string {
  if (isCommandError(error) && error.details.length) return `${error.message} ${error.details.join('; ')}`;
  return describeError(error);
}

/** The time itself was refused (taken meanwhile, or outside the rules): the free times are stale. */
export function slotsAreStale(error: unknown): boolean {
  return isCommandError(error) && (error.code === 'conflict' || error.code === 'outside_rules');
}

/** A fresh idempotency key, so a double click or a retry after a dropped answer books once. */
export function newIdempotencyKey(): string {
  const random = globalThis.crypto?.randomUUID?.();
  return random ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
