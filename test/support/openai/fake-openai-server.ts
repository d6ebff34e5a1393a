import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A chat-completions request as the fake received it. */
export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: {
    model: string;
    stream?: boolean;
    stream_options?: { include_usage?: boolean };
    messages: { role: string; content: string | null; tool_calls?: { id: string; function: { name: string; arguments: string } }[]; tool_call_id?: string }[];
    tools?: { type: string; function: { name: string; description: string; parameters: Record<string, unknown> } }[];
    max_completion_tokens?: number;
  };
}

/** What the scripted model does with one request. */
export type ModelStep =
  | {
      kind: 'reply';
      text?: string;
      /** Tool calls; `args` as an object (serialized) or a raw string (to send malformed JSON). */
      toolCalls?: { name: string; args: unknown }[];
      usage?: { prompt: number; completion: number };
      /** Resolved when the first token may go out (a slow first token). */
      firstTokenGate?: Promise<void>;
      /** Cut the connection after this many SSE events, without a finish or [DONE]. */
      cutAfterEvents?: number;
      /**
       * Stop writing once this many characters of the text have gone out, until `until` resolves:
       * a model still writing, so a test can see what reached the caller before it finished.
       */
      pauseAfterChars?: { chars: number; until: Promise<void> };
    }
  | { kind: 'status'; status: 429 | 500 | 503 | 401; retryAfterSeconds?: number }
  /** Accept the request and never send a byte of the body. */
  | { kind: 'hang' }
  /** A data line that is not JSON. */
  | { kind: 'garbage' };

export type ModelScript = (request: ReceivedRequest, index: number) => ModelStep;

/** Splits text into the small, uneven deltas a real model streams. */
function pieces(text: string, size = 7): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/**
 * OpenAI's chat-completions endpoint at the protocol level: `POST /v1/chat/completions` with
 * `stream: true` answers Server-Sent Events (`data: {chunk}` lines, then `data: [DONE]`), text in
 * small deltas, tool calls as deltas keyed by index (id and name first, then the JSON arguments
 * split across chunks), a usage chunk with empty choices when `stream_options.include_usage`, a
 * 429 with `retry-after`, 5xx, a slow or absent first token, and a stream cut off mid-way. The
 * real `openai` SDK is pointed at it by `baseURL`.
 */
export class FakeOpenAiServer {
  readonly requests: ReceivedRequest[] = [];
  /** How many streams have been written to the end (`data: [DONE]`). */
  finishedStreams = 0;
  private server: Server | null = null;
  private readonly hanging = new Set<ServerResponse>();

  constructor(public script: ModelScript) {}

  get baseUrl(): string {
    const port = (this.server?.address() as AddressInfo | null)?.port;
    return `http://127.0.0.1:${port}/v1`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
          res.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
          return;
        }
        const request: ReceivedRequest = { headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedRequest['body'] };
        this.requests.push(request);
        void this.answer(request, this.script(request, this.requests.length - 1), res);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async answer(request: ReceivedRequest, step: ModelStep, res: ServerResponse): Promise<void> {
    if (step.kind === 'status') {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (step.retryAfterSeconds !== undefined) headers['retry-after'] = String(step.retryAfterSeconds);
      const type = step.status === 429 ? 'rate_limit_exceeded' : step.status === 401 ? 'invalid_api_key' : 'server_error';
      res.writeHead(step.status, headers).end(JSON.stringify({ error: { message: `fake ${step.status}`, type, code: type } }));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
    if (step.kind === 'hang') {
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      return;
    }
    if (step.kind === 'garbage') {
      res.end('data: {"id": "chatcmpl-x", "choices": [ this is not json\n\n');
      return;
    }
    const model = request.body.model;
    const base = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 1_764_000_000, model };
    const events: unknown[] = [{ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] }];
    let pauseAt: number | null = null;
    let textSent = 0;
    for (const piece of pieces(step.text ?? '')) {
      events.push({ ...base, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] });
      textSent += piece.length;
      if (pauseAt === null && step.pauseAfterChars && textSent >= step.pauseAfterChars.chars) pauseAt = events.length;
    }
    (step.toolCalls ?? []).forEach((call, index) => {
      const args = typeof call.args === 'string' ? call.args : JSON.stringify(call.args ?? {});
      events.push({ ...base, choices: [{ index: 0, delta: { tool_calls: [{ index, id: `call_${this.requests.length}_${index}`, type: 'function', function: { name: call.name, arguments: '' } }] }, finish_reason: null }] });
      for (const fragment of pieces(args, 5)) events.push({ ...base, choices: [{ index: 0, delta: { tool_calls: [{ index, function: { arguments: fragment } }] }, finish_reason: null }] });
    });
    events.push({ ...base, choices: [{ index: 0, delta: {}, finish_reason: step.toolCalls?.length ? 'tool_calls' : 'stop' }] });
    if (request.body.stream_options?.include_usage) {
      const usage = step.usage ?? { prompt: 120, completion: 30 };
      events.push({ ...base, choices: [], usage: { prompt_tokens: usage.prompt, completion_tokens: usage.completion, total_tokens: usage.prompt + usage.completion } });
    }
    if (step.firstTokenGate) {
      this.hanging.add(res);
      await step.firstTokenGate;
      this.hanging.delete(res);
    }
    for (const [i, event] of events.entries()) {
      if (step.cutAfterEvents !== undefined && i >= step.cutAfterEvents) {
        // The connection drops mid-stream: what was sent arrives, then a reset (no finish, no [DONE]).
        await new Promise<void>((resolve) => res.write('', () => resolve()));
        res.socket?.destroy();
        return;
      }
      if (i === pauseAt && step.pauseAfterChars) {
        this.hanging.add(res);
        await step.pauseAfterChars.until;
        this.hanging.delete(res);
      }
      if (res.destroyed) return;
      res.write(`data: ${JSON.stringify(event)}\n\n`);
    }
    res.end('data: [DONE]\n\n');
    this.finishedStreams += 1;
  }
}

export const reply = (text: string, toolCalls?: { name: string; args: unknown }[]): ModelStep => ({ kind: 'reply', text, ...(toolCalls ? { toolCalls } : {}) });
export const callTools = (...toolCalls: { name: string; args: unknown }[]): ModelStep => ({ kind: 'reply', toolCalls });
