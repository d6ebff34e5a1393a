import { beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../support/core-harness.js';
import type { FakeMicrosoft } from '../support/microsoft/fake-microsoft.js';
import { DEFAULT_CALENDAR, microsoftHarnessWith, outlookEvent, signIn, T, until, useFakeMicrosoft } from '../support/microsoft/microsoft-harness.js';

const fake = useFakeMicrosoft();
let microsoft: FakeMicrosoft;
let harness: Harness;
beforeEach(() => void (microsoft = fake.microsoft()));

describe('Outlook through Microsoft Graph and MSAL, against a fake Microsoft', () => {
  it('signs in through the loopback redirect with PKCE, keeps MSAL\'s cache in the vault, and connects every calendar of the account', async () => {
    microsoft.addCalendar('AAMkADPersonal=', 'Personal');
    let vault;
    ({ harness, vault } = fake.open());
    const { url, page, connections } = await signIn(harness, 2);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/common\/oauth2\/v2\.0\/authorize\?/);
    expect(new URL(url).searchParams.get('code_challenge_method')).toBe('S256');
    expect(new URL(url).searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(page).toMatch(/connected to your Outlook calendar/);
    expect([...connections].sort((a, b) => Number(b.receivesBookings) - Number(a.receivesBookings))).toEqual([
      expect.objectContaining({ kind: 'outlook', address: DEFAULT_CALENDAR, status: 'ok', receivesBookings: true, username: 'maria@brightsmiles.example' }),
      expect.objectContaining({ kind: 'outlook', address: 'AAMkADPersonal=', status: 'ok', receivesBookings: false, countsAsBusy: true, label: 'Personal' }),
    ]);
    const stored = JSON.parse(vault.get(vault.names()[0]!)!);
    expect(stored).toMatchObject({ homeAccountId: expect.stringContaining('.'), cache: expect.stringContaining('RefreshToken') });
  });
});

const MINUTE = 60_000;
const slotTimes = async (date: string) =>
  (await harness.run('availability/list-slots', { tenantId: T, serviceId: 'cleaning', providerId: 'maria', from: date, to: date })).slots.map((s: { start: string }) => s.start.slice(11, 16));
const deltaRequests = () => microsoft.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/calendarView/delta'));

describe('Outlook busy time through calendarView/delta', () => {
  it('pages through @odata.nextLink, reads showAs, all-day, declined and cancelled events, and asks for UTC', async () => {
    ({ harness } = fake.open());
    microsoft.upsert(DEFAULT_CALENDAR, outlookEvent('AAMk-busy=', '2026-11-24T14:00:00Z', '2026-11-24T15:00:00Z'));
    microsoft.upsert(DEFAULT_CALENDAR, outlookEvent('AAMk-tentative=', '2026-11-24T15:00:00Z', '2026-11-24T15:30:00Z', { showAs: 'tentative' }));
    microsoft.upsert(DEFAULT_CALENDAR, outlookEvent('AAMk-oof=', '2026-11-24T16:00:00Z', '2026-11-24T16:30:00Z', { showAs: 'oof' }));
    microsoft.upsert(DEFAULT_CALENDAR, outlookEvent('AAMk-free=', '2026-11-24T18:00:00Z', '2026-11-24T19:00:00Z', { showAs: 'free' }));
    microsoft.upsert(DEFAULT_CALENDAR, outlookEvent('AAMk-declined=', '2026-11-24T19:00:00Z', '2026-11-24T20:00:00Z', { responseStatus: { response: 'declined' } }));
    microsoft.upsert(DEFAULT_CALENDAR, outlookEvent('AAMk-cancelled=', '2026-11-24T20:00:00Z', '2026-11-24T21:00:00Z', { isCancelled: true }));
    // An all-day event is floating: midnight to midnight where the practice is (Wednesday, New York).
    microsoft.upsert(DEFAULT_CALENDAR, { id: 'AAMk-allday=', subject: 'Conference', isAllDay: true, start: { dateTime: '2026-11-25T00:00:00.0000000', timeZone: 'UTC' }, end: { dateTime: '2026-11-26T00:00:00.0000000', timeZone: 'UTC' } });
    microsoft.upsert(DEFAULT_CALENDAR, { id: 'AAMk-allday-free=', subject: 'Holiday', isAllDay: true, showAs: 'free', start: { dateTime: '2026-11-26T00:00:00.0000000', timeZone: 'UTC' }, end: { dateTime: '2026-11-27T00:00:00.0000000', timeZone: 'UTC' } });
    microsoft.pageSize = 3;
    await signIn(harness);
    expect(deltaRequests().length).toBeGreaterThanOrEqual(3); // 7 live events in pages of 3
    expect(deltaRequests()[0]?.prefer).toMatch(/outlook\.timezone="UTC"/);
    expect(deltaRequests().slice(1).every((r) => r.query.$skiptoken)).toBe(true);
    const times = await slotTimes('2026-11-24');
    expect(times).not.toContain('09:00'); // busy
    expect(times).not.toContain('10:00'); // tentative counts as busy
    expect(times).not.toContain('11:00'); // out of office
    expect(times).toContain('13:00'); // free
    expect(times).toContain('14:00'); // declined
    expect(times).toContain('15:00'); // cancelled
    expect(await slotTimes('2026-11-25')).toEqual([]);
    expect((await slotTimes('2026-11-27')).length).toBeGreaterThan(0);
  });

  it('syncs incrementally with the deltaLink, and resyncs fully when Graph answers 410 syncStateNotFound', async () => {
    ({ harness } = fake.open());
    microsoft.upsert(DEFAULT_CALENDAR, outlookEvent('AAMk-one=', '2026-11-24T14:00:00Z', '2026-11-24T15:00:00Z'));
    await signIn(harness);
    expect(await slotTimes('2026-11-24')).not.toContain('09:00');

    microsoft.upsert(DEFAULT_CALENDAR, outlookEvent('AAMk-two=', '2026-11-24T21:00:00Z', '2026-11-24T22:00:00Z'));
    microsoft.remove(DEFAULT_CALENDAR, 'AAMk-one=');
    expect((await harness.run('calendars/sync', { tenantId: T }))[0]).toMatchObject({ ok: true, full: false, changed: 2 });
    expect(deltaRequests().at(-1)?.query).toMatchObject({ $deltatoken: expect.any(String) });
    let times = await slotTimes('2026-11-24');
    expect(times).toContain('09:00');
    expect(times).not.toContain('16:00');

    microsoft.expireDeltaTokens();
    microsoft.upsert(DEFAULT_CALENDAR, outlookEvent('AAMk-three=', '2026-11-24T14:00:00Z', '2026-11-24T14:30:00Z'));
    expect((await harness.run('calendars/sync', { tenantId: T }))[0]).toMatchObject({ ok: true, full: true });
    expect(deltaRequests().at(-1)?.query).toMatchObject({ startDateTime: expect.any(String) });
    times = await slotTimes('2026-11-24');
    expect(times).not.toContain('16:00');
    expect(times).not.toContain('09:00');
  });

  it('backs off on 429 for as long as Retry-After says, and exponentially on 5xx, on the practice clock', async () => {
    ({ harness } = fake.open());
    await signIn(harness);
    harness.clock.advance(60_000);
    microsoft.failNext('GET /v1.0/me/calendars/', { status: 429, headers: { 'retry-after': '120' }, body: { error: { code: 'ApplicationThrottled', message: 'Too many requests' } } });
    expect((await harness.core.calendarSync.syncDue())[0]).toMatchObject({ ok: false, error: expect.stringMatching(/slow down/) });
    const calls = deltaRequests().length;
    harness.clock.advance(60_000);
    expect(await harness.core.calendarSync.syncDue()).toEqual([]);
    expect(deltaRequests()).toHaveLength(calls);
    harness.clock.advance(60_000);
    expect((await harness.core.calendarSync.syncDue())[0]).toMatchObject({ ok: true });

    microsoft.failNext('GET /v1.0/me/calendars/', { status: 503 }, 2);
    harness.clock.advance(60_000);
    expect((await harness.core.calendarSync.syncDue())[0]).toMatchObject({ ok: false, error: expect.stringMatching(/Outlook is having trouble/) });
    harness.clock.advance(30_000);
    expect((await harness.core.calendarSync.syncDue())[0]).toMatchObject({ ok: false });
    harness.clock.advance(30_000); // the second failure waits 60 s, not 30
    expect(await harness.core.calendarSync.syncDue()).toEqual([]);
    harness.clock.advance(30_000);
    expect((await harness.core.calendarSync.syncDue())[0]).toMatchObject({ ok: true });
  });
});

describe('Outlook sign-in expiry', () => {
  it('an expired access token is renewed with the refresh token, and the rotated cache goes back to the vault', async () => {
    let vault;
    ({ harness, vault } = fake.open());
    await signIn(harness);
    const before = vault.get(vault.names()[0]!);
    microsoft.expireAccessTokens();
    expect((await harness.run('calendars/sync', { tenantId: T }))[0]).toMatchObject({ ok: true });
    expect(vault.get(vault.names()[0]!)).not.toBe(before);
    expect(microsoft.requests.filter((r) => r.path === '/common/oauth2/v2.0/token')).toHaveLength(2);
  });

  it('an unreadable saved sign-in asks for a reconnect in plain words', async () => {
    let vault;
    ({ harness, vault } = fake.open());
    await signIn(harness);
    vault.set(vault.names()[0]!, '{ not json');
    await harness.run('calendars/sync', { tenantId: T });
    expect((await harness.run('calendars/list', { tenantId: T }))[0]).toMatchObject({ status: 'reconnect', lastError: 'The saved Outlook sign-in is unreadable. Reconnect this calendar.' });
  });

  it('the sign-in service down or unreachable is "retrying", never "reconnect"', async () => {
    ({ harness } = fake.open());
    await signIn(harness);
    microsoft.expireAccessTokens();
    microsoft.failNext('POST /common/oauth2/v2.0/token', { status: 503, body: { error: 'temporarily_unavailable', error_description: 'AADSTS90033: A transient error has occurred.' } });
    const [outcome] = await harness.run('calendars/sync', { tenantId: T });
    expect(outcome).toMatchObject({ ok: false });
    expect((await harness.run('calendars/list', { tenantId: T }))[0]).toMatchObject({ status: 'error', lastError: 'The Microsoft sign-in service is not answering right now; retrying.' });
    harness.clock.advance(10 * MINUTE);
    expect((await harness.core.calendarSync.syncDue())[0]).toMatchObject({ ok: true });
    expect((await harness.run('calendars/list', { tenantId: T }))[0]).toMatchObject({ status: 'ok' });
  });

  it('a revoked refresh token: "reconnect", one alert however many syncs, bookings held for review, and signing in again reconnects', async () => {
    ({ harness } = fake.open());
    const alerts: unknown[] = [];
    harness.core.events.subscribe((e) => void (e.name === 'calendars/reconnect-needed' && alerts.push(e.payload)));
    await signIn(harness);
    microsoft.expireAccessTokens();
    microsoft.revokeRefreshTokens();
    for (let i = 0; i < 5; i++) {
      await harness.run('calendars/sync', { tenantId: T });
      harness.clock.advance(30 * MINUTE);
    }
    expect(alerts).toEqual([expect.objectContaining({ providerId: 'maria', message: expect.stringMatching(/Outlook refused the saved sign-in.*Reconnect this calendar/) })]);
    expect((await harness.run('calendars/list', { tenantId: T }))[0]).toMatchObject({ status: 'reconnect' });
    const held = await harness.core.bookings.book({ tenantId: T, serviceId: 'cleaning', providerId: 'maria', start: Date.parse('2026-11-25T14:00:00Z'), status: 'confirmed', source: 'phone', actor: 'receptionist' });
    expect(held).toMatchObject({ status: 'pending_review', reviewReason: expect.stringMatching(/calendar not checked/) });

    const again = await signIn(harness);
    expect(again.connections).toHaveLength(1);
    const list = await until(() => harness.run('calendars/list', { tenantId: T }), (l: { status: string }[]) => l[0]?.status === 'ok');
    expect(list[0]).toMatchObject({ status: 'ok', lastError: null });
  });
});

describe('the desktop app opens the sign-in in the system browser', () => {
  it('start-sign-in hands the link to the browser opener, and the sign-in finishes from there', async () => {
    const opened: string[] = [];
    const made = microsoftHarnessWith(microsoft, {
      // The Electron shell passes shell.openExternal here; the "browser" follows the link.
      openBrowser: async (url: string) => {
        opened.push(url);
        void fetch(url);
        return true;
      },
    });
    harness = made.harness;
    try {
      const answer = await harness.run('calendars/start-sign-in', { tenantId: T, providerId: 'maria', kind: 'outlook' });
      expect(answer).toEqual({ url: opened[0], openedInBrowser: true });
      const list = await until(() => harness.run('calendars/list', { tenantId: T }), (l: { lastSyncAt: string | null }[]) => Boolean(l[0]?.lastSyncAt));
      expect(list).toEqual([expect.objectContaining({ kind: 'outlook', status: 'ok' })]);
    } finally {
      harness.close();
    }
  });

  it('headless (no opener) the answer says the console must show the link', async () => {
    ({ harness } = fake.open());
    expect(await harness.run('calendars/start-sign-in', { tenantId: T, providerId: 'maria', kind: 'outlook' })).toMatchObject({ openedInBrowser: false, url: expect.stringMatching(/authorize/) });
  });
});
