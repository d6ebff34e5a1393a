import type { Brain, TurnInput, TurnResult } from '../brain.js';
import type { Understanding, UnderstandContext } from '../understanding/types.js';
import { onUnderstood } from './dialog.js';
import { greet } from './greeting.js';
import { hintsFor } from './hints.js';
import { blankUnderstanding } from '../understanding/blank-understanding.js';
import { understandDigits } from './keypad.js';
import { speakToPerson, troubleToMessage } from './message-flow.js';
import { onSilence } from './recovery.js';
import { expectationFor, initialRulesState, isRulesState, optionCountFor, type RulesState } from './rules-state.js';
import { TROUBLE, Turn } from './turn.js';

/**
 * The understanding function the brain is built with: the real rules-based `understand` in
 * production, a scripted one in tests. The brain fills `expect` (what it just asked) and
 * `optionCount` (how many options it read out).
 */
export type UnderstandFn = (text: string, ctx: UnderstandContext) => Understanding | Promise<Understanding>;

export interface RulesBrainDeps {
  understand: UnderstandFn;
  /** Where unexpected errors are reported (the caller only hears an apology). */
  report?: (error: unknown, where: string) => void;
}

/**
 * The embedded receptionist: deterministic, offline and fast. It fills the slots of a request
 * turn by turn, calls the front-desk actions, and always has a sentence for the caller.
 */
export class RulesBrain implements Brain<RulesState> {
  readonly name = 'rules';
  private readonly report: (error: unknown, where: string) => void;

  constructor(private readonly deps: RulesBrainDeps) {
    this.report = deps.report ?? (() => {});
  }

  initialState(): RulesState {
    return initialRulesState();
  }

  async turn(input: TurnInput<RulesState>): Promise<TurnResult<RulesState>> {
    const t = this.newTurn(input);
    try {
      await this.play(t);
      return result(t);
    } catch (error) {
      this.report(error, 'rules brain turn');
      return this.recover(input);
    }
  }

  private newTurn(input: TurnInput<RulesState>): Turn {
    // State is stored as JSON between webhooks; work on a copy so a failed turn leaves the input intact.
    const state: RulesState = isRulesState(input.state) ? (JSON.parse(JSON.stringify(input.state)) as RulesState) : initialRulesState();
    const u = input.utterance;
    const lowConfidence = u.kind === 'speech' && u.confidence < input.tenant.review.minConfidence;
    const text = u.kind === 'speech' ? u.text : u.kind === 'dtmf' ? u.digits : '';
    return new Turn({ ...input, state }, state, lowConfidence, text, this.report);
  }

  private async play(t: Turn): Promise<void> {
    const u = t.input.utterance;
    switch (u.kind) {
      case 'start':
        greet(t);
        return;
      case 'none':
        await onSilence(t);
        return;
      case 'dtmf': {
        const digits = u.digits.replace(/[^0-9]/g, '');
        if (digits === '0') {
          await speakToPerson(t, 'caller pressed 0');
          return;
        }
        await onUnderstood(t, understandDigits(digits, t.pendingKind, t.tenant));
        return;
      }
      case 'speech':
        if (!u.text.trim()) {
          await onSilence(t);
          return;
        }
        await onUnderstood(t, await this.understand(t, u.text));
    }
  }

  private async understand(t: Turn, text: string): Promise<Understanding> {
    try {
      return await this.deps.understand(text, { tenant: t.tenant, now: t.now, expect: expectationFor(t.pendingKind), optionCount: optionCountFor(t.state) });
    } catch (error) {
      // Not understanding is a normal dialog state; the dialog re-asks and offers a person.
      this.report(error, 'understand');
      return blankUnderstanding();
    }
  }

  /** The turn itself failed: apologize and take a message, from the state as it was before the turn. */
  private async recover(input: TurnInput<RulesState>): Promise<TurnResult<RulesState>> {
    try {
      const t = this.newTurn(input);
      await troubleToMessage(t);
      return result(t);
    } catch (error) {
      this.report(error, 'rules brain recovery');
      const number = input.tenant.transferNumber;
      const state = isRulesState(input.state) ? input.state : initialRulesState();
      return number
        ? { state, say: [TROUBLE, 'Let me put you through to the front desk.'], next: 'transfer', transferTo: number, outcome: 'transferred' }
        : { state, say: [TROUBLE, 'Please call us back a little later. Goodbye.'], next: 'hangup' };
    }
  }
}

function result(t: Turn): TurnResult<RulesState> {
  if (t.say.length === 0 && t.next === 'listen') t.reask('');
  const out: TurnResult<RulesState> = { state: t.state, say: t.say, next: t.next };
  if (t.next === 'transfer') out.transferTo = t.transferTo ?? null;
  if (t.outcome) out.outcome = t.outcome;
  if (t.state.summary) out.summary = t.state.summary;
  if (t.state.name) out.callerName = t.state.name;
  if (t.next === 'listen') out.hints = hintsFor(t);
  return out;
}
