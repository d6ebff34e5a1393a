import { LlmFailure, type LlmChunk, type LlmClient, type LlmRequest, type ToolCall } from './ports.js';
import { SentenceBuffer } from './sentences.js';
import { ToolCallAccumulator } from './tool-calls.js';
import { TOOL_NAMES } from './tools.js';

export interface RoundTimers {
  /** Say a filler when the first token takes longer than this (null: no fillers, nobody is listening live). */
  fillerAfterMs: number | null;
  firstTokenTimeoutMs: number;
  /** Time left in this turn. */
  remainingMs: number;
}

/** What one streamed completion produced, as it is consumed. */
export type RoundEvent =
  | { kind: 'filler' }
  | { kind: 'sentence'; text: string }
  | { kind: 'usage'; promptTokens: number; completionTokens: number }
  | { kind: 'done'; toolCalls: { call: ToolCall; args: Record<string, unknown> }[] };

/**
 * Streams one completion: text is cut into sentences as it arrives (the caller can hear the first
 * while the rest is written), tool-call fragments are put together by index, usage is reported.
 * A filler covers a slow first token; a first token or a turn that takes too long is a timeout.
 * `stop()` ends the stream early (a sentence failed a guard, or the turn was cancelled).
 */
export async function* streamRound(client: LlmClient, request: LlmRequest, timers: RoundTimers, outer?: AbortSignal): AsyncGenerator<RoundEvent, void, 'stop' | undefined> {
  const controller = new AbortController();
  let timedOut: string | null = null;
  const abortFor = (why: string) => () => {
    timedOut ??= why;
    controller.abort();
  };
  const onOuter = () => controller.abort();
  outer?.addEventListener('abort', onOuter);
  const turnTimer = setTimeout(abortFor('the turn took too long'), timers.remainingMs);
  let firstTokenTimer: ReturnType<typeof setTimeout> | undefined = setTimeout(abortFor('no first token in time'), Math.min(timers.firstTokenTimeoutMs, timers.remainingMs));
  const sentences = new SentenceBuffer();
  const tools = new ToolCallAccumulator();
  const iterator = client.stream(request, controller.signal)[Symbol.asyncIterator]();
  let finished = false;
  let drained = false;
  try {
    let first = true;
    for (;;) {
      const next = iterator.next();
      if (first && timers.fillerAfterMs !== null) {
        const filler = await raceFiller(next, timers.fillerAfterMs);
        if (filler) yield { kind: 'filler' };
      }
      let step: IteratorResult<LlmChunk>;
      try {
        step = await next;
      } catch (error) {
        if (outer?.aborted) throw new LlmFailure('cancelled', 'the turn was cancelled');
        if (timedOut) throw new LlmFailure('timeout', timedOut);
        throw error;
      }
      if (first) {
        first = false;
        clearTimeout(firstTokenTimer);
        firstTokenTimer = undefined;
      }
      if (step.done) {
        drained = true;
        break;
      }
      const chunk = step.value;
      if (chunk.kind === 'text') {
        for (const text of sentences.push(chunk.text)) if ((yield { kind: 'sentence', text }) === 'stop') return;
      } else if (chunk.kind === 'tool_call') {
        tools.add(chunk);
      } else if (chunk.kind === 'usage') {
        yield chunk;
      } else {
        finished = true;
      }
    }
    // A stream cut off mid-way may end without an error: without a finish reason it is not an answer.
    if (!finished) throw new LlmFailure('server_error', 'the stream ended before the model finished');
    for (const text of sentences.flush()) if ((yield { kind: 'sentence', text }) === 'stop') return;
    yield { kind: 'done', toolCalls: tools.complete(TOOL_NAMES) };
  } finally {
    clearTimeout(turnTimer);
    clearTimeout(firstTokenTimer);
    outer?.removeEventListener('abort', onOuter);
    // A stream read to its end has nothing left to stop (and an abort costs an exception object).
    if (!drained) {
      controller.abort();
      void iterator.return?.()?.catch(() => {});
    }
  }
}

/** True when the filler delay passes before the first chunk. */
async function raceFiller(next: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fired = new Promise<true>((resolve) => {
    timer = setTimeout(() => resolve(true), ms);
  });
  try {
    return await Promise.race([next.then(() => false, () => false), fired]);
  } finally {
    clearTimeout(timer);
  }
}
