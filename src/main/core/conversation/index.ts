export { createActionRouter, type ActionRouterDeps } from './actions/action-router.js';
export type { ActionAudit, MessageSink, WaitlistSink } from './actions/ports.js';
export * from './actions/types.js';
export { TurnActions, type TurnActionsOptions } from './actions/turn-actions.js';
export type { Brain, BrainTurn, CallerInfo, CallOutcome, HeardLine, TurnInput, TurnResult, UnsavedMessage, Utterance } from './brain.js';
export { streamTurn } from './stream-turn.js';
export { message, type MessageId, type MessageParams } from './prompts/index.js';
export { RulesBrain, type RulesState } from './rules-brain/index.js';
export { normalize, understand, type Understanding, type UnderstandContext } from './understanding/index.js';
