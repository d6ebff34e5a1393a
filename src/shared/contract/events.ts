import { z } from 'zod';
import { calendarEvents } from './calendars.js';
import { callEvents } from './calls.js';
import { deskEvents } from './desk.js';
import { healthSchema } from './dto.js';
import { setupEvents } from './setup.js';
import { staffEvents } from './staff.js';
import { textsEvents } from './texts.js';

/** Every push event: `domain/past-tense` → payload schema. */
export const events = {
  'tenants/changed': z.object({ tenantIds: z.array(z.string()) }),
  'health/changed': healthSchema,
  ...callEvents,
  ...deskEvents,
  ...setupEvents,
  ...calendarEvents,
  ...textsEvents,
  ...staffEvents,
} as const satisfies Record<string, z.ZodType>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<N extends EventName> = z.output<Events[N]>;
export type AnyEvent = { [N in EventName]: { name: N; payload: EventPayload<N> } }[EventName];
