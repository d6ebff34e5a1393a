export { createActionRouter, type ActionRouterDeps } from './actions/action-router.js';
export type { ActionAudit, MessageSink, WaitlistSink } from './actions/ports.js';
export * from './actions/types.js';
export type { Brain, CallerInfo, CallOutcome, TurnInput, TurnResult, UnsavedMessage, Utterance } from './brain.js';
export { message, type MessageId, type MessageParams } from './prompts/index.js';
export { RulesBrain, type RulesState } from './rules-brain/index.js';
export { normalize, understand, type Understanding, type UnderstandContext } from './understanding/index.js';
