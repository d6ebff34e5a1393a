import type { Turn } from './turn.js';

/** A request is done: say what happened (sentences already worded) and listen for a new one. */
export function anythingElse(t: Turn, ...before: string[]): void {
  t.speak(...before);
  t.state.flow = 'idle';
  t.ask('anything_else', 'anythingElse.ask', 'anythingElse.reprompt');
}

export function goodbye(t: Turn): void {
  t.tell({ id: 'goodbye', params: { practice: t.tenant.name } });
  t.state.pending = null;
  t.next = 'hangup';
}
