import { z } from 'zod';

export const STAFF_ROLE_VALUES = ['owner', 'desk'] as const;

export const staffMemberSchema = z.object({
  name: z.string(),
  role: z.enum(STAFF_ROLE_VALUES),
  /** The practices this person may see; null = every practice. */
  practices: z.array(z.string()).nullable(),
});
export type StaffMemberDto = z.infer<typeof staffMemberSchema>;

export const sessionStateSchema = z.object({
  /** Who the console acts as; null = nobody yet (the sign-in form shows). */
  staff: staffMemberSchema.nullable(),
  /**
   * false on a console nobody has to sign in to: this PC's own console before the first owner
   * account exists. Everything is then recorded as "Front desk".
   */
  signInRequired: z.boolean(),
});
export type SessionStateDto = z.infer<typeof sessionStateSchema>;

const staffName = z.string().trim().min(1, { error: 'enter your name' }).max(80);

export const staffCommands = {
  /** Who is signed in on this connection, and whether anyone has to be. Answered before sign-in too. */
  'session/get': { input: z.object({}).strict(), output: sessionStateSchema },
  /** Signs this connection in; `token` resumes the session on a reconnect or another tab until it expires. */
  'session/sign-in': {
    input: z.object({ name: staffName, password: z.string().min(1, { error: 'enter your password' }).max(200) }).strict(),
    output: z.object({ token: z.string(), expiresAt: z.string(), staff: staffMemberSchema }),
  },
  /** Signs this connection in with a token from an earlier sign-in (the desktop app on start). */
  'session/resume': { input: z.object({ token: z.string().min(1).max(200) }).strict(), output: sessionStateSchema },
  'session/sign-out': { input: z.object({ token: z.string().max(200).optional() }).strict(), output: sessionStateSchema },

  /**
   * Desktop app only: remembers the OS user signed in to this computer for the person signed in
   * now, so the next launch signs them in without a password. Refused on a browser console.
   */
  'session/remember-device': { input: z.object({}).strict(), output: z.object({ remembered: z.boolean() }) },
  /** Desktop app only, at launch: signs in whoever this OS user was remembered for; null when nobody. */
  'session/sign-in-remembered': {
    input: z.object({}).strict(),
    output: z.object({ token: z.string(), expiresAt: z.string(), staff: staffMemberSchema }).nullable(),
  },

  /** Owners only: the people who may use the console. */
  'staff/list': { input: z.object({}).strict(), output: z.array(staffMemberSchema) },
  'staff/add': {
    input: z
      .object({
        name: staffName,
        role: z.enum(STAFF_ROLE_VALUES),
        practices: z.array(z.string().min(1)).nullable().default(null),
        password: z.string().min(8, { error: 'must be at least 8 characters' }).max(200),
      })
      .strict(),
    output: staffMemberSchema,
  },
  'staff/remove': { input: z.object({ name: staffName }).strict(), output: staffMemberSchema },
  /** A new role, or other practices (null = all); applies to the person's open sessions at once. */
  'staff/update': {
    input: z
      .object({ name: staffName, role: z.enum(STAFF_ROLE_VALUES).optional(), practices: z.array(z.string().min(1)).nullable().optional() })
      .strict(),
    output: staffMemberSchema,
  },
  /** Forgets every computer that remembers this person; they sign in with their password next time. */
  'staff/forget-devices': { input: z.object({ name: staffName }).strict(), output: z.object({ name: z.string(), forgotten: z.number().int() }) },
  /** A new password for someone who forgot theirs; their other sessions end. */
  'staff/reset-password': {
    input: z.object({ name: staffName, password: z.string().min(8, { error: 'must be at least 8 characters' }).max(200) }).strict(),
    output: staffMemberSchema,
  },
} as const;

export const staffEvents = {
  /**
   * Someone's account was added, changed or removed. Carries nothing: each console re-reads who
   * it is signed in as (and so what it may see), and the people list reloads.
   */
  'staff/changed': z.object({}),
} as const;
