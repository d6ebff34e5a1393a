import type { Logger } from '../kernel/index.js';
import type { ActionRouter } from './actions/types.js';
import type { Brain, BrainTurn, TurnInput, TurnResult, Utterance } from './brain.js';
import { collectPieces, LlmFailure, streamPieces, type CircuitBreaker, type LlmBrain, type SpokenPiece } from './llm-brain/index.js';

/** Which brain has the call, and each one's own state. */
export interface PracticeBrainState {
  v: 1;
  kind: 'practice';
  active: 'rules' | 'llm' | null;
  rules: unknown;
  llm: unknown;
  /** Why the LLM handed the call to the rules brain, when it did. */
  failedOver: string | null;
}

/**
 * The receptionist a practice chose (`"brain": "rules" | "llm"` in its file), with failover: when
 * the LLM cannot answer a turn (timeout, error, 429, malformed tool call, a bound reached), the
 * rules brain takes that turn with the caller's words, and keeps the call so the caller never
 * hears two dialogs fight. While the endpoint keeps failing the circuit breaker starts new calls
 * on the rules brain. Every turn's actions carry the caller's words for the consent guard.
 */
export class PracticeBrain implements Brain<PracticeBrainState> {
  readonly name = 'practice';

  constructor(
    private readonly deps: {
      rules: Brain;
      llm: LlmBrain | null;
      breaker: CircuitBreaker;
      /** Whether the appliance has an LLM endpoint configured (key or local server). */
      llmConfigured: () => boolean;
      logger: Logger;
    },
  ) {}

  initialState(): PracticeBrainState {
    return { v: 1, kind: 'practice', active: null, rules: null, llm: null, failedOver: null };
  }

  /** The whole turn at once (replay, rehearsals). With `onSentence`, each sentence also goes out as it is ready. */
  turn(input: TurnInput<PracticeBrainState>): Promise<TurnResult<PracticeBrainState>> {
    return collectPieces(input, (options) => this.pieces(input, options));
  }

  /** The call's turn: each sentence goes to the caller as the model writes it (no fillers of its own: the call has one). */
  stream(input: TurnInput<PracticeBrainState>): BrainTurn<PracticeBrainState> {
    return streamPieces((options) => this.pieces(input, options));
  }

  /**
   * Sentences as they are ready (fillers marked), honouring `input.signal`; the generator's return
   * value is the turn's result (its `say` is left empty: the pieces are it). When the LLM fails
   * mid-turn, what it already said stays said and the rules brain carries on from the caller's
   * words; an abandoned turn is not handed over (nobody is listening for its answer).
   */
  async *pieces(input: TurnInput<PracticeBrainState>, options: { fillers: boolean } = { fillers: true }): AsyncGenerator<SpokenPiece, TurnResult<PracticeBrainState>> {
    const state: PracticeBrainState = isPracticeState(input.state) ? { ...input.state } : this.initialState();
    state.active ??= this.choose(input);
    const actions = withCallerWords(input.actions, input.utterance);
    const llm = this.deps.llm;
    if (state.active === 'llm' && llm) {
      try {
        const result = yield* llm.pieces({ ...input, actions, state: (state.llm ?? llm.initialState()) as never }, options);
        // The greeting is the practice's own words: only a turn the model answered proves the endpoint well.
        if (input.utterance.kind !== 'start') this.deps.breaker.succeeded();
        return { ...result, state: { ...state, llm: result.state } };
      } catch (error) {
        if (input.signal?.aborted) throw error;
        const failure = error instanceof LlmFailure ? error : new LlmFailure('server_error', error instanceof Error ? error.message : String(error));
        if (failure.endpointFault) this.deps.breaker.failed(failure);
        this.deps.logger.warn({ tenantId: input.tenant.id, callId: input.callId, kind: failure.kind, reason: failure.message }, 'LLM brain failed; the rules brain takes the call');
        state.active = 'rules';
        state.failedOver = failure.kind;
        return yield* this.rulesTurn(input, actions, state, this.deps.rules.initialState());
      }
    }
    state.active = 'rules';
    return yield* this.rulesTurn(input, actions, state, state.rules ?? this.deps.rules.initialState());
  }

  private async *rulesTurn(input: TurnInput<PracticeBrainState>, actions: ActionRouter, state: PracticeBrainState, rulesState: unknown): AsyncGenerator<SpokenPiece, TurnResult<PracticeBrainState>> {
    const { onSentence: _streamed, ...rest } = input;
    const result = await this.deps.rules.turn({ ...rest, actions, state: rulesState });
    for (const text of result.say) yield { text, filler: false };
    return { ...result, say: [], state: { ...state, rules: result.state } };
  }

  private choose(input: TurnInput<PracticeBrainState>): 'rules' | 'llm' {
    if (input.tenant.brain !== 'llm' || !this.deps.llm) return 'rules';
    if (!this.deps.llmConfigured()) {
      this.deps.logger.warn({ tenantId: input.tenant.id, callId: input.callId }, 'practice wants the LLM brain but no endpoint is configured; using the rules brain');
      return 'rules';
    }
    if (!this.deps.breaker.allowsNewCall()) {
      this.deps.logger.warn({ tenantId: input.tenant.id, callId: input.callId }, 'LLM circuit open; this call starts on the rules brain');
      return 'rules';
    }
    return 'llm';
  }
}

function isPracticeState(value: unknown): value is PracticeBrainState {
  const s = value as Partial<PracticeBrainState> | null;
  return typeof s === 'object' && s !== null && s.v === 1 && s.kind === 'practice';
}

/** The caller's words this turn, added to every action's context for the consent guard. */
export function withCallerWords(actions: ActionRouter, utterance: Utterance): ActionRouter {
  const callerSaid = utterance.kind === 'speech' ? utterance.text : utterance.kind === 'dtmf' ? `(pressed ${utterance.digits})` : null;
  return { run: (name, args, context) => actions.run(name, args, { callerSaid, ...context }) };
}
