import type { Language } from '../../../../shared/contract/index.js';
import type { Brain, TurnInput, TurnResult } from '../brain.js';
import { message } from '../prompts/index.js';
import { blankUnderstanding } from '../understanding/blank-understanding.js';
import { withBareName } from '../understanding/answer-name.js';
import { choosesLanguage } from '../understanding/spanish.js';
import type { Understanding, UnderstandContext } from '../understanding/types.js';
import { onUnderstood } from './dialog.js';
import { greet, switchedLanguage } from './greeting.js';
import { understandDigits } from './keypad.js';
import { speakToPerson, troubleToMessage } from './message-flow.js';
import { keepMoving } from './progress.js';
import { expectationFor, hintsFor, optionCountFor } from './questions.js';
import { onSilence } from './recovery.js';
import { initialRulesState, isRulesState, upgradeState, type RulesState } from './rules-state.js';
import { Turn } from './turn.js';

/**
 * The understanding function the brain is built with: the real rules-based `understand` in
 * production, a scripted one in tests. The brain fills `expect` (what it just asked),
 * `optionCount` (how many options it read out) and `language` (what the call is in).
 */
export type UnderstandFn = (text: string, ctx: UnderstandContext) => Understanding | Promise<Understanding>;

export interface RulesBrainDeps {
  understand: UnderstandFn;
  /** Where unexpected errors are reported (the caller only hears an apology). */
  report?: (error: unknown, where: string) => void;
}

/**
 * The embedded receptionist: deterministic, offline and fast. It fills the slots of a request
 * turn by turn, calls the front-desk actions, and always has a sentence for the caller, in
 * English or Spanish as the caller chose.
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
      await keepMoving(t);
      return result(t);
    } catch (error) {
      this.report(error, 'rules brain turn');
      return this.recover(input);
    }
  }

  private newTurn(input: TurnInput<RulesState>): Turn {
    const defaultLanguage: Language = input.tenant.languages[0] ?? 'en';
    // State is stored as JSON between webhooks; work on a copy so a failed turn leaves the input intact.
    const copy = isRulesState(input.state) ? (JSON.parse(JSON.stringify(input.state)) as RulesState) : initialRulesState(defaultLanguage);
    const state = upgradeState(copy, defaultLanguage);
    if (!input.tenant.languages.includes(state.language)) state.language = defaultLanguage;
    const u = input.utterance;
    const lowConfidence = u.kind === 'speech' && u.confidence < input.tenant.review.minConfidence;
    const text = u.kind === 'speech' ? u.text : u.kind === 'dtmf' ? u.digits : '';
    return new Turn({ ...input, state }, state, lowConfidence, text, this.report);
  }

  private async play(t: Turn): Promise<void> {
    const u = t.input.utterance;
    switch (u.kind) {
      case 'start':
        // A new call starts in the practice's default language.
        t.state.language = t.tenant.languages[0] ?? 'en';
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
        if (this.switchByKey(t, digits)) return;
        await onUnderstood(t, understandDigits(digits, t.pendingKind, t.tenant));
        return;
      }
      case 'speech': {
        if (!u.text.trim()) {
          await onSilence(t);
          return;
        }
        const chosen = choosesLanguage(u.text, t.tenant.languages, t.lang, t.pendingKind);
        if (chosen) {
          t.state.language = chosen.language;
          if (chosen.only) {
            switchedLanguage(t);
            return;
          }
        }
        await onUnderstood(t, await this.understand(t, u.text));
      }
    }
  }

  /** "Press 2 for Spanish", offered in the greeting: only while nothing else has been asked. */
  private switchByKey(t: Turn, digits: string): boolean {
    if (digits !== '2' || t.lang !== 'en' || !t.tenant.languages.includes('es') || t.pendingKind !== 'intent' || t.state.flow !== 'idle') return false;
    t.state.language = 'es';
    switchedLanguage(t);
    return true;
  }

  private async understand(t: Turn, text: string): Promise<Understanding> {
    const expect = expectationFor(t.pendingKind);
    try {
      const u = await this.deps.understand(text, { tenant: t.tenant, now: t.now, expect, optionCount: optionCountFor(t.state), language: t.lang });
      return withBareName(u, text, expect);
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
      const lang = state.language ?? 'en';
      return number
        ? { state, say: [message(lang, 'trouble'), message(lang, 'trouble.transfer')], next: 'transfer', transferTo: number, outcome: 'transferred', language: lang }
        : { state, say: [message(lang, 'trouble'), message(lang, 'trouble.callLater')], next: 'hangup', language: lang };
    }
  }
}

function result(t: Turn): TurnResult<RulesState> {
  if (t.say.length === 0 && t.next === 'listen') t.reask();
  const out: TurnResult<RulesState> = { state: t.state, say: t.say, next: t.next, language: t.lang };
  if (t.next === 'transfer') out.transferTo = t.transferTo ?? null;
  if (t.outcome) out.outcome = t.outcome;
  if (t.state.summary) out.summary = t.state.summary;
  if (t.state.name) out.callerName = t.state.name;
  if (t.next === 'listen') out.hints = hintsFor(t);
  const m = t.state.message;
  // A message in progress, for the call to save if the caller hangs up before it is finished.
  if (t.state.flow === 'message' && m.reason && t.next === 'listen') {
    out.unsavedMessage = { reason: m.reason, callerName: t.knownName(), callbackNumber: m.callback ?? t.callerPhone, urgent: m.urgent };
  }
  return out;
}
