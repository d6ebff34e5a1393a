import { DateTime } from 'luxon';
import { CalendarError, bookingIdFromEventId, type AdapterContext, type CalendarAdapter, type ExternalEvent, type OutgoingEvent, type TimeWindow } from '../../core/calendars/index.js';
import { errorForStatus, networkError } from './http-errors.js';
import { GRAPH_ROOT, OUTLOOK_SERVICE, outlookAccessToken, type OutlookOptions } from './outlook-auth.js';
import { tagFor, windowCursor } from './window-cursor.js';

/** A Graph event as calendarView (and its delta) returns it, with the fields busy time needs. */
export interface GraphEvent {
  id: string;
  subject?: string | null;
  start?: { dateTime: string; timeZone: string } | null;
  end?: { dateTime: string; timeZone: string } | null;
  isAllDay?: boolean;
  isCancelled?: boolean;
  showAs?: 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';
  responseStatus?: { response?: string } | null;
  transactionId?: string | null;
  '@removed'?: { reason: string };
}

interface GraphPage {
  value?: GraphEvent[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

const PAGE_SIZE = 200;
const SELECT = 'id,subject,start,end,isAllDay,isCancelled,showAs,responseStatus,transactionId';
/** Graph's words for "this delta token is gone: start over". */
const RESYNC_CODES = /syncStateNotFound|resyncRequired|syncStateInvalid/i;

class GraphStatusError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** With `Prefer: outlook.timezone="UTC"` times come without an offset; an all-day event is midnight to midnight where the practice is. */
function instant(time: GraphEvent['start'], allDay: boolean, zone: string): number | null {
  if (!time?.dateTime) return null;
  if (allDay) return DateTime.fromISO(time.dateTime.slice(0, 10), { zone }).toMillis();
  const utc = time.timeZone && time.timeZone !== 'UTC' ? DateTime.fromISO(time.dateTime, { zone: time.timeZone }) : DateTime.fromISO(time.dateTime, { zone: 'utc' });
  return utc.isValid ? utc.toMillis() : null;
}

function toExternal(event: GraphEvent, zone: string): ExternalEvent | null {
  const allDay = event.isAllDay === true;
  const start = instant(event.start, allDay, zone);
  const end = instant(event.end, allDay, zone);
  if (!event.id || start === null || end === null) return null;
  const free = event.showAs === 'free' || event.showAs === 'workingElsewhere' || event.responseStatus?.response === 'declined';
  return {
    uid: event.id,
    start,
    end,
    busy: !free,
    bookingId: event.transactionId ? bookingIdFromEventId(event.transactionId) : null,
    summary: event.subject ?? '',
  };
}

function body(event: OutgoingEvent) {
  const utc = (t: number) => ({ dateTime: new Date(t).toISOString().replace('Z', ''), timeZone: 'UTC' });
  return {
    subject: event.summary,
    body: { contentType: 'text', content: event.description },
    start: utc(event.start),
    end: utc(event.end),
    showAs: 'busy',
    isReminderOn: false,
  };
}

/**
 * Outlook / Microsoft 365 through Microsoft Graph with plain fetch: busy time from
 * `calendarView/delta` (the deltaLink is the cursor; a gone token means a full resync), bookings
 * created with a `transactionId` derived from the booking (Graph drops a repeated create), moved
 * with PATCH and cancelled with DELETE (404: already gone). Backoff is the outbox's, on the practice clock.
 */
export function createOutlookAdapter(options: OutlookOptions): CalendarAdapter {
  const root = `${(options.apiBase ?? GRAPH_ROOT).replace(/\/$/, '')}/v1.0`;
  /** The default calendar is `primary` (`/me/calendarView`, `/me/events`); any other is addressed by its Graph id. */
  const calendarPath = (ctx: AdapterContext) => (ctx.connection.address === 'primary' ? '/me' : `/me/calendars/${encodeURIComponent(ctx.connection.address)}`);

  async function request<T>(ctx: AdapterContext, method: string, url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; data: T }> {
    const target = url.startsWith('http') ? url : `${root}${url}`;
    // Paging and delta links come from the server: the access token goes only to Graph's own host.
    if (new URL(target).origin !== new URL(root).origin) throw new CalendarError('invalid', `${OUTLOOK_SERVICE} sent a link to another server; not followed.`);
    for (let attempt = 0; ; attempt++) {
      const token = await outlookAccessToken(options, ctx.credential(), (v) => ctx.saveCredential(v), attempt > 0);
      let response: Response;
      try {
        response = await fetch(target, {
          method,
          signal: ctx.signal,
          headers: { authorization: `Bearer ${token}`, prefer: `outlook.timezone="UTC", odata.maxpagesize=${PAGE_SIZE}`, ...(payload ? { 'content-type': 'application/json' } : {}), ...headers },
          ...(payload ? { body: JSON.stringify(payload) } : {}),
        });
      } catch (error) {
        throw networkError(OUTLOOK_SERVICE, error);
      }
      // An access token Graph no longer takes: redeem the refresh token once, then ask again.
      if (response.status === 401 && attempt === 0) {
        await response.body?.cancel();
        continue;
      }
      const text = await response.text();
      let data: unknown = null;
      try {
        data = text ? JSON.parse(text) : null;
      } catch {
        throw new CalendarError('unavailable', `${OUTLOOK_SERVICE} answered something unreadable (HTTP ${response.status}); retrying.`);
      }
      if (response.ok) return { status: response.status, data: data as T };
      const error = (data as { error?: { code?: string; message?: string } } | null)?.error;
      if (response.status === 410 || RESYNC_CODES.test(error?.code ?? '')) throw new CalendarError('sync_expired', `${OUTLOOK_SERVICE} asked for a full resync.`);
      const known = errorForStatus(response.status, OUTLOOK_SERVICE, response.headers.get('retry-after'), options.now());
      if (known) throw known;
      throw new GraphStatusError(response.status, error?.code ?? '', `${OUTLOOK_SERVICE} answered HTTP ${response.status}${error?.message ? `: ${error.message}` : ''}.`);
    }
  }

  /** Any non-Calendar failure left (400, 404 where it is unexpected) is one the outbox should not retry forever. */
  async function call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof GraphStatusError) throw new CalendarError('invalid', error.message);
      throw error;
    }
  }

  async function pages(ctx: AdapterContext, first: string): Promise<{ items: GraphEvent[]; deltaLink: string | null }> {
    const items: GraphEvent[] = [];
    let next: string | undefined = first;
    while (next) {
      const { data }: { data: GraphPage } = await request<GraphPage>(ctx, 'GET', next);
      items.push(...(data.value ?? []));
      if (data['@odata.deltaLink']) return { items, deltaLink: data['@odata.deltaLink'] };
      next = data['@odata.nextLink'];
    }
    return { items, deltaLink: null };
  }

  const range = (w: TimeWindow) => `startDateTime=${new Date(w.from).toISOString()}&endDateTime=${new Date(w.to).toISOString()}`;

  /** The event Graph already made under this transactionId (a create whose answer was lost, retried with other details). */
  async function findByTransaction(ctx: AdapterContext, transactionId: string): Promise<string | null> {
    const { data } = await request<GraphPage>(ctx, 'GET', `/me/events?$filter=${encodeURIComponent(`transactionId eq '${transactionId}'`)}&$select=id`);
    return data.value?.[0]?.id ?? null;
  }

  async function create(ctx: AdapterContext, event: OutgoingEvent): Promise<string> {
    try {
      const { data } = await request<GraphEvent>(ctx, 'POST', `${calendarPath(ctx)}/events`, { ...body(event), transactionId: event.eventId });
      return data.id;
    } catch (error) {
      if (!(error instanceof GraphStatusError) || (error.status !== 409 && !/DuplicateTransactionId/i.test(error.code))) throw error;
      const existing = await findByTransaction(ctx, event.eventId);
      if (!existing) throw new CalendarError('invalid', `${OUTLOOK_SERVICE} says this booking's event exists but cannot find it.`);
      await request(ctx, 'PATCH', `/me/events/${encodeURIComponent(existing)}`, body(event));
      return existing;
    }
  }

  return {
    writable: true,
    async sync(ctx, cursor, w) {
      const deltaLink = tagFor(cursor, w.from);
      const { items, deltaLink: next } = deltaLink
        ? await pages(ctx, deltaLink)
        : await pages(ctx, `${calendarPath(ctx)}/calendarView/delta?${range(w)}`); // delta takes no $select
      const events: ExternalEvent[] = [];
      const removed: string[] = [];
      for (const item of items) {
        if (item['@removed'] || item.isCancelled) {
          if (item.id) removed.push(item.id);
          continue;
        }
        const event = toExternal(item, ctx.zone);
        if (event) events.push(event);
      }
      return { full: deltaLink === null, events, removed, cursor: next ? windowCursor(next, w.from) : null };
    },
    async read(ctx, w) {
      const { items } = await pages(ctx, `${calendarPath(ctx)}/calendarView?${range(w)}&$select=${SELECT}&$top=${PAGE_SIZE}`);
      return items.filter((i) => !i.isCancelled).map((i) => toExternal(i, ctx.zone)).filter((e): e is ExternalEvent => e !== null);
    },
    async put(ctx, event, link) {
      return call(async () => {
        if (link) {
          try {
            await request(ctx, 'PATCH', `/me/events/${encodeURIComponent(link.remoteId)}`, body(event));
            return { remoteId: link.remoteId, etag: null };
          } catch (error) {
            // Deleted outside Frontdesk since: made again.
            if (!(error instanceof GraphStatusError) || error.status !== 404) throw error;
          }
        }
        return { remoteId: await create(ctx, event), etag: null };
      });
    },
    async remove(ctx, link) {
      await call(async () => {
        try {
          await request(ctx, 'DELETE', `/me/events/${encodeURIComponent(link.remoteId)}`);
        } catch (error) {
          // Already deleted counts as done.
          if (!(error instanceof GraphStatusError) || (error.status !== 404 && error.status !== 410)) throw error;
        }
      });
    },
  };
}
