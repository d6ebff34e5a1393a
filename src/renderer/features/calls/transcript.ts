import type { TranscriptTurnDto } from '../../../shared/contract/calls.js';

/**
 * Adds a turn to a transcript kept in turn-id order. A turn already present (the same event
 * delivered twice, or both in a fetched transcript and a live event) is not added again; the
 * same array comes back, so a store can tell nothing changed.
 */
export function insertTurn(turns: readonly TranscriptTurnDto[], turn: TranscriptTurnDto): readonly TranscriptTurnDto[] {
  // Almost every turn arrives in order: check the end first.
  const last = turns.at(-1);
  if (!last || last.id < turn.id) return [...turns, turn];
  if (turns.some((t) => t.id === turn.id)) return turns;
  const index = turns.findIndex((t) => t.id > turn.id);
  return [...turns.slice(0, index), turn, ...turns.slice(index)];
}

/** Every turn of both, once each, in id order. */
export function mergeTurns(base: readonly TranscriptTurnDto[], extra: readonly TranscriptTurnDto[]): readonly TranscriptTurnDto[] {
  let merged = base;
  for (const turn of extra) merged = insertTurn(merged, turn);
  return merged;
}
