import { DAVClient, createCalendarObject, deleteCalendarObject, fetchCalendarObjects, isCollectionDirty, updateCalendarObject, type DAVCalendar } from 'tsdav';
import { CalendarError, type AdapterContext, type CalendarAdapter, type ExternalEvent, type TimeWindow } from '../../core/calendars/index.js';
import { guardedFetch, sentenceCase } from './http-errors.js';
import { eventsFromIcs, icsForBooking } from './ical-events.js';
import { tagFor, windowCursor } from './window-cursor.js';

const SERVICE = 'the CalDAV server';

interface CaldavCall {
  calendar: DAVCalendar;
  headers: Record<string, string>;
  fetch: typeof fetch;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const sameUrl = (a: string, b: string) => new URL(a).href.replace(/\/?$/, '/') === new URL(b).href.replace(/\/?$/, '/');

/**
 * CalDAV (iCloud, Fastmail, Nextcloud, Radicale) through tsdav. The address may be the calendar
 * collection itself or the server (then the account's first event calendar is found by tsdav's
 * discovery). Busy time comes from calendar-query with a time range; changes are detected by the
 * collection's ctag. Bookings are PUT as `<event id>.ics` with If-None-Match: *, so a repeated
 * create answers 412 and becomes an update instead of a second event.
 */
export function createCaldavAdapter(options: { now: () => number }): CalendarAdapter {
  /** Discovered collection URLs by connection: discovery costs several round trips. */
  const collections = new Map<string, string>();

  async function open(ctx: AdapterContext): Promise<CaldavCall> {
    const stored = ctx.credential();
    const password = stored ? (JSON.parse(stored) as { password?: string }).password : undefined;
    if (!password || !ctx.connection.username) throw new CalendarError('auth', 'No password is saved for this calendar. Reconnect it.');
    const fetch = guardedFetch(SERVICE, ctx.signal, options.now);
    const headers = basic(ctx.connection.username, password);
    let url = collections.get(ctx.connection.id);
    if (!url) {
      url = await discover(ctx, ctx.connection.username, password, fetch);
      collections.set(ctx.connection.id, url);
    }
    return { calendar: { url }, headers, fetch };
  }

  async function discover(ctx: AdapterContext, username: string, password: string, fetch: typeof globalThis.fetch): Promise<string> {
    const address = ctx.connection.address;
    // A collection answers with its ctag; anything else is treated as the server to discover from.
    try {
      const probe = await isCollectionDirty({ collection: { url: address, ctag: '' }, headers: basic(username, password), fetch });
      if (probe.newCtag) return address;
    } catch (error) {
      if (error instanceof CalendarError) throw error;
    }
    const client = new DAVClient({ serverUrl: address, credentials: { username, password }, authMethod: 'Basic', defaultAccountType: 'caldav', fetch });
    await client.login();
    const calendars = await client.fetchCalendars();
    const chosen = calendars.find((c) => sameUrl(c.url, address)) ?? calendars.find((c) => !c.components || c.components.includes('VEVENT'));
    if (!chosen) throw new CalendarError('invalid', `No calendar was found at ${address}.`);
    return chosen.url;
  }

  async function readEvents(ctx: AdapterContext, call: CaldavCall, window: TimeWindow): Promise<ExternalEvent[]> {
    const objects = await fetchCalendarObjects({ calendar: call.calendar, timeRange: { start: iso(window.from), end: iso(window.to) }, headers: call.headers, fetch: call.fetch });
    return objects.flatMap((o) => (typeof o.data === 'string' ? eventsFromIcs(o.data, window, ctx.zone, ctx.connection.username) : []));
  }

  return {
    writable: true,
    async sync(ctx, cursor, window) {
      const call = await open(ctx);
      const ctag = tagFor(cursor, window.from);
      const { newCtag } = await isCollectionDirty({ collection: { url: call.calendar.url, ctag: ctag ?? '' }, headers: call.headers, fetch: call.fetch });
      if (ctag && newCtag === ctag) return { full: false, events: [], removed: [], cursor };
      const events = await readEvents(ctx, call, window);
      return { full: true, events, removed: [], cursor: newCtag ? windowCursor(newCtag, window.from) : null };
    },
    async read(ctx, window) {
      return readEvents(ctx, await open(ctx), window);
    },
    async put(ctx, event, link) {
      const call = await open(ctx);
      const filename = `${event.eventId}.ics`;
      const iCalString = icsForBooking(event, options.now());
      const objectUrl = link?.remoteId ?? new URL(filename, call.calendar.url.replace(/\/?$/, '/')).href;
      if (!link) {
        const created = await createCalendarObject({ calendar: call.calendar, filename, iCalString, headers: call.headers, fetch: call.fetch });
        if (created.ok) return { remoteId: objectUrl, etag: created.headers.get('etag') };
        // 412: it is already there (a retry after a lost answer); fall through to an update.
        if (created.status !== 412) throw new CalendarError(created.status === 404 ? 'invalid' : 'unavailable', `${sentenceCase(SERVICE)} refused the new event (HTTP ${created.status}).`);
      }
      // Frontdesk owns its events: the update is unconditional, so an edit made outside cannot wedge the outbox.
      const updated = await updateCalendarObject({ calendarObject: { url: objectUrl, data: iCalString }, headers: call.headers, headersToExclude: ['If-Match'], fetch: call.fetch });
      if (!updated.ok) throw new CalendarError('unavailable', `${sentenceCase(SERVICE)} refused the change to the event (HTTP ${updated.status}).`);
      return { remoteId: objectUrl, etag: updated.headers.get('etag') };
    },
    async remove(ctx, link) {
      const call = await open(ctx);
      const response = await deleteCalendarObject({ calendarObject: { url: link.remoteId }, headers: call.headers, headersToExclude: ['If-Match'], fetch: call.fetch });
      // 404/410: already deleted (by a retry, or by hand) — done either way.
      if (!response.ok && response.status !== 404 && response.status !== 410) {
        throw new CalendarError('unavailable', `${sentenceCase(SERVICE)} refused to delete the event (HTTP ${response.status}).`);
      }
    },
  };
}

function basic(username: string, password: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` };
}
