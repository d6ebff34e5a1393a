import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/core-harness.js';
import { IcsFeedServer } from '../support/ics-feed-server.js';
import { MemoryVault } from '../support/memory-vault.js';

const T = 'bright-smiles';
let feed: IcsFeedServer;
let harness: Harness;

beforeAll(async () => {
  feed = await IcsFeedServer.start();
});
afterAll(async () => feed?.close());
afterEach(() => harness?.close());

// A weekly Monday 09:00–10:00 New York meeting that runs across the end of daylight saving time
// (Sunday 2026-11-01), with one week skipped (EXDATE) and one moved to 11:00 (RECURRENCE-ID).
const FEED = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Practice Software//EN',
  'BEGIN:VTIMEZONE',
  'TZID:America/New_York',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0400',
  'TZNAME:EDT',
  'DTSTART:19700308T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:-0400',
  'TZOFFSETTO:-0500',
  'TZNAME:EST',
  'DTSTART:19701101T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'UID:staff-meeting@practice',
  'DTSTAMP:20261001T000000Z',
  'DTSTART;TZID=America/New_York:20261019T090000',
  'DTEND;TZID=America/New_York:20261019T100000',
  'RRULE:FREQ=WEEKLY;BYDAY=MO',
  'EXDATE;TZID=America/New_York:20261109T090000',
  'SUMMARY:Staff meeting',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:staff-meeting@practice',
  'DTSTAMP:20261001T000000Z',
  'RECURRENCE-ID;TZID=America/New_York:20261116T090000',
  'DTSTART;TZID=America/New_York:20261116T110000',
  'DTEND;TZID=America/New_York:20261116T120000',
  'SUMMARY:Staff meeting (moved)',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:holiday-free@practice',
  'DTSTAMP:20261001T000000Z',
  'DTSTART;VALUE=DATE:20261027',
  'DTEND;VALUE=DATE:20261028',
  'TRANSP:TRANSPARENT',
  'SUMMARY:Reminder: order supplies',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:course@practice',
  'DTSTAMP:20261001T000000Z',
  'DTSTART;VALUE=DATE:20261028',
  'DTEND;VALUE=DATE:20261029',
  'SUMMARY:Training course',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:cancelled@practice',
  'DTSTAMP:20261001T000000Z',
  'DTSTART:20261029T140000Z',
  'DTEND:20261029T150000Z',
  'STATUS:CANCELLED',
  'SUMMARY:Cancelled thing',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

const examTimes = async (date: string) =>
  (await harness.run('availability/list-slots', { tenantId: T, serviceId: 'exam', providerId: 'dr-lee', from: date, to: date })).slots.map((s: { start: string }) => s.start.slice(11, 16));

describe('ICS feeds', () => {
  it('expands a recurring event across the DST change at the same wall time, honours EXDATE, overrides, all-day and cancelled events', async () => {
    feed.body = FEED;
    harness = createHarness({ now: '2026-10-16T13:00:00Z', deps: { vault: new MemoryVault() } });
    const connection = await harness.run('calendars/connect', { tenantId: T, providerId: 'dr-lee', kind: 'ics', address: feed.url });
    expect(connection).toMatchObject({ status: 'ok', kind: 'ics', receivesBookings: false, address: expect.not.stringContaining('private-feed-token') });

    // Daylight time (EDT) and standard time (EST) weeks: 09:00 local both times.
    for (const monday of ['2026-10-19', '2026-10-26', '2026-11-02']) {
      const times = await examTimes(monday);
      expect(times, monday).not.toContain('09:00');
      expect(times, monday).not.toContain('09:30');
      expect(times, monday).toContain('10:00');
    }
    expect(await examTimes('2026-11-09')).toContain('09:00'); // EXDATE
    const moved = await examTimes('2026-11-16');
    expect(moved).toContain('09:00');
    expect(moved).not.toContain('11:00');
    expect(await examTimes('2026-10-27')).toContain('09:00'); // all-day but free
    expect(await examTimes('2026-10-28')).toEqual([]); // all-day and busy
    expect(await examTimes('2026-10-29')).toContain('10:00'); // cancelled (Thursday opens at 10)
  });

  it('asks with If-None-Match and takes a 304 as "nothing changed"; a broken feed is an error in plain words', async () => {
    feed.body = FEED;
    harness = createHarness({ now: '2026-10-16T13:00:00Z', deps: { vault: new MemoryVault() } });
    await harness.run('calendars/connect', { tenantId: T, providerId: 'dr-lee', kind: 'ics', address: feed.url });
    const [again] = await harness.run('calendars/sync', { tenantId: T });
    expect(again).toMatchObject({ ok: true, full: false, changed: 0 });
    expect(feed.requests.at(-1)).toMatchObject({ status: 304, ifNoneMatch: expect.stringMatching(/^"/) });

    feed.body = 'this is not a calendar';
    const [broken] = await harness.run('calendars/sync', { tenantId: T });
    expect(broken).toMatchObject({ ok: false, error: 'The calendar feed did not send a calendar (is the address right?).' });
    // The last good busy time stays in the cache.
    expect(await examTimes('2026-10-19')).not.toContain('09:00');
    await expect(harness.run('calendars/connect', { tenantId: T, providerId: 'dr-lee', kind: 'ics', address: 'not a url' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
