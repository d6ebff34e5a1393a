import type { AdapterRegistry } from '../../core/calendars/index.js';
import { createCaldavAdapter } from './caldav-adapter.js';
import { createIcsAdapter } from './ics-adapter.js';

export interface CalendarAdapterOptions {
  now: () => number;
}

/** The calendar protocols this build speaks, by connection kind. */
export function createCalendarAdapters(options: CalendarAdapterOptions): AdapterRegistry {
  return {
    caldav: createCaldavAdapter(options),
    ics: createIcsAdapter(options),
  };
}
