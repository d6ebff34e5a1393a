import { createHarness, type Harness } from '../core-harness.js';
import { MemoryVault } from '../memory-vault.js';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { FakeGoogle } from './fake-google.js';

export const T = 'bright-smiles';

/** The core with Google pointed at the fake (API root and OAuth endpoints), and a signed-in connection for Maria. */
export async function googleHarness(google: FakeGoogle, options: { connect?: boolean } = {}): Promise<{ harness: Harness; vault: MemoryVault; connectionId: string; refreshToken: string }> {
  const vault = new MemoryVault();
  const harness = createHarness({
    config: { google: { clientId: 'frontdesk-test.apps.googleusercontent.com', clientSecret: 'desktop-client-secret', apiBase: google.baseUrl, oauthBase: google.baseUrl } },
    deps: { vault, calendarReadDeadlineMs: 20_000 },
  });
  const refreshToken = google.issueRefreshToken();
  let connectionId = '';
  if (options.connect !== false) {
    const record = harness.core.calendarConnections.connect({ tenantId: T, providerId: 'maria', kind: 'google', address: 'primary', secret: JSON.stringify({ refresh_token: refreshToken }) });
    connectionId = record.id;
  }
  return { harness, vault, connectionId, refreshToken };
}

/** Runs delivery passes until nothing more is delivered (the clock does not move, so nothing waiting on backoff runs). */
export async function deliverAll(harness: Harness): Promise<void> {
  for (let pass = 0; pass < 50 && (await harness.core.calendarOutbox.deliverDue()) > 0; pass++);
}

/** A Google event in Maria's calendar, as another client would add it. */
export function googleEvent(id: string, start: string, end: string, extra: Record<string, unknown> = {}) {
  return { id, summary: 'Dentist conference call', start: { dateTime: start }, end: { dateTime: end }, ...extra };
}

/**
 * One fake Google for a test file, emptied and brought back up after each test; `connect` makes
 * a harness signed in to it, closed after the test.
 */
export function useFakeGoogle(): { google: () => FakeGoogle; connect: (options?: { connect?: boolean }) => ReturnType<typeof googleHarness> } {
  let google: FakeGoogle | null = null;
  let harness: Harness | null = null;
  beforeAll(async () => {
    google = await FakeGoogle.start();
  });
  afterAll(async () => google?.close());
  afterEach(() => {
    harness?.close();
    harness = null;
    google?.calendars.clear();
    if (google) google.down = false;
  });
  return {
    google: () => google as FakeGoogle,
    async connect(options = {}) {
      const made = await googleHarness(google as FakeGoogle, options);
      harness = made.harness;
      return made;
    },
  };
}
