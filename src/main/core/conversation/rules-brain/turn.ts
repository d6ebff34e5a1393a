import type { TenantConfig } from '../../../../shared/contract/index.js';
import type { ActionArgs, ActionName, ActionResult } from '../actions/types.js';
import type { CallOutcome, TurnInput } from '../brain.js';
import { newPending, type Pending, type PendingKind, type RulesState } from './rules-state.js';

export type Failure = Extract<ActionResult<ActionName>, { ok: false }>;

export const TROUBLE = "I'm sorry, I'm having trouble with that right now.";

/**
 * One turn in progress: the state being edited (a private copy), the words collected so far,
 * and how the turn ends. Flow functions take it and add to it; nothing here does I/O except
 * through the action router.
 */
export class Turn {
  readonly say: string[] = [];
  next: 'listen' | 'transfer' | 'hangup' = 'listen';
  transferTo: string | null | undefined;
  outcome: CallOutcome | undefined;
  /** Cleared when the utterance could not be used, so the misunderstanding streak is kept. */
  understood = true;

  constructor(
    readonly input: TurnInput<RulesState>,
    readonly state: RulesState,
    /** The speech confidence was below the tenant's floor. */
    readonly lowConfidence: boolean,
    /** What the caller said (or the digits they pressed), for free-text answers. */
    readonly text: string,
    /** Where unexpected errors go (a logger in production), since the caller only hears an apology. */
    private readonly report: (error: unknown, where: string) => void = () => {},
  ) {}

  get tenant(): TenantConfig {
    return this.input.tenant;
  }

  get now(): number {
    return this.input.now;
  }

  get callerPhone(): string | null {
    return this.input.caller.phone;
  }

  get pendingKind(): PendingKind {
    return this.state.pending?.kind ?? 'intent';
  }

  /** The name to book under: what they told us, else the caller-ID customer's name. */
  knownName(): string | null {
    return this.state.name ?? this.input.caller.customer?.name ?? null;
  }

  speak(...sentences: string[]): void {
    for (const s of sentences) if (s.trim()) this.say.push(s.trim());
  }

  /** Says the question and remembers it, so the next utterance is read in its light. */
  ask(kind: PendingKind, question: string, reprompt: string = question, extra: Partial<Pending> = {}): void {
    this.speak(question);
    this.state.pending = { ...newPending(kind, question, reprompt), ...extra };
  }

  /** Re-asks the pending question (after a silence or a misunderstanding) in its rephrased form. */
  reask(prefix: string): void {
    const pending = this.state.pending;
    this.speak(prefix, pending ? pending.reprompt : 'How can I help you today?');
    if (!pending) this.state.pending = newPending('intent', 'How can I help you today?', 'How can I help you today?');
  }

  clarified(): void {
    this.state.counters.clarifications += 1;
  }

  /**
   * Runs an action and never throws: the router already turns failures into values, and anything
   * it lets slip becomes an `internal` failure the flows treat as "take a message instead".
   */
  async run<N extends ActionName>(name: N, args: ActionArgs<N>): Promise<ActionResult<N>> {
    try {
      return await this.input.actions.run(name, args, {
        tenant: this.tenant,
        callId: this.input.callId,
        callerPhone: this.callerPhone,
        turn: this.input.turn,
      });
    } catch (error) {
      this.report(error, `action ${name}`);
      return { ok: false, code: 'internal', say: TROUBLE };
    }
  }
}

/** Failures that mean the system, not the request, is the problem: only a person can help now. */
export function isSystemFailure(failure: Failure): boolean {
  return failure.code === 'internal' || failure.code === 'unavailable' || failure.code === 'invalid_arguments';
}
