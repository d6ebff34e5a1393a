import type { BrainTurn, TurnInput, TurnResult } from '../brain.js';

/** A piece of speech as the brain produces it; fillers only cover a slow model. */
export interface SpokenPiece {
  text: string;
  filler: boolean;
}

export type PieceSource<S> = (options: { fillers: boolean }) => AsyncGenerator<SpokenPiece, TurnResult<S>>;

/**
 * Runs a turn's pieces to the end for `Brain.turn`: each piece goes to `onSentence` as it is ready
 * (fillers only when someone listens live), and the result's `say` is what was said, fillers left out.
 */
export async function collectPieces<S>(input: Pick<TurnInput<S>, 'onSentence'>, pieces: PieceSource<S>): Promise<TurnResult<S>> {
  const said: string[] = [];
  const run = pieces({ fillers: input.onSentence !== undefined });
  for (;;) {
    const step = await run.next();
    if (step.done) return { ...step.value, say: said };
    input.onSentence?.(step.value.text);
    if (!step.value.filler) said.push(step.value.text);
  }
}

/**
 * The turn as `Brain.stream`: each sentence is yielded the moment the brain has it (the call
 * speaks it while the model writes the next), and `result.say` lists exactly what was yielded.
 * The brain's own fillers are off: the call session has its filler, and two would talk over each
 * other. The pieces are pumped eagerly, so `result` settles even when nobody reads the sentences;
 * an abandoned turn stops through the turn's AbortSignal, which the brain honours.
 */
export function streamPieces<S>(pieces: PieceSource<S>): BrainTurn<S> {
  const run = pieces({ fillers: false });
  const ready: string[] = [];
  let wake: (() => void) | null = null;
  let ended = false;
  const notify = () => {
    wake?.();
    wake = null;
  };
  const result = (async (): Promise<TurnResult<S>> => {
    const said: string[] = [];
    try {
      for (;;) {
        const step = await run.next();
        if (step.done) return { ...step.value, say: said };
        if (step.value.filler) continue;
        said.push(step.value.text);
        ready.push(step.value.text);
        notify();
      }
    } finally {
      ended = true;
      notify();
    }
  })();
  return {
    result,
    sentences: {
      async *[Symbol.asyncIterator]() {
        // A failed turn just ends its sentences: the reader learns why from `result`.
        for (;;) {
          if (ready.length > 0) {
            yield ready.shift()!;
            continue;
          }
          if (ended) return;
          await new Promise<void>((resolve) => (wake = resolve));
        }
      },
    },
  };
}
