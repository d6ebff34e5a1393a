import { askQuestion } from './questions.js';
import type { Turn } from './turn.js';

/** A request is done: say what happened (sentences already worded) and listen for a new one. */
export function anythingElse(t: Turn, ...before: string[]): void {
  t.speak(...before);
  t.state.flow = 'idle';
  askQuestion(t, 'anything_else');
}

export function goodbye(t: Turn): void {
  t.tell({ id: 'goodbye', params: { practice: t.tenant.name } });
  t.state.pending = null;
  t.next = 'hangup';
}
