import { DateTime } from 'luxon';
import { google, type calendar_v3 } from 'googleapis';
import { CalendarError, bookingIdFromEventId, type AdapterContext, type CalendarAdapter, type ExternalEvent, type OutgoingEvent, type TimeWindow } from '../../core/calendars/index.js';
import { errorForStatus, networkError } from './http-errors.js';

export interface GoogleOptions {
  clientId: string | null;
  clientSecret: string | null;
  /** Google's API root, or a fake's (`http://127.0.0.1:P/`). */
  apiBase: string | null;
  /** Google's OAuth token endpoint base, or a fake's. */
  oauthBase: string | null;
  now: () => number;
}

/** What the vault keeps for a Google connection: google-auth-library's credentials object. */
export interface GoogleTokens {
  refresh_token?: string | null;
  access_token?: string | null;
  expiry_date?: number | null;
  token_type?: string | null;
  scope?: string;
}

const SERVICE = 'Google Calendar';
const PAGE_SIZE = 2500;

export function googleOAuthClient(options: GoogleOptions, redirectUri?: string) {
  return new google.auth.OAuth2({
    clientId: options.clientId ?? undefined,
    clientSecret: options.clientSecret ?? undefined,
    ...(redirectUri ? { redirectUri } : {}),
    ...(options.oauthBase ? { endpoints: { oauth2TokenUrl: `${options.oauthBase.replace(/\/$/, '')}/token`, oauth2AuthBaseUrl: `${options.oauthBase.replace(/\/$/, '')}/auth` } } : {}),
  });
}

/** A Google failure (gaxios error, OAuth refusal, network) as a CalendarError in plain words. */
export function googleError(error: unknown, now: number): CalendarError {
  if (error instanceof CalendarError) return error;
  const e = error as { status?: number; code?: string | number; response?: { status?: number; data?: unknown; headers?: { get?: (name: string) => string | null } & Record<string, unknown> }; message?: string };
  const status = e.response?.status ?? (typeof e.status === 'number' ? e.status : undefined);
  const data = JSON.stringify(e.response?.data ?? '');
  if (/invalid_grant/.test(data) || /invalid_grant/.test(e.message ?? '')) {
    return new CalendarError('auth', `${SERVICE} refused the saved sign-in (it expired or was revoked). Reconnect this calendar.`);
  }
  if (status === undefined) return networkError(SERVICE, error);
  if (status === 410) return new CalendarError('sync_expired', `${SERVICE} asked for a full resync.`);
  const headers = e.response?.headers;
  // gaxios hands over a Headers-like object (or a plain one in older versions).
  const retryAfter = typeof headers?.get === 'function' ? headers.get('retry-after') : ((headers?.['retry-after'] as string | undefined) ?? null);
  if (status === 403 && /rateLimitExceeded|userRateLimitExceeded/.test(data)) {
    return new CalendarError('rate_limited', `${SERVICE} asked us to slow down; retrying shortly.`, null);
  }
  return errorForStatus(status, SERVICE, retryAfter, now) ?? new CalendarError(status === 404 ? 'invalid' : 'unavailable', `${SERVICE} answered HTTP ${status}.`);
}

function instant(time: calendar_v3.Schema$EventDateTime | undefined, zone: string): number | null {
  if (!time) return null;
  if (time.dateTime) return Date.parse(time.dateTime);
  if (time.date) return DateTime.fromISO(time.date, { zone: time.timeZone ?? zone }).toMillis();
  return null;
}

function toExternal(event: calendar_v3.Schema$Event, zone: string): ExternalEvent | null {
  const start = instant(event.start, zone);
  const end = instant(event.end, zone);
  if (!event.id || start === null || end === null) return null;
  const declined = (event.attendees ?? []).some((a) => a.self && a.responseStatus === 'declined');
  return {
    uid: event.id,
    start,
    end,
    busy: event.transparency !== 'transparent' && !declined,
    bookingId: bookingIdFromEventId(event.id),
    summary: event.summary ?? '',
  };
}

function body(event: OutgoingEvent): calendar_v3.Schema$Event {
  return {
    id: event.eventId,
    summary: event.summary,
    description: event.description,
    start: { dateTime: new Date(event.start).toISOString(), timeZone: event.zone },
    end: { dateTime: new Date(event.end).toISOString(), timeZone: event.zone },
    transparency: 'opaque',
    status: 'confirmed',
  };
}

function calendarApi(options: GoogleOptions, auth: ReturnType<typeof googleOAuthClient>) {
  return google.calendar({ version: 'v3', auth, retry: false, ...(options.apiBase ? { rootUrl: options.apiBase.replace(/\/?$/, '/') } : {}) });
}

/**
 * The calendars a finished sign-in connects: the account's primary one (it receives the bookings)
 * and every other calendar the account owns or writes to (a work and a personal calendar both
 * count as busy). Subscribed ones it only reads (holidays, birthdays, a colleague's) are left
 * out. Each is connected under its own id, never "primary", so two Google accounts of one provider
 * stay two calendars.
 */
export async function listGoogleCalendars(options: GoogleOptions, tokens: GoogleTokens): Promise<{ address: string; name: string; isDefault: boolean }[]> {
  const auth = googleOAuthClient(options);
  auth.setCredentials(tokens);
  const api = calendarApi(options, auth);
  const found: { address: string; name: string; isDefault: boolean }[] = [];
  let pageToken: string | undefined;
  do {
    const { data } = await api.calendarList.list({ minAccessRole: 'writer', maxResults: 250, ...(pageToken ? { pageToken } : {}) });
    for (const c of data.items ?? []) {
      if (c.id && !c.deleted) found.push({ address: c.id, name: c.summaryOverride ?? c.summary ?? c.id, isDefault: c.primary === true });
    }
    pageToken = data.nextPageToken ?? undefined;
  } while (pageToken && found.length < 250);
  return found.some((c) => c.isDefault) ? found : [{ address: 'primary', name: SERVICE, isDefault: true }, ...found];
}

/**
 * Google Calendar through `googleapis`: incremental sync with syncToken (410 → full resync),
 * recurring events expanded by Google (singleEvents), bookings inserted under the booking's
 * base32hex id (409 on a retry means it exists: updated instead). gaxios's own retries are off:
 * backoff is ours, on the practice's clock, and survives restarts through the outbox.
 */
export function createGoogleAdapter(options: GoogleOptions): CalendarAdapter {
  function api(ctx: AdapterContext) {
    const stored = ctx.credential();
    const tokens = stored ? (JSON.parse(stored) as GoogleTokens) : null;
    if (!tokens?.refresh_token && !tokens?.access_token) throw new CalendarError('auth', `No ${SERVICE} sign-in is saved. Reconnect this calendar.`);
    const auth = googleOAuthClient(options);
    auth.setCredentials(tokens);
    // Google rotates access tokens (and sometimes the refresh token): keep what it sends.
    auth.on('tokens', (fresh) => ctx.saveCredential(JSON.stringify({ ...tokens, ...fresh, refresh_token: fresh.refresh_token ?? tokens.refresh_token })));
    return calendarApi(options, auth);
  }

  async function call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw googleError(error, options.now());
    }
  }

  async function list(ctx: AdapterContext, query: calendar_v3.Params$Resource$Events$List): Promise<{ items: calendar_v3.Schema$Event[]; nextSyncToken: string | null }> {
    const calendar = api(ctx);
    const items: calendar_v3.Schema$Event[] = [];
    let pageToken: string | undefined;
    for (;;) {
      const { data } = await call(() => calendar.events.list({ ...query, calendarId: ctx.connection.address, maxResults: PAGE_SIZE, ...(pageToken ? { pageToken } : {}) }, { signal: ctx.signal }));
      items.push(...(data.items ?? []));
      if (!data.nextPageToken) return { items, nextSyncToken: data.nextSyncToken ?? null };
      pageToken = data.nextPageToken;
    }
  }

  const window = (w: TimeWindow) => ({ timeMin: new Date(w.from).toISOString(), timeMax: new Date(w.to).toISOString() });

  return {
    writable: true,
    async sync(ctx, cursor, w) {
      // syncToken cannot be combined with timeMin/timeMax; deleted events then come as "cancelled".
      const { items, nextSyncToken } = cursor
        ? await list(ctx, { syncToken: cursor, singleEvents: true })
        : await list(ctx, { ...window(w), singleEvents: true, showDeleted: false });
      const events: ExternalEvent[] = [];
      const removed: string[] = [];
      for (const item of items) {
        if (item.status === 'cancelled') {
          if (item.id) removed.push(item.id);
          continue;
        }
        const event = toExternal(item, ctx.zone);
        if (event) events.push(event);
      }
      return { full: cursor === null, events, removed, cursor: nextSyncToken };
    },
    async read(ctx, w) {
      const { items } = await list(ctx, { ...window(w), singleEvents: true, showDeleted: false });
      return items.filter((i) => i.status !== 'cancelled').map((i) => toExternal(i, ctx.zone)).filter((e): e is ExternalEvent => e !== null);
    },
    async put(ctx, event, link) {
      const calendar = api(ctx);
      const calendarId = ctx.connection.address;
      if (!link) {
        try {
          const { data } = await calendar.events.insert({ calendarId, requestBody: body(event) }, { signal: ctx.signal });
          return { remoteId: data.id ?? event.eventId, etag: data.etag ?? null };
        } catch (error) {
          // 409: the id is taken, i.e. this event was created by an earlier attempt (or deleted and kept by Google).
          const status = (error as { response?: { status?: number }; status?: number }).response?.status ?? (error as { status?: number }).status;
          if (status !== 409) throw googleError(error, options.now());
        }
      }
      const { data } = await call(() => calendar.events.update({ calendarId, eventId: event.eventId, requestBody: body(event) }, { signal: ctx.signal }));
      return { remoteId: data.id ?? event.eventId, etag: data.etag ?? null };
    },
    async remove(ctx, link) {
      const calendar = api(ctx);
      try {
        await calendar.events.delete({ calendarId: ctx.connection.address, eventId: link.remoteId }, { signal: ctx.signal });
      } catch (error) {
        const status = (error as { response?: { status?: number }; status?: number }).response?.status ?? (error as { status?: number }).status;
        // 404 / 410: already deleted.
        if (status !== 404 && status !== 410) throw googleError(error, options.now());
      }
    },
  };
}
