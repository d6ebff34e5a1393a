import { z } from 'zod';
import { healthSchema, tenantSummarySchema } from './dto.js';
import { calendarCommands } from './calendars.js';
import { CLOSED_DAY_CHOICES, closureCommands } from './closures.js';
import { callCommands } from './calls.js';
import { deskCommands } from './desk.js';
import { llmCommands } from './llm.js';
import { practiceCreateCommands } from './practice-create.js';
import { schedulingCommands } from './scheduling.js';
import { setupCommands } from './setup.js';
import { staffCommands } from './staff.js';
import { tenantConfigSchema } from './tenant.js';
import { textsCommands } from './texts.js';
import { voiceCommands } from './voice.js';

/**
 * Every console command: `domain/verb-noun` → input and output schemas. The IPC and WebSocket
 * adapters validate input against these before anything runs; the renderer derives its types
 * from the same map, so client and server cannot drift.
 */
const empty = z.object({}).strict();
const tenantRef = z.object({ tenantId: z.string().min(1) }).strict();

export const commands = {
  'health/get': { input: empty, output: healthSchema },
  'tenants/list': { input: empty, output: z.array(tenantSummarySchema) },
  'tenants/get': { input: tenantRef, output: tenantConfigSchema },
  /** `config` is validated by the tenant schema inside the handler so errors name the field. */
  'tenants/save': {
    input: z
      .object({
        config: z.unknown(),
        /** A removed provider's id → the provider who takes over their upcoming appointments. */
        reassign: z.record(z.string(), z.string()).optional(),
        /** What to do with upcoming appointments on days this change closes; without it such a change is refused. */
        closedDays: z.enum(CLOSED_DAY_CHOICES).optional(),
      })
      .strict(),
    output: tenantSummarySchema,
  },
  ...schedulingCommands,
  ...callCommands,
  ...deskCommands,
  ...setupCommands,
  ...calendarCommands,
  ...textsCommands,
  ...voiceCommands,
  ...llmCommands,
  ...staffCommands,
  ...closureCommands,
  ...practiceCreateCommands,
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>;
export type CommandOutput<N extends CommandName> = z.output<Commands[N]['output']>;

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commands, name);
}
