import type { CalendarConnectionDto } from '../../../src/shared/contract/index.js';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { CoreDeps } from '../../../src/main/app/create-core.js';
import { createHarness, type Harness } from '../core-harness.js';
import { MemoryVault } from '../memory-vault.js';
import { DEFAULT_CALENDAR, FakeMicrosoft, graphTime, type FakeOutlookEvent } from './fake-microsoft.js';

export const T = 'bright-smiles';
export { DEFAULT_CALENDAR };

/** The core with Outlook pointed at the fake (Graph root and the identity platform). */
export function microsoftHarness(microsoft: FakeMicrosoft): { harness: Harness; vault: MemoryVault } {
  return microsoftHarnessWith(microsoft, {});
}

export function microsoftHarnessWith(microsoft: FakeMicrosoft, deps: CoreDeps): { harness: Harness; vault: MemoryVault } {
  const vault = new MemoryVault();
  const harness = createHarness({
    config: { outlook: { clientId: '5f8c1a9e-frontdesk-desktop', apiBase: microsoft.baseUrl, oauthBase: microsoft.baseUrl } },
    deps: { vault, calendarReadDeadlineMs: 20_000, ...deps },
  });
  return { harness, vault };
}

/** Polls (real time: the sign-in finishes in another request, the app's outbox runs on its own timer) until `done` holds or a minute passed. */
export async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await probe();
  for (const giveUp = Date.now() + 60_000; !done(value) && Date.now() < giveUp; ) {
    await new Promise((r) => setTimeout(r, 10));
    value = await probe();
  }
  return value;
}

/** Signs Maria in the way a person would: asks for the link, and the "browser" follows it (consent is already given). */
export async function signIn(harness: Harness, expectedCalendars = 1): Promise<{ url: string; page: string; connections: CalendarConnectionDto[] }> {
  const { url } = await harness.run('calendars/start-sign-in', { tenantId: T, providerId: 'maria', kind: 'outlook' });
  const page = await (await fetch(url)).text();
  const connections = await until<CalendarConnectionDto[]>(
    () => harness.run('calendars/list', { tenantId: T }),
    (list: CalendarConnectionDto[]) => list.filter((c) => c.kind === 'outlook' && c.lastSyncAt).length >= expectedCalendars,
  );
  return { url, page, connections };
}

/** Runs delivery passes until nothing more is delivered (the clock does not move, so nothing waiting on backoff runs). */
export async function deliverAll(harness: Harness): Promise<void> {
  for (let pass = 0; pass < 50 && (await harness.core.calendarOutbox.deliverDue()) > 0; pass++);
}

/** An Outlook event in Maria's calendar, as another client would add it. */
export function outlookEvent(id: string, start: string, end: string, extra: Partial<FakeOutlookEvent> = {}): Omit<FakeOutlookEvent, 'seq'> {
  return { id, subject: 'Dentist conference call', start: graphTime(start), end: graphTime(end), ...extra };
}

/** One fake Microsoft for a test file, reset after each test; `open` makes a harness pointed at it, closed after the test. */
export function useFakeMicrosoft(): { microsoft: () => FakeMicrosoft; open: () => ReturnType<typeof microsoftHarness> } {
  let microsoft: FakeMicrosoft | null = null;
  let harness: Harness | null = null;
  beforeAll(async () => {
    microsoft = await FakeMicrosoft.start();
  });
  afterAll(async () => microsoft?.close());
  afterEach(() => {
    harness?.close();
    harness = null;
    microsoft?.reset();
  });
  return {
    microsoft: () => microsoft as FakeMicrosoft,
    open() {
      const made = microsoftHarness(microsoft as FakeMicrosoft);
      harness = made.harness;
      return made;
    },
  };
}
