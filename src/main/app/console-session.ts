import { ContractError, type AnyEvent, type CommandResult, type SessionStateDto } from '../../shared/contract/index.js';
import type { Clock, Logger } from '../core/kernel/index.js';
import type { Principal, StaffService } from '../core/staff/index.js';
import type { SignInThrottle } from '../server/console/sign-in-throttle.js';
import { eventFor } from './access-policy.js';
import { forgetThisComputer, rememberOnThisComputer, signInRemembered, type DesktopIdentity } from './desktop-sign-in.js';
import type { CommandContext, SessionControl } from './app-types.js';
import type { Dispatch } from './dispatch.js';

/** Who an open console (this PC, before any owner account exists) acts as. */
export const OPEN_DESK: Principal = { staffId: null, name: 'Front desk', role: 'owner', practices: null };

/** How long an event stream trusts a principal before re-reading it (removed people stop hearing soon). */
const EVENT_RECHECK_MS = 5_000;

export interface ConsoleSessionDeps {
  dispatch: Dispatch;
  staff: StaffService;
  throttle: SignInThrottle;
  clock: Clock;
  logger: Logger;
  transport: 'ws' | 'ipc';
  /** Where sign-in attempts come from, for throttling: the remote address, or the desktop window. */
  source: string;
  /**
   * This PC's own console (loopback, or the desktop window): usable without signing in until the
   * first staff account exists, like a single-PC practice expects. A LAN console never is.
   */
  openUntilFirstAccount: boolean;
  /** The desktop window's OS user and vault; null on a browser console (headless, LAN). */
  desktop?: DesktopIdentity | null;
}

/**
 * One console connection (a WebSocket, or the desktop window): who is signed in on it, every
 * command dispatched as them, and only the events they may see.
 */
export class ConsoleSession implements SessionControl {
  private token: string | null = null;
  private principal: Principal | null = null;
  private checkedAt = -Infinity;

  constructor(private readonly deps: ConsoleSessionDeps) {}

  /** Re-reads who is signed in: the session may have expired, or the person been removed or changed. */
  current(): Principal | null {
    this.checkedAt = this.deps.clock.now();
    if (this.token !== null) {
      this.principal = this.deps.staff.resume(this.token);
      if (!this.principal) this.token = null;
      return this.principal;
    }
    this.principal = this.deps.openUntilFirstAccount && this.deps.staff.count() === 0 ? OPEN_DESK : null;
    return this.principal;
  }

  dispatch(name: string, input: unknown): Promise<CommandResult> {
    const principal = this.current();
    const context: CommandContext = { actor: principal?.name ?? 'desk', transport: this.deps.transport, principal, session: this };
    return this.deps.dispatch(name, input, context);
  }

  /** The event as this console may see it, or null. */
  filter(event: AnyEvent): AnyEvent | null {
    if (event.name === 'staff/changed') {
      // Someone's role or practices changed, or they were removed: re-read now, so the next event
      // is already filtered by the new rights. Whoever was signed in hears it (it carries nothing)
      // and re-checks, so a removed person lands on the sign-in form.
      const before = this.principal;
      return this.current() || before ? event : null;
    }
    const principal = this.deps.clock.now() - this.checkedAt > EVENT_RECHECK_MS ? this.current() : this.principal;
    return eventFor(event, principal);
  }

  state(): SessionStateDto {
    const principal = this.current();
    const signInRequired = !(this.deps.openUntilFirstAccount && this.deps.staff.count() === 0);
    return { staff: principal ? { name: principal.name, role: principal.role, practices: principal.practices } : null, signInRequired };
  }

  async signIn(name: string, password: string) {
    const { throttle, source } = this.deps;
    const verdict = throttle.check(source);
    if (!verdict.allowed) {
      const seconds = Math.ceil(verdict.retryAfterMs / 1000);
      throw new ContractError('unauthorized', `Too many wrong attempts. Wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`);
    }
    try {
      const signed = await this.deps.staff.signIn(name, password);
      throttle.recordSuccess(source);
      this.token = signed.token;
      this.principal = signed.principal;
      const { name: who, role, practices } = signed.principal;
      return { token: signed.token, expiresAt: signed.expiresAt, staff: { name: who, role, practices } };
    } catch (error) {
      throttle.recordFailure(source);
      throw error;
    }
  }

  rememberHere(): boolean {
    const principal = this.current();
    if (!principal || principal.staffId === null) throw new ContractError('unauthorized', 'Sign in first.');
    rememberOnThisComputer(this.deps.staff, this.desktop(), principal);
    return true;
  }

  signInRemembered() {
    const signed = signInRemembered(this.deps.staff, this.desktop());
    if (!signed) return null;
    this.token = signed.token;
    this.principal = signed.principal;
    const { name, role, practices } = signed.principal;
    return { token: signed.token, expiresAt: signed.expiresAt, staff: { name, role, practices } };
  }

  private desktop(): DesktopIdentity {
    if (!this.deps.desktop) throw new ContractError('invalid_input', 'Only the desktop app can remember you on this computer.');
    return this.deps.desktop;
  }

  resume(token: string): SessionStateDto {
    this.token = token;
    return this.state();
  }

  signOut(token: string | undefined): SessionStateDto {
    const ending = token ?? this.token;
    if (ending) this.deps.staff.signOut(ending);
    if (this.deps.desktop) forgetThisComputer(this.deps.staff, this.deps.desktop);
    this.token = null;
    this.principal = null;
    return this.state();
  }
}
