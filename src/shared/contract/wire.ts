import { z } from 'zod';
import { contractErrorSchema, type ContractErrorShape } from './errors.js';
import type { AnyEvent } from './events.js';

/** Frames on the console WebSocket (the IPC transport carries the same `CommandResult`). */
export const clientFrameSchema = z.object({
  kind: z.literal('command'),
  id: z.number().int().nonnegative(),
  name: z.string(),
  input: z.unknown(),
});
export type ClientFrame = z.infer<typeof clientFrameSchema>;

export type CommandResult<T = unknown> = { ok: true; output: T } | { ok: false; error: ContractErrorShape };

export type ServerFrame =
  | ({ kind: 'result'; id: number } & CommandResult)
  | ({ kind: 'event' } & AnyEvent);

export const commandResultSchema = z.union([
  z.object({ ok: z.literal(true), output: z.unknown() }),
  z.object({ ok: z.literal(false), error: contractErrorSchema }),
]);

/** The query parameter and meta tag that carry the per-launch console token. */
export const CONSOLE_TOKEN_PARAM = 'token';
export const CONSOLE_TOKEN_META = 'frontdesk-console-token';
export const CONSOLE_WS_PATH = '/ws';
/** The query parameter a reconnecting console resumes its sign-in with. */
export const CONSOLE_SESSION_PARAM = 'session';
