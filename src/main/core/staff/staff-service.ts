import { createHash, randomBytes } from 'node:crypto';
import { ContractError } from '../../../shared/contract/index.js';
import type { Clock, IdGenerator, Logger } from '../kernel/index.js';
import { decoyHash, hashPassword, verifyPassword } from './password-hash.js';
import type { DeviceLinkRepository, Principal, SessionRepository, StaffRecord, StaffRepository, StaffRole } from './ports.js';

export const MIN_PASSWORD_LENGTH = 8;
/** A session lasts this long after its last use (a shift, with room to spare). */
export const SESSION_IDLE_MS = 12 * 60 * 60_000;
/** Wrong passwords in a row that lock the account, and for how long. */
export const ACCOUNT_LOCKOUT_AFTER = 5;
export const ACCOUNT_LOCKOUT_MS = 15 * 60_000;

export interface StaffSummary {
  name: string;
  role: StaffRole;
  practices: string[] | null;
  createdAt: number;
}

export interface SignedIn {
  token: string;
  expiresAt: number;
  principal: Principal;
}

export interface StaffServiceDeps {
  staff: StaffRepository;
  sessions: SessionRepository;
  /** Desktop OS users remembered for an account ("Remember me on this computer"). */
  devices: DeviceLinkRepository;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  /** Known practice ids, so an account cannot name a practice that does not exist. */
  practiceIds: () => string[];
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Staff accounts, passwords (scrypt) and sessions. Every refusal of a password reads the same
 * ("name or password is wrong"), so the form never tells a guesser which names exist.
 */
export class StaffService {
  constructor(private readonly deps: StaffServiceDeps) {}

  count(): number {
    return this.deps.staff.count();
  }

  list(): StaffSummary[] {
    return this.deps.staff.list().map(summarize);
  }

  async add(input: { name: string; role: StaffRole; practices: string[] | null; password: string }): Promise<StaffSummary> {
    const name = input.name.trim().replace(/\s+/g, ' ');
    if (!name) throw new ContractError('invalid_input', 'A staff member needs a name.');
    if (name.length > 80) throw new ContractError('invalid_input', 'A name can be at most 80 characters.');
    if (input.password.length < MIN_PASSWORD_LENGTH) {
      throw new ContractError('invalid_input', `The password must be at least ${MIN_PASSWORD_LENGTH} characters.`);
    }
    if (this.deps.staff.findByName(name)) throw new ContractError('conflict', `There is already a staff member called ${name}.`);
    const practices = this.checkPractices(input.practices);
    const record: StaffRecord = {
      id: this.deps.ids.next(),
      name,
      role: input.role,
      practices,
      passwordHash: await hashPassword(input.password),
      createdAt: this.deps.clock.now(),
      failedAttempts: 0,
      lockedUntil: null,
    };
    this.deps.staff.insert(record);
    this.deps.logger.info({ staffId: record.id, role: record.role }, 'staff member added');
    return summarize(record);
  }

  /** Removes the person and ends their sessions at once. The last owner is never removed: nobody could manage people then. */
  remove(name: string): StaffSummary {
    const record = this.find(name);
    if (this.isLastOwner(record)) {
      throw new ContractError('conflict', `${record.name} is the last owner; make someone else an owner before removing them.`);
    }
    this.deps.sessions.removeForStaff(record.id);
    this.deps.staff.remove(record.id);
    this.deps.logger.info({ staffId: record.id }, 'staff member removed');
    return summarize(record);
  }

  /**
   * Changes a person's role or the practices they may see. Their open sessions re-read it on their
   * next command or event, so it applies at once. The last owner is never made a desk account.
   */
  update(name: string, patch: { role?: StaffRole; practices?: string[] | null }): StaffSummary {
    const record = this.find(name);
    if (patch.role === 'desk' && this.isLastOwner(record)) {
      throw new ContractError('conflict', `${record.name} is the last owner; make someone else an owner before changing their role.`);
    }
    const practices = patch.practices === undefined ? undefined : this.checkPractices(patch.practices);
    this.deps.staff.update(record.id, { ...(patch.role ? { role: patch.role } : {}), ...(practices !== undefined ? { practices } : {}) });
    this.deps.logger.info({ staffId: record.id, role: patch.role ?? record.role }, 'staff member changed');
    return summarize(this.deps.staff.findById(record.id) ?? record);
  }

  /**
   * Sets a new password (an owner's answer to "I forgot mine") and unlocks the account. The
   * person's other sessions end, so whoever knew the old password is out; `keepSessions` is for
   * someone changing their own, who stays signed in here.
   */
  async resetPassword(name: string, password: string, options: { keepSessions?: boolean } = {}): Promise<StaffSummary> {
    const record = this.find(name);
    if (password.length < MIN_PASSWORD_LENGTH) {
      throw new ContractError('invalid_input', `The password must be at least ${MIN_PASSWORD_LENGTH} characters.`);
    }
    this.deps.staff.update(record.id, { passwordHash: await hashPassword(password) });
    this.deps.staff.recordFailure(record.id, 0, null);
    if (!options.keepSessions) this.deps.sessions.removeForStaff(record.id);
    this.deps.logger.info({ staffId: record.id }, 'staff password reset');
    return summarize(record);
  }

  async signIn(name: string, password: string): Promise<SignedIn> {
    const now = this.deps.clock.now();
    const record = this.deps.staff.findByName(name.trim());
    const wrong = new ContractError('unauthorized', 'That name or password is wrong.');
    if (!record) {
      await verifyPassword(password, await decoyHash());
      throw wrong;
    }
    if (record.lockedUntil !== null && record.lockedUntil > now) {
      const minutes = Math.ceil((record.lockedUntil - now) / 60_000);
      throw new ContractError('unauthorized', `This account is locked after too many wrong passwords. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask an owner.`);
    }
    if (!(await verifyPassword(password, record.passwordHash))) {
      const failures = record.failedAttempts + 1;
      const locked = failures >= ACCOUNT_LOCKOUT_AFTER ? now + ACCOUNT_LOCKOUT_MS : null;
      this.deps.staff.recordFailure(record.id, locked ? 0 : failures, locked);
      this.deps.logger.warn({ staffId: record.id, failures, locked: locked !== null }, 'wrong password');
      throw wrong;
    }
    this.deps.staff.recordFailure(record.id, 0, null);
    this.deps.logger.info({ staffId: record.id }, 'signed in');
    return this.startSession(record);
  }

  /**
   * Links this OS user on this computer to the person signed in, and returns the device's token
   * (kept in the desktop's vault, never shown). Not a password: it works only for the same OS
   * user, and an owner can forget it.
   */
  rememberDevice(staffId: string, osUser: string): string {
    const record = this.deps.staff.findById(staffId);
    if (!record) throw new ContractError('unauthorized', 'Sign in to use the console.');
    const token = randomBytes(32).toString('base64url');
    const now = this.deps.clock.now();
    this.deps.devices.insert({ tokenHash: hashToken(token), staffId, osUser, createdAt: now, lastUsedAt: now });
    this.deps.logger.info({ staffId }, 'computer remembered');
    return token;
  }

  /** Signs in the person this computer's OS user was linked to; null when the link is gone or for another OS user. */
  signInWithDevice(token: string, osUser: string): SignedIn | null {
    const link = this.deps.devices.find(hashToken(token));
    if (!link || link.osUser !== osUser) return null;
    const record = this.deps.staff.findById(link.staffId);
    if (!record) return null;
    this.deps.devices.touch(link.tokenHash, this.deps.clock.now());
    this.deps.logger.info({ staffId: record.id }, 'signed in on a remembered computer');
    return this.startSession(record);
  }

  forgetDevice(token: string): void {
    this.deps.devices.remove(hashToken(token));
  }

  /** An owner's way to revoke every computer that remembers this person. */
  forgetDevices(name: string): { summary: StaffSummary; forgotten: number } {
    const record = this.find(name);
    const forgotten = this.deps.devices.removeForStaff(record.id);
    this.deps.logger.info({ staffId: record.id, forgotten }, 'remembered computers forgotten');
    return { summary: summarize(record), forgotten };
  }

  private startSession(record: StaffRecord): SignedIn {
    const now = this.deps.clock.now();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now + SESSION_IDLE_MS;
    this.deps.sessions.insert({ tokenHash: hashToken(token), staffId: record.id, createdAt: now, expiresAt });
    return { token, expiresAt, principal: toPrincipal(record) };
  }

  /** The person behind a session token, sliding its expiry; null when it expired, was ended or the person was removed. */
  resume(token: string): Principal | null {
    const tokenHash = hashToken(token);
    const session = this.deps.sessions.find(tokenHash);
    const now = this.deps.clock.now();
    if (!session) return null;
    if (session.expiresAt <= now) {
      this.deps.sessions.remove(tokenHash);
      return null;
    }
    const record = this.deps.staff.findById(session.staffId);
    if (!record) return null;
    // Written at most once a minute: a busy console sends many commands.
    if (now + SESSION_IDLE_MS - session.expiresAt > 60_000) this.deps.sessions.extend(tokenHash, now + SESSION_IDLE_MS);
    return toPrincipal(record);
  }

  signOut(token: string): void {
    this.deps.sessions.remove(hashToken(token));
  }

  /** Re-reads a principal (role or practices may have changed, or the person was removed). */
  refresh(principal: Principal): Principal | null {
    if (principal.staffId === null) return principal;
    const record = this.deps.staff.findById(principal.staffId);
    return record ? toPrincipal(record) : null;
  }

  private find(name: string): StaffRecord {
    const record = this.deps.staff.findByName(name.trim());
    if (!record) throw new ContractError('not_found', `There is no staff member called ${name.trim()}.`);
    return record;
  }

  private isLastOwner(record: StaffRecord): boolean {
    return record.role === 'owner' && this.deps.staff.list().filter((s) => s.role === 'owner').length === 1;
  }

  private checkPractices(practices: string[] | null): string[] | null {
    if (practices === null) return null;
    if (practices.length === 0) throw new ContractError('invalid_input', 'Choose at least one practice this person may see.');
    const known = new Set(this.deps.practiceIds());
    const unknown = practices.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new ContractError('invalid_input', `There is no practice ${unknown.map((id) => `"${id}"`).join(', ')}.`);
    return [...new Set(practices)];
  }
}

function summarize(record: StaffRecord): StaffSummary {
  return { name: record.name, role: record.role, practices: record.practices, createdAt: record.createdAt };
}

function toPrincipal(record: StaffRecord): Principal {
  return { staffId: record.id, name: record.name, role: record.role, practices: record.practices };
}

/** May this person see this practice's calls, customers and bookings? */
export function canSeePractice(principal: Principal, tenantId: string): boolean {
  return principal.practices === null || principal.practices.includes(tenantId);
}
