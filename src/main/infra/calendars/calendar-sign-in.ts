import type { CalendarAdapterOptions } from './create-calendar-adapters.js';

/** A browser sign-in under way: the link to open, and the account (credential + calendars) once it is finished. */
export interface StartedSignIn {
  url: string;
  finished: Promise<{ secret: string; username: string | null; calendars: { address: string; name: string; isDefault: boolean }[] }>;
}

/**
 * Starts Google's or Microsoft's installed-app sign-in. The SDKs load on first use (the CLI
 * starts a process per command). A Google sign-in connects the account's primary calendar and the
 * others it owns or writes to; an Outlook one every calendar of the account.
 */
export async function startCalendarSignIn(kind: 'google' | 'outlook', settings: Omit<CalendarAdapterOptions, 'now'>, now: () => number): Promise<StartedSignIn> {
  if (kind === 'google') {
    const { startGoogleSignIn } = await import('./google-sign-in.js');
    const google = { clientId: null, clientSecret: null, apiBase: null, oauthBase: null, ...settings.google, now };
    const pending = await startGoogleSignIn(google);
    const { listGoogleCalendars } = await import('./google-adapter.js');
    const finished = pending.tokens.then(async (tokens) => ({ secret: JSON.stringify(tokens), username: null, calendars: await listGoogleCalendars(google, tokens) }));
    return { url: pending.url, finished };
  }
  const { startOutlookSignIn } = await import('./outlook-sign-in.js');
  const pending = await startOutlookSignIn({ clientId: null, apiBase: null, oauthBase: null, ...settings.outlook, now });
  return { url: pending.url, finished: pending.tokens };
}
