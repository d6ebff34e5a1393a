export { RulesBrain, type RulesBrainDeps, type UnderstandFn } from './rules-brain.js';
export { initialRulesState, type Flow, type Pending, type PendingKind, type RulesState } from './rules-state.js';
export type { Wish } from './wish.js';
