import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/core-harness.js';
import { icsEvent, Radicale } from '../support/radicale.js';
import { runCli } from '../support/run-cli.js';
import { FakeGoogle } from '../support/google/fake-google.js';
import { FakeMicrosoft } from '../support/microsoft/fake-microsoft.js';

const NOW = '2026-11-23T14:00:00Z';
let radicale: Radicale;
let harness: Harness;

beforeAll(async () => {
  radicale = await Radicale.start({ maria: 'maria-app-password' });
}, 60_000);
afterAll(async () => radicale?.dispose());
afterEach(() => harness?.close());

describe('frontdesk calendars (the real CLI against a real Radicale)', () => {
  it('connects with the password on stdin, lists status as text and JSON, and syncs', async () => {
    harness = createHarness({ now: NOW }); // seeds the demo practice into the folder
    const env = { FRONTDESK_DATA_DIR: harness.dir, FRONTDESK_NOW: NOW };
    const url = await radicale.makeCalendar('maria', 'cli');
    await radicale.putEvent('maria', url, 'e1', icsEvent('e1@example.com', '2026-11-24T14:00:00Z', '2026-11-24T15:00:00Z'));

    const connected = await runCli(['calendars', 'connect', '--tenant', 'bright-smiles', '--provider', 'maria', '--caldav', url, '--username', 'maria'], env, 'maria-app-password\n');
    expect(connected.stderr).toBe('');
    expect(connected.code).toBe(0);
    expect(connected.stdout).toMatch(/^Connected: .*\tmaria\tcaldav\tok\tsynced 2026-11-23T09:00/);

    const listed = await runCli(['calendars', 'list', '--tenant', 'bright-smiles', '--json'], env);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ providerId: 'maria', kind: 'caldav', status: 'ok', lastError: null, countsAsBusy: true })]);
    expect(listed.stdout).not.toContain('maria-app-password');

    const synced = await runCli(['calendars', 'sync', '--tenant', 'bright-smiles'], env);
    expect(synced.code).toBe(0);
    expect(synced.stdout).toMatch(/\tok\t/);

    const slots = await runCli(['availability', '--tenant', 'bright-smiles', '--service', 'cleaning', '--provider', 'maria', '--from', '2026-11-24', '--to', '2026-11-24', '--json'], env);
    const starts = (JSON.parse(slots.stdout) as { start: string }[]).map((s) => s.start.slice(11, 16));
    expect(starts).not.toContain('09:00');
    expect(starts).toContain('10:00');
  });

  it('refuses a wrong password in plain words, and bad usage with exit 2', async () => {
    harness = createHarness({ now: NOW });
    const env = { FRONTDESK_DATA_DIR: harness.dir, FRONTDESK_NOW: NOW };
    const url = await radicale.makeCalendar('maria', 'cli-wrong');
    const wrong = await runCli(['calendars', 'connect', '--tenant', 'bright-smiles', '--provider', 'maria', '--caldav', url, '--username', 'maria'], env, 'not-the-password\n');
    expect(wrong.code).toBe(0); // connected, but not working: the listing says why
    expect(wrong.stdout).toMatch(/RECONNECT/);
    expect(wrong.stdout).toMatch(/refused the saved sign-in/);
    const sync = await runCli(['calendars', 'sync', '--tenant', 'bright-smiles'], env);
    expect(sync.code).toBe(1);

    const both = await runCli(['calendars', 'connect', '--tenant', 'bright-smiles', '--provider', 'maria', '--ics', url, '--caldav', url], env);
    expect(both).toMatchObject({ code: 2, stderr: expect.stringMatching(/exactly one of --caldav/) });
    const noPassword = await runCli(['calendars', 'connect', '--tenant', 'bright-smiles', '--provider', 'maria', '--caldav', url, '--username', 'maria'], env, '');
    expect(noPassword).toMatchObject({ code: 2, stderr: expect.stringMatching(/No password on standard input/) });
    const unknown = await runCli(['calendars', 'connect', '--tenant', 'bright-smiles', '--provider', 'nobody', '--ics', 'https://example.com/x.ics'], env);
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringMatching(/has no provider "nobody"/) });
  });
});

describe('frontdesk calendars connect --outlook (the real CLI against a fake Microsoft)', () => {
  let microsoft: FakeMicrosoft;
  beforeAll(async () => void (microsoft = await FakeMicrosoft.start()));
  afterAll(async () => microsoft?.close());

  it('prints the sign-in link, waits for the browser, and connects the account\'s calendars', async () => {
    harness = createHarness({ now: NOW });
    microsoft.addCalendar('AAMkADPersonal=', 'Personal');
    const env = { FRONTDESK_DATA_DIR: harness.dir, FRONTDESK_NOW: NOW, OUTLOOK_CLIENT_ID: '5f8c1a9e-frontdesk-desktop', OUTLOOK_API_BASE: microsoft.baseUrl, OUTLOOK_OAUTH_BASE: microsoft.baseUrl };
    let opened = false;
    const connected = await runCli(['calendars', 'connect', '--tenant', 'bright-smiles', '--provider', 'maria', '--outlook'], env, undefined, (stderr) => {
      const link = /https?:\/\/\S+authorize\S+/.exec(stderr)?.[0];
      if (link && !opened) {
        opened = true;
        void fetch(link); // the person's browser
      }
    });
    expect(connected.stderr).toMatch(/Open this link in a browser/);
    expect(connected.code).toBe(0);
    expect(connected.stdout).toMatch(/^Connected: .*\tmaria\toutlook\tok\tsynced 2026-11-23T09:00/m);
    expect(connected.stdout.match(/^Connected:/gm)).toHaveLength(2);

    const usage = await runCli(['calendars', 'connect', '--tenant', 'bright-smiles', '--provider', 'maria', '--outlook', '--ics', 'https://example.com/feed.ics'], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/exactly one of/);
  });
});

describe('frontdesk calendars connect --google (the real CLI against a fake Google)', () => {
  let google: FakeGoogle;
  beforeAll(async () => void (google = await FakeGoogle.start()));
  afterAll(async () => google?.close());

  it('prints the sign-in link on standard error, waits for the browser, and connects the primary calendar', async () => {
    harness = createHarness({ now: NOW });
    const env = { FRONTDESK_DATA_DIR: harness.dir, FRONTDESK_NOW: NOW, GOOGLE_CLIENT_ID: 'frontdesk-test.apps.googleusercontent.com', GOOGLE_CLIENT_SECRET: 'desktop-client-secret', GOOGLE_API_BASE: google.baseUrl, GOOGLE_OAUTH_BASE: google.baseUrl };
    let opened = false;
    const connected = await runCli(['calendars', 'connect', '--tenant', 'bright-smiles', '--provider', 'maria', '--google', '--json'], env, undefined, (stderr) => {
      const link = /http:\/\/\S+\/auth\?\S+/.exec(stderr)?.[0];
      if (link && !opened) {
        opened = true;
        void fetch(link);
      }
    });
    expect(connected.code).toBe(0);
    expect(JSON.parse(connected.stdout)).toEqual([expect.objectContaining({ providerId: 'maria', kind: 'google', address: 'maria@example.com', status: 'ok' })]);
  });
});

