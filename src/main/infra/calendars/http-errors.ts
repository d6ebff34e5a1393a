import { CalendarError } from '../../core/calendars/index.js';

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function retryAfterMs(header: string | null | undefined, now: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** "the CalDAV server" → "The CalDAV server", for the start of a sentence. */
export const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The typed failure for an HTTP status from a calendar server, or null when the status is the caller's to handle. */
export function errorForStatus(status: number, serviceName: string, retryAfter: string | null, now: number): CalendarError | null {
  const service = sentenceCase(serviceName);
  if (status === 401) return new CalendarError('auth', `${service} refused the saved sign-in (wrong password, or it expired or was revoked). Reconnect this calendar.`);
  if (status === 403) return new CalendarError('auth', `${service} says this account may not use this calendar. Reconnect it with an account that can.`);
  if (status === 429) return new CalendarError('rate_limited', `${service} asked us to slow down; retrying shortly.`, retryAfterMs(retryAfter, now));
  if (status >= 500) return new CalendarError('unavailable', `${service} is having trouble (HTTP ${status}); retrying.`, retryAfterMs(retryAfter, now));
  return null;
}

/** A network failure (refused, reset, DNS, aborted) in plain words. */
export function networkError(service: string, error: unknown): CalendarError {
  if (error instanceof CalendarError) return error;
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
  return new CalendarError('unavailable', `Could not reach ${service} (${cause}).`);
}

/**
 * A fetch for SDKs that do not report HTTP failures themselves (tsdav answers an empty list to a
 * 401): refusals, throttling, server errors and network failures become `CalendarError`s, so an
 * unreadable calendar can never look like an empty one. Other statuses pass to the caller.
 */
export function guardedFetch(service: string, signal: AbortSignal, now: () => number): typeof fetch {
  return async (input, init) => {
    let response: Response;
    try {
      response = await fetch(input, { ...init, signal });
    } catch (error) {
      throw networkError(service, error);
    }
    const failure = errorForStatus(response.status, service, response.headers.get('retry-after'), now());
    if (failure) {
      await response.body?.cancel();
      throw failure;
    }
    return response;
  };
}
