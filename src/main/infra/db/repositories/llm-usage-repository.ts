import type { LlmUsageRepository } from '../../../core/calls/index.js';
import type { Db } from '../database.js';

export function createLlmUsageRepository(db: Db): LlmUsageRepository {
  const insert = db.prepare('INSERT INTO llm_usage (tenant_id, call_id, at, model, prompt_tokens, completion_tokens) VALUES (?, ?, ?, ?, ?, ?)');
  const forCall = db.prepare<[string, string], { model: string; requests: number; prompt: number; completion: number }>(
    'SELECT model, count(*) AS requests, sum(prompt_tokens) AS prompt, sum(completion_tokens) AS completion FROM llm_usage WHERE tenant_id = ? AND call_id = ? GROUP BY model ORDER BY model',
  );
  const since = db.prepare<[string, number], { call_id: string; at: number; model: string; prompt_tokens: number; completion_tokens: number }>(
    'SELECT call_id, at, model, prompt_tokens, completion_tokens FROM llm_usage WHERE tenant_id = ? AND at >= ? ORDER BY at',
  );
  return {
    record: (e) => void insert.run(e.tenantId, e.callId, e.at, e.model, e.promptTokens, e.completionTokens),
    forCall: (tenantId, callId) => forCall.all(tenantId, callId).map((r) => ({ model: r.model, requests: r.requests, promptTokens: r.prompt, completionTokens: r.completion })),
    since: (tenantId, from) => since.all(tenantId, from).map((r) => ({ callId: r.call_id, at: r.at, model: r.model, promptTokens: r.prompt_tokens, completionTokens: r.completion_tokens })),
  };
}
