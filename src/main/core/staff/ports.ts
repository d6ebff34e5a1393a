export const STAFF_ROLES = ['owner', 'desk'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffRecord {
  id: string;
  name: string;
  role: StaffRole;
  /** The practices this person may see; null = every practice on the appliance. */
  practices: string[] | null;
  passwordHash: string;
  createdAt: number;
  /** Wrong passwords in a row since the last good one. */
  failedAttempts: number;
  /** Epoch ms until which the account refuses every password; null = not locked. */
  lockedUntil: number | null;
}

export interface StaffRepository {
  insert(record: StaffRecord): void;
  list(): StaffRecord[];
  findByName(name: string): StaffRecord | null;
  findById(id: string): StaffRecord | null;
  remove(id: string): void;
  count(): number;
  recordFailure(id: string, failedAttempts: number, lockedUntil: number | null): void;
  update(id: string, patch: { role?: StaffRole; practices?: string[] | null; passwordHash?: string }): void;
}

export interface SessionRecord {
  /** SHA-256 of the token the browser holds; the token itself is never stored. */
  tokenHash: string;
  staffId: string;
  createdAt: number;
  expiresAt: number;
}

export interface SessionRepository {
  insert(record: SessionRecord): void;
  find(tokenHash: string): SessionRecord | null;
  extend(tokenHash: string, expiresAt: number): void;
  remove(tokenHash: string): void;
  removeForStaff(staffId: string): void;
}

/** A desktop OS user remembered for a staff account ("Remember me on this computer"). */
export interface DeviceLinkRecord {
  /** SHA-256 of the token the desktop keeps in its vault. */
  tokenHash: string;
  staffId: string;
  osUser: string;
  createdAt: number;
  lastUsedAt: number;
}

export interface DeviceLinkRepository {
  insert(record: DeviceLinkRecord): void;
  find(tokenHash: string): DeviceLinkRecord | null;
  touch(tokenHash: string, lastUsedAt: number): void;
  remove(tokenHash: string): void;
  removeForStaff(staffId: string): number;
  countForStaff(staffId: string): number;
}

/** Who is acting on the console: a signed-in person, or the open single-PC desk before any owner exists. */
export interface Principal {
  staffId: string | null;
  name: string;
  role: StaffRole;
  practices: string[] | null;
}
