import type { Logger } from '../../kernel/index.js';
import type { ActionContext, ActionName, ActionResult } from '../actions/types.js';
import type { Brain, BrainTurn, CallOutcome, TurnInput, TurnResult } from '../brain.js';
import { message } from '../prompts/index.js';
import { choosesLanguage } from '../understanding/spanish.js';
import { applyToolResult } from './apply-tool-result.js';
import { copyState, initialLlmState, isLlmState, presentResult, reconcileHeard, type LlmState } from './llm-state.js';
import { LlmFailure, type ChatMessage, type LlmClient, type LlmUsageSink } from './ports.js';
import { inventedTimes } from './spoken-times-guard.js';
import { collectPieces, streamPieces, type SpokenPiece } from './spoken-pieces.js';
import { streamRound, type RoundEvent } from './stream-round.js';
import { buildSystemPrompt, type KnownAppointment } from './system-prompt.js';
import { buildTools, END_CALL } from './tools.js';

export interface LlmLimits {
  toolCallsPerTurn: number;
  turnsPerCall: number;
  tokensPerCall: number;
  /** Cap on each completion's tokens. */
  replyTokens: number;
  /** A filler is spoken when the first token takes longer than this (streaming only). */
  fillerAfterMs: number;
  firstTokenTimeoutMs: number;
  /** Below the call flow's 8 s deadline, so the rules brain still has time to answer. */
  turnTimeoutMs: number;
  /** How many times a reply offering an invented time is sent back before the rules brain answers. */
  inventedTimeRetries: number;
}

export const DEFAULT_LLM_LIMITS: LlmLimits = {
  toolCallsPerTurn: 6,
  turnsPerCall: 60,
  tokensPerCall: 80_000,
  replyTokens: 400,
  fillerAfterMs: 1_200,
  firstTokenTimeoutMs: 4_000,
  turnTimeoutMs: 6_000,
  inventedTimeRetries: 1,
};

export interface LlmBrainDeps {
  client: LlmClient;
  usage: LlmUsageSink;
  /** The caller's upcoming appointments, for the prompt (read once at the start of a call). */
  upcoming(tenantId: string, customerId: string, now: number): KnownAppointment[];
  logger: Logger;
  limits?: Partial<LlmLimits>;
}

/**
 * The LLM receptionist: OpenAI-style chat completions with streaming and tools, over the very
 * actions the rules brain uses. Its core is `pieces()`, which yields sentences as the model writes
 * them and honours the turn's AbortSignal; `stream()` hands them to the call as they come and
 * `turn()` collects them. It throws
 * `LlmFailure` when it cannot answer (endpoint down, timeout, malformed tool call, an invented
 * time twice, a bound reached): the practice brain then has the rules brain take the turn.
 */
export class LlmBrain implements Brain<LlmState> {
  readonly name = 'llm';
  readonly limits: LlmLimits;
  private readonly tools = buildTools();

  constructor(private readonly deps: LlmBrainDeps) {
    this.limits = { ...DEFAULT_LLM_LIMITS, ...deps.limits };
  }

  initialState(): LlmState {
    return initialLlmState();
  }

  turn(input: TurnInput<LlmState>): Promise<TurnResult<LlmState>> {
    return collectPieces(input, (options) => this.pieces(input, options));
  }

  stream(input: TurnInput<LlmState>): BrainTurn<LlmState> {
    return streamPieces((options) => this.pieces(input, options));
  }

  async *pieces(input: TurnInput<LlmState>, options: { fillers: boolean } = { fillers: true }): AsyncGenerator<SpokenPiece, TurnResult<LlmState>> {
    // Barge-in: the model remembers its last reply as far as the caller heard it, not as it wrote it.
    const state: LlmState = isLlmState(input.state) ? copyState(reconcileHeard(input.state, input.heard)) : initialLlmState();
    const result: Omit<TurnResult<LlmState>, 'say'> & { next: TurnResult<LlmState>['next'] } = { state, next: 'listen' };
    const language = (state.language ??= input.tenant.languages[0] ?? 'en');
    const finish = (): TurnResult<LlmState> => {
      state.turns += 1;
      result.language = state.language ?? language;
      if (state.summary) result.summary = state.summary;
      if (state.callerName) result.callerName = state.callerName;
      return { ...result, say: [] };
    };
    const u = input.utterance;
    if (u.kind === 'start') {
      if (input.caller.customer) state.appointments = this.deps.upcoming(input.tenant.id, input.caller.customer.id, input.now);
      const greeting = input.tenant.greeting.trim();
      state.messages.push({ role: 'assistant', content: greeting });
      yield { text: greeting, filler: false };
      return finish();
    }
    if (state.turns >= this.limits.turnsPerCall) throw new LlmFailure('bounds', `more than ${this.limits.turnsPerCall} turns in one call`);
    if (state.tokens >= this.limits.tokensPerCall) throw new LlmFailure('bounds', `more than ${this.limits.tokensPerCall} tokens in one call`);
    // "español", or simply speaking Spanish, when the practice offers it: the prompt and the voice follow.
    if (u.kind === 'speech') state.language = choosesLanguage(u.text, input.tenant.languages, language)?.language ?? language;
    // The caller's words are data: they go in as the user's message, never into the instructions.
    const callerSaid = u.kind === 'speech' ? u.text : u.kind === 'dtmf' ? `(pressed ${u.digits})` : null;
    state.messages.push({ role: 'user', content: u.kind === 'speech' ? u.text : u.kind === 'dtmf' ? `(the caller pressed ${u.digits} on the keypad)` : '(the caller said nothing)' });
    // The call's language: refusals come back in it, and the customer's texts follow it.
    const context: ActionContext = { tenant: input.tenant, callId: input.callId, callerPhone: input.caller.phone, turn: input.turn, callerSaid, language: state.language };
    const model = input.tenant.llm.model ?? this.deps.client.endpoint().defaultModel;
    const startedAt = performance.now();
    let toolCalls = 0;
    let retries = 0;
    let fillerSaid = false;
    for (;;) {
      const spokenThisRound: string[] = [];
      const rejected: string[] = [];
      let calls: Extract<RoundEvent, { kind: 'done' }>['toolCalls'] = [];
      const round = streamRound(
        this.deps.client,
        { model, messages: this.requestMessages(input, state), tools: this.tools, maxTokens: this.limits.replyTokens },
        { fillerAfterMs: options.fillers && !fillerSaid ? this.limits.fillerAfterMs : null, firstTokenTimeoutMs: this.limits.firstTokenTimeoutMs, remainingMs: Math.max(1, this.limits.turnTimeoutMs - (performance.now() - startedAt)) },
        input.signal,
      );
      let reply: 'stop' | undefined;
      try {
        for (;;) {
          const step = await round.next(reply);
          reply = undefined;
          if (step.done) break;
          const event = step.value;
          if (event.kind === 'filler') {
            fillerSaid = true;
            yield { text: message(state.language, 'llm.filler'), filler: true };
          } else if (event.kind === 'usage') {
            state.tokens += event.promptTokens + event.completionTokens;
            this.deps.usage.record({ tenantId: input.tenant.id, callId: input.callId, model, promptTokens: event.promptTokens, completionTokens: event.completionTokens, at: input.now });
          } else if (event.kind === 'sentence') {
            const invented = inventedTimes(event.text, state, input.tenant, input.now);
            if (invented.length > 0) {
              rejected.push(...invented);
              reply = 'stop';
            } else {
              spokenThisRound.push(event.text);
              yield { text: event.text, filler: false };
            }
          } else {
            calls = event.toolCalls;
          }
        }
      } catch (error) {
        if (error instanceof LlmFailure && error.kind === 'cancelled') {
          // Barge-in or hang-up: what was said stays in the context, nothing more is done.
          if (spokenThisRound.length) state.messages.push({ role: 'assistant', content: spokenThisRound.join(' ') });
          return finish();
        }
        throw error;
      }
      if (rejected.length > 0) {
        if (retries >= this.limits.inventedTimeRetries) throw new LlmFailure('invented_time', `the model offered ${rejected.join(', ')} twice without an availability result`);
        retries += 1;
        this.deps.logger.warn({ tenantId: input.tenant.id, callId: input.callId, times: rejected }, 'reply offered a time no availability result gave; asking the model again');
        if (spokenThisRound.length) state.messages.push({ role: 'assistant', content: spokenThisRound.join(' ') });
        state.messages.push({
          role: 'system',
          content: `Your reply was not spoken: it mentioned ${rejected.join(', ')}, which no availability result in this call gave. Offer only times from check_availability results, or call check_availability first. Continue from what the caller already heard.`,
        });
        continue;
      }
      const text = spokenThisRound.join(' ');
      // Cancelled while the model was still writing: keep what was heard, run none of its tool calls.
      if (calls.length === 0 || input.signal?.aborted) {
        state.messages.push({ role: 'assistant', content: text });
        return finish();
      }
      toolCalls += calls.length;
      if (toolCalls > this.limits.toolCallsPerTurn) throw new LlmFailure('bounds', `more than ${this.limits.toolCallsPerTurn} tool calls in one turn`);
      state.messages.push({ role: 'assistant', content: text || null, tool_calls: calls.map((c) => c.call) });
      for (const { call, args } of calls) {
        if (input.signal?.aborted) {
          // Every tool call needs an answer in the context, or the next request is refused.
          state.messages.push({ role: 'tool', tool_call_id: call.id, content: '{"ok":false,"code":"cancelled"}' });
          continue;
        }
        if (call.function.name === END_CALL) {
          result.next = 'hangup';
          state.messages.push({ role: 'tool', tool_call_id: call.id, content: '{"ok":true}' });
          continue;
        }
        const name = call.function.name as ActionName;
        const outcome: ActionResult<ActionName> = await input.actions.run(name, args as never, context);
        const effect = applyToolResult(name, args, outcome, state, input.tenant);
        if (effect.outcome) result.outcome = effect.outcome satisfies CallOutcome;
        if (effect.transferTo) {
          result.next = 'transfer';
          result.transferTo = effect.transferTo;
        }
        state.messages.push({ role: 'tool', tool_call_id: call.id, content: JSON.stringify(presentResult(outcome, input.tenant)) });
      }
      if (input.signal?.aborted) return finish();
    }
  }

  private requestMessages(input: TurnInput<LlmState>, state: LlmState): ChatMessage[] {
    const system = buildSystemPrompt({ tenant: input.tenant, caller: input.caller, callerName: state.callerName, appointments: state.appointments, now: input.now, language: state.language ?? 'en' });
    return [{ role: 'system', content: system }, ...state.messages];
  }
}
