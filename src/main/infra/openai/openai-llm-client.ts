import type OpenAI from 'openai';
import type { ChatCompletionChunk, ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import { LlmFailure, type LlmChunk, type LlmClient, type LlmEndpoint, type LlmRequest } from '../../core/conversation/index.js';

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

export interface OpenAiSettings {
  /** Read at use time (the vault may rotate it); null for a keyless server inside the office. */
  apiKey: () => string | null;
  baseUrl: string | null;
  model: string;
}

/**
 * The LLM port over the `openai` SDK: chat completions with `stream: true`, tools and a usage
 * chunk, against OpenAI or any compatible server (Azure OpenAI, llama.cpp, Ollama, vLLM) by base
 * URL. No SDK retries: on a phone call the rules brain answering now beats a retry answering late.
 */
export function createOpenAiLlmClient(settings: OpenAiSettings): LlmClient {
  let cached: { key: string; client: OpenAI } | null = null;
  const baseURL = settings.baseUrl ?? OPENAI_DEFAULT_BASE_URL;
  const client = async (): Promise<{ sdk: typeof OpenAI; client: OpenAI }> => {
    const key = settings.apiKey() ?? (settings.baseUrl ? 'no-key' : null);
    if (!key) throw new LlmFailure('not_configured', 'OPENAI_API_KEY is not set');
    // Loaded on the first LLM turn: the CLI and rules-only practices never pay for the SDK.
    const sdk = await loadSdk();
    if (cached?.key !== key) cached = { key, client: new sdk({ apiKey: key, baseURL, maxRetries: 0, timeout: 15_000 }) };
    return { sdk, client: cached.client };
  };
  return {
    endpoint: (): LlmEndpoint => ({ baseUrl: baseURL, defaultModel: settings.model, configured: settings.apiKey() !== null || settings.baseUrl !== null }),
    async *stream(request: LlmRequest, signal: AbortSignal): AsyncIterable<LlmChunk> {
      const params: ChatCompletionCreateParamsStreaming = {
        model: request.model,
        messages: request.messages,
        tools: request.tools,
        stream: true,
        stream_options: { include_usage: true },
        max_completion_tokens: request.maxTokens,
      };
      let sdk: typeof OpenAI | null = null;
      try {
        const connection = await client();
        sdk = connection.sdk;
        const stream: AsyncIterable<ChatCompletionChunk> = await connection.client.chat.completions.create(params, { signal });
        for await (const chunk of stream) yield* toChunks(chunk);
      } catch (error) {
        throw toFailure(error, signal, sdk);
      }
    },
  };
}

let sdkModule: Promise<typeof OpenAI> | null = null;
function loadSdk(): Promise<typeof OpenAI> {
  sdkModule ??= import('openai').then((m) => m.default);
  return sdkModule;
}

function* toChunks(chunk: ChatCompletionChunk): Generator<LlmChunk> {
  const choice = chunk.choices?.[0];
  if (choice) {
    if (choice.delta?.content) yield { kind: 'text', text: choice.delta.content };
    for (const call of choice.delta?.tool_calls ?? []) {
      yield { kind: 'tool_call', index: call.index, id: call.id ?? undefined, name: call.function?.name ?? undefined, arguments: call.function?.arguments ?? undefined };
    }
    if (choice.finish_reason) yield { kind: 'finish', reason: choice.finish_reason };
  }
  if (chunk.usage) yield { kind: 'usage', promptTokens: chunk.usage.prompt_tokens ?? 0, completionTokens: chunk.usage.completion_tokens ?? 0 };
}

/** SDK errors as the brain's failure kinds; an abort passes through (the brain knows why it aborted). */
function toFailure(error: unknown, signal: AbortSignal, sdk: typeof OpenAI | null): unknown {
  if (error instanceof LlmFailure) return error;
  if (signal.aborted || (sdk && error instanceof sdk.APIUserAbortError)) return error;
  if (!sdk) return new LlmFailure('unreachable', `the OpenAI SDK could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof sdk.APIConnectionTimeoutError) return new LlmFailure('timeout', 'the LLM endpoint timed out');
  if (error instanceof sdk.APIConnectionError) return new LlmFailure('unreachable', 'the LLM endpoint could not be reached');
  if (error instanceof sdk.APIError) {
    if (error.status === 429) return new LlmFailure('rate_limited', 'the LLM endpoint is rate limiting (429)', retryAfterMs(error.headers));
    return new LlmFailure('server_error', `the LLM endpoint answered ${error.status ?? 'an error'}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  // Garbage on the wire (a chunk that is not JSON)…
  if (error instanceof SyntaxError) return new LlmFailure('malformed', `the LLM stream sent something that is not JSON: ${message}`);
  // …or the connection dropped mid-stream.
  return new LlmFailure('unreachable', `the LLM stream broke off: ${message}`);
}

function retryAfterMs(headers: Headers | undefined): number | null {
  const ms = Number(headers?.get('retry-after-ms'));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const seconds = Number(headers?.get('retry-after'));
  if (Number.isFinite(seconds) && seconds > 0) return seconds * 1000;
  const date = Date.parse(headers?.get('retry-after') ?? '');
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : null;
}
