import { CalendarError, type AdapterContext, type CalendarAdapter, type TimeWindow } from '../../core/calendars/index.js';
import { guardedFetch, sentenceCase } from './http-errors.js';
import { eventsFromIcs } from './ical-events.js';
import { tagFor, windowCursor } from './window-cursor.js';

const SERVICE = 'the calendar feed';

/**
 * A published ICS feed: read-only busy time. Fetched with If-None-Match on the last ETag, so an
 * unchanged feed costs a 304; a changed one is parsed whole (feeds carry no deltas).
 */
export function createIcsAdapter(options: { now: () => number }): CalendarAdapter {
  async function fetchFeed(ctx: AdapterContext, etag: string | null): Promise<{ body: string | null; etag: string | null }> {
    const fetch = guardedFetch(SERVICE, ctx.signal, options.now);
    const url = ctx.connection.address.replace(/^webcal:/i, 'https:');
    const response = await fetch(url, { headers: { accept: 'text/calendar', ...(etag ? { 'if-none-match': etag } : {}) } });
    if (response.status === 304) return { body: null, etag };
    if (response.status === 404 || response.status === 410) throw new CalendarError('invalid', `${sentenceCase(SERVICE)} is not at that address any more (HTTP ${response.status}).`);
    if (!response.ok) throw new CalendarError('unavailable', `${sentenceCase(SERVICE)} answered HTTP ${response.status}.`);
    const body = await response.text();
    if (!/BEGIN:VCALENDAR/i.test(body)) throw new CalendarError('invalid', `${sentenceCase(SERVICE)} did not send a calendar (is the address right?).`);
    return { body, etag: response.headers.get('etag') };
  }

  function parse(ctx: AdapterContext, body: string, window: TimeWindow) {
    try {
      return eventsFromIcs(body, window, ctx.zone);
    } catch (error) {
      throw new CalendarError('invalid', `${sentenceCase(SERVICE)} could not be read (${error instanceof Error ? error.message : String(error)}).`);
    }
  }

  return {
    writable: false,
    async sync(ctx, cursor, window) {
      const feed = await fetchFeed(ctx, tagFor(cursor, window.from));
      if (feed.body === null) return { full: false, events: [], removed: [], cursor };
      return { full: true, events: parse(ctx, feed.body, window), removed: [], cursor: feed.etag ? windowCursor(feed.etag, window.from) : null };
    },
    async read(ctx, window) {
      const feed = await fetchFeed(ctx, null);
      return parse(ctx, feed.body ?? '', window);
    },
    put() {
      return Promise.reject(new CalendarError('invalid', 'An ICS feed is read-only.'));
    },
    remove() {
      return Promise.reject(new CalendarError('invalid', 'An ICS feed is read-only.'));
    },
  };
}
