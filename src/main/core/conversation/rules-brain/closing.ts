import type { Turn } from './turn.js';

const ANYTHING_ELSE = 'Is there anything else I can help with?';

/** A request is done: go back to listening for a new one. */
export function anythingElse(t: Turn, ...before: string[]): void {
  t.speak(...before);
  t.state.flow = 'idle';
  t.ask('anything_else', ANYTHING_ELSE, 'Is there anything else I can help you with today?');
}

export function goodbye(t: Turn): void {
  t.speak(`Thanks for calling ${t.tenant.name}. Goodbye!`);
  t.state.pending = null;
  t.next = 'hangup';
}
