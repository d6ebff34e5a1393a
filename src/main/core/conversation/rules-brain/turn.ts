import type { Language, TenantConfig } from '../../../../shared/contract/index.js';
import type { ActionArgs, ActionName, ActionResult } from '../actions/types.js';
import type { CallOutcome, TurnInput } from '../brain.js';
import { message, type MessageId, type MessageParams } from '../prompts/index.js';
import { newPending, type Pending, type PendingKind, type RulesState } from './rules-state.js';

export type Failure = Extract<ActionResult<ActionName>, { ok: false }>;

/** A sentence from the catalog: its id, and its parameters when it has any. */
export type Prompt = MessageId | { id: MessageId; params: MessageParams };

/**
 * One turn in progress: the state being edited (a private copy), the words collected so far,
 * and how the turn ends. Flow functions take it and add to it; nothing here does I/O except
 * through the action router, and every word comes from the prompt catalog in the call's language.
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

  get lang(): Language {
    return this.state.language;
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

  /** A catalog sentence in the call's language. */
  m(id: MessageId, params: MessageParams = {}): string {
    return message(this.lang, id, params);
  }

  render(prompt: Prompt): string {
    return typeof prompt === 'string' ? this.m(prompt) : this.m(prompt.id, prompt.params);
  }

  speak(...sentences: string[]): void {
    for (const s of sentences) if (s.trim()) this.say.push(s.trim());
  }

  /** Says catalog sentences. */
  tell(...prompts: Prompt[]): void {
    this.speak(...prompts.map((p) => this.render(p)));
  }

  /** Says the question and remembers it, so the next utterance is read in its light. */
  ask(kind: PendingKind, question: Prompt, reprompt: Prompt = question, extra: Partial<Pending> = {}): void {
    const text = this.render(question);
    this.speak(text);
    const id = typeof question === 'string' ? question : question.id;
    this.state.pending = { ...newPending(kind, text, this.render(reprompt), id), ...extra };
  }

  /** Re-asks the pending question (after a silence or a misunderstanding) in its rephrased form. */
  reask(...before: Prompt[]): void {
    this.tell(...before);
    const pending = this.state.pending;
    if (pending) {
      this.speak(pending.reprompt);
      return;
    }
    this.ask('intent', 'intent.ask');
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
        language: this.lang,
      });
    } catch (error) {
      this.report(error, `action ${name}`);
      return { ok: false, code: 'internal', say: this.m('trouble') };
    }
  }

  /**
   * What the caller hears about a failed action. The router words failures in English; in
   * another language the catalog's general words stand in for them.
   */
  failureWords(failure: Failure): string {
    if (this.lang === 'en') return failure.say;
    return failure.code === 'conflict' ? this.m('slot.taken') : this.m('trouble');
  }
}

/** Failures that mean the system, not the request, is the problem: only a person can help now. */
export function isSystemFailure(failure: Failure): boolean {
  return failure.code === 'internal' || failure.code === 'unavailable' || failure.code === 'invalid_arguments';
}
