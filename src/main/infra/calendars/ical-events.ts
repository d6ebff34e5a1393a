import { DateTime } from 'luxon';
import ical from 'node-ical';
import { bookingIdFromEventId, type ExternalEvent, type OutgoingEvent, type TimeWindow } from '../../core/calendars/index.js';

type VEvent = ical.VEvent;

/** node-ical makes date-only values local-midnight Dates of this process; read them back as a calendar date. */
function dateOnlyInstant(date: Date, zone: string): number {
  return DateTime.fromObject({ year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() }, { zone }).toMillis();
}

function text(value: ical.ParameterValue | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : String(value.val ?? '');
}

/** Whether `self` (the account's address) declined this invitation. */
function declinedBy(event: VEvent, self: string | null): boolean {
  if (!self || !event.attendee) return false;
  const attendees = Array.isArray(event.attendee) ? event.attendee : [event.attendee];
  const me = self.toLowerCase();
  return attendees.some((a) => {
    if (typeof a === 'string') return false;
    const address = String(a.val ?? '').replace(/^mailto:/i, '').toLowerCase();
    return address === me && String(a.params?.PARTSTAT ?? '').toUpperCase() === 'DECLINED';
  });
}

/**
 * Every instance of every VEVENT in an iCalendar text that touches `window`, as busy-cache
 * events: recurring events expanded by node-ical (RRULE, EXDATE, RECURRENCE-ID overrides, across
 * DST in the event's own zone), all-day events on the practice's calendar dates, free
 * (TRANSPARENT), cancelled and declined ones marked or left out.
 */
export function eventsFromIcs(body: string, window: TimeWindow, zone: string, self: string | null = null): ExternalEvent[] {
  const parsed = ical.sync.parseICS(body);
  const out: ExternalEvent[] = [];
  const from = new Date(window.from);
  const to = new Date(window.to);
  for (const component of Object.values(parsed)) {
    if (!component || component.type !== 'VEVENT') continue;
    const event = component as VEvent;
    if (!event.start || event.status === 'CANCELLED') continue;
    const bookingId = bookingIdFromEventId(event.uid);
    const summary = text(event.summary);
    const instances = event.rrule
      ? ical.expandRecurringEvent(event, { from, to, expandOngoing: true }).map((i) => ({ start: i.start, end: i.end, fullDay: i.isFullDay, event: i.event, recurring: true }))
      : [{ start: event.start, end: event.end ?? event.start, fullDay: event.datetype === 'date', event, recurring: false }];
    for (const instance of instances) {
      if (instance.event.status === 'CANCELLED') continue;
      let start = instance.fullDay ? dateOnlyInstant(instance.start, zone) : instance.start.getTime();
      let end = instance.fullDay ? dateOnlyInstant(instance.end, zone) : instance.end.getTime();
      if (instance.fullDay && end <= start) end = DateTime.fromMillis(start, { zone }).plus({ days: 1 }).toMillis();
      if (end < start) [start, end] = [end, start];
      if (end <= window.from || start >= window.to) continue;
      const busy = instance.event.transparency !== 'TRANSPARENT' && !declinedBy(instance.event, self);
      out.push({
        uid: instance.recurring ? `${event.uid}#${new Date(start).toISOString()}` : event.uid,
        start,
        end,
        busy,
        bookingId: instance.recurring ? null : bookingId,
        summary: instance.event === event ? summary : text(instance.event.summary),
      });
    }
  }
  return out;
}

/** RFC 5545 text escaping and 75-octet line folding. */
function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

function fold(line: string): string {
  const bytes = new TextEncoder().encode(line);
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const length = new TextEncoder().encode(char).length;
    if (size + length > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += length;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const utc = (ms: number) => DateTime.fromMillis(ms, { zone: 'utc' }).toFormat("yyyyLLdd'T'HHmmss'Z'");

/** A booking as an iCalendar object whose UID is the deterministic event id. Times are UTC: no VTIMEZONE to get wrong. */
export function icsForBooking(event: OutgoingEvent, stampedAt: number): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Frontdesk//Frontdesk calendar sync//EN',
    'BEGIN:VEVENT',
    `UID:${event.eventId}`,
    `DTSTAMP:${utc(stampedAt)}`,
    `DTSTART:${utc(event.start)}`,
    `DTEND:${utc(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
