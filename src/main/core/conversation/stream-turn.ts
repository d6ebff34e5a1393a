import type { Brain, BrainTurn, TurnInput } from './brain.js';

/**
 * Runs a turn of any brain as a stream of sentences. A brain without its own `stream` (the rules
 * brain decides a whole turn in a few milliseconds) yields its whole `say` at once.
 */
export function streamTurn<S>(brain: Brain<S>, input: TurnInput<S>): BrainTurn<S> {
  if (brain.stream) return brain.stream(input);
  const result = brain.turn(input);
  return {
    result,
    sentences: {
      async *[Symbol.asyncIterator]() {
        const { say } = await result;
        yield* say;
      },
    },
  };
}
