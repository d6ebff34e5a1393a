export { createActionRouter, type ActionRouterDeps } from './actions/action-router.js';
export type { ActionAudit, MessageSink } from './actions/ports.js';
export * from './actions/types.js';
export { TurnActions, type TurnActionsOptions } from './actions/turn-actions.js';
export type { Brain, BrainTurn, CallerInfo, CallOutcome, HeardLine, TurnInput, TurnResult, Utterance } from './brain.js';
export { streamTurn } from './stream-turn.js';
export { RulesBrain, type RulesState } from './rules-brain/index.js';
export { understand, type Understanding, type UnderstandContext } from './understanding/index.js';
