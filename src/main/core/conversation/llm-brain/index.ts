export { CircuitBreaker, type BreakerStatus } from './circuit-breaker.js';
export { DEFAULT_LLM_LIMITS, LlmBrain, type LlmBrainDeps, type LlmLimits } from './llm-brain.js';
export { initialLlmState, isLlmState, rememberHeard, type LlmState } from './llm-state.js';
export { LlmFailure, type ChatMessage, type LlmChunk, type LlmClient, type LlmEndpoint, type LlmFailureKind, type LlmRequest, type LlmUsageSink, type ToolCall, type ToolDefinition } from './ports.js';
export { collectPieces, streamPieces, type SpokenPiece } from './spoken-pieces.js';
export { buildSystemPrompt, type KnownAppointment } from './system-prompt.js';
export { buildTools } from './tools.js';
