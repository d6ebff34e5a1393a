import { beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../support/core-harness.js';
import type { FakeMicrosoft } from '../support/microsoft/fake-microsoft.js';
import { DEFAULT_CALENDAR, signIn, T, useFakeMicrosoft } from '../support/microsoft/microsoft-harness.js';

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
