/**
 * The chat-completions wire shapes the LLM brain speaks (OpenAI's, which every compatible server
 * also speaks: Azure OpenAI, llama.cpp server, Ollama, vLLM). The infra adapter maps the SDK's
 * stream to `LlmChunk`s and its errors to `LlmFailure`s.
 */
export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: ToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };

export interface ToolDefinition {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

export interface LlmRequest {
  model: string;
  messages: ChatMessage[];
  tools: ToolDefinition[];
  /** Cap on the reply's tokens (bounds what one turn can cost). */
  maxTokens: number;
}

export type LlmChunk =
  | { kind: 'text'; text: string }
  /** One fragment of a tool call; fragments of one call share `index` (id and name come first). */
  | { kind: 'tool_call'; index: number; id?: string; name?: string; arguments?: string }
  | { kind: 'finish'; reason: string | null }
  | { kind: 'usage'; promptTokens: number; completionTokens: number };

export interface LlmEndpoint {
  /** Where requests go (for the health panel); never the key. */
  baseUrl: string;
  /** The appliance-wide model; a practice may override it. */
  defaultModel: string;
  /** Whether a key (or a keyless local server) is configured. */
  configured: boolean;
}

export interface LlmClient {
  readonly endpoint: () => LlmEndpoint;
  /** Streams one completion; throws `LlmFailure` for anything but a clean stream. */
  stream(request: LlmRequest, signal: AbortSignal): AsyncIterable<LlmChunk>;
}

export type LlmFailureKind =
  | 'not_configured'
  | 'rate_limited'
  | 'timeout'
  | 'server_error'
  | 'unreachable'
  | 'malformed'
  | 'bounds'
  | 'invented_time'
  | 'cancelled';

/** Why the LLM could not answer a turn; the practice brain hands the turn to the rules brain. */
export class LlmFailure extends Error {
  constructor(
    readonly kind: LlmFailureKind,
    message: string,
    /** From a 429's `retry-after`: how long the endpoint asked us to stay away. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'LlmFailure';
  }

  /** Failures that say the endpoint is unwell (they trip the circuit breaker); the rest are this call's. */
  get endpointFault(): boolean {
    return ['rate_limited', 'timeout', 'server_error', 'unreachable', 'malformed'].includes(this.kind);
  }
}

/** Tokens and model per call, on record (summed per day in the console). */
export interface LlmUsageSink {
  record(entry: { tenantId: string; callId: string; model: string; promptTokens: number; completionTokens: number; at: number }): void;
}
