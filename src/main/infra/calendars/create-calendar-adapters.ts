import type { AdapterRegistry, CalendarAdapter } from '../../core/calendars/index.js';

export interface CalendarAdapterOptions {
  now: () => number;
  google?: { clientId: string | null; clientSecret: string | null; apiBase: string | null; oauthBase: string | null } | undefined;
  outlook?: { clientId: string | null; apiBase: string | null; oauthBase: string | null } | undefined;
}

/**
 * An adapter whose SDK is imported on first use: the CLI starts a process per command, and most
 * commands never touch a calendar, so they should not pay for loading tsdav, node-ical, googleapis or MSAL.
 */
function lazy(writable: boolean, load: () => Promise<CalendarAdapter>): CalendarAdapter {
  let loaded: Promise<CalendarAdapter> | null = null;
  const adapter = () => (loaded ??= load());
  return {
    writable,
    sync: async (...args) => (await adapter()).sync(...args),
    read: async (...args) => (await adapter()).read(...args),
    put: async (...args) => (await adapter()).put(...args),
    remove: async (...args) => (await adapter()).remove(...args),
  };
}

/** The calendar protocols this build speaks, by connection kind. */
export function createCalendarAdapters(options: CalendarAdapterOptions): AdapterRegistry {
  return {
    caldav: lazy(true, async () => (await import('./caldav-adapter.js')).createCaldavAdapter(options)),
    ics: lazy(false, async () => (await import('./ics-adapter.js')).createIcsAdapter(options)),
    google: lazy(true, async () =>
      (await import('./google-adapter.js')).createGoogleAdapter({ clientId: null, clientSecret: null, apiBase: null, oauthBase: null, ...options.google, now: options.now }),
    ),
    outlook: lazy(true, async () =>
      (await import('./outlook-adapter.js')).createOutlookAdapter({ clientId: null, apiBase: null, oauthBase: null, ...options.outlook, now: options.now }),
    ),
  };
}
