import type { ReplayReportDto } from '../../shared/contract/index.js';
import type { CallService } from '../core/calls/index.js';
import type { CommandHandlers } from './dispatch.js';

export interface LlmHandlerDeps {
  calls: CallService;
  replay: (options: { tenantId: string; practice?: unknown; brain?: 'rules' | 'llm'; limit: number }) => Promise<ReplayReportDto>;
}

export function createLlmHandlers(deps: LlmHandlerDeps): Pick<CommandHandlers, 'calls/llm-usage' | 'calls/replay'> {
  return {
    'calls/llm-usage': ({ tenantId, days }) => deps.calls.llmUsageByDay(tenantId, days),
    'calls/replay': ({ tenantId, config, brain, limit }) =>
      deps.replay({ tenantId, limit, ...(config !== undefined ? { practice: config } : {}), ...(brain ? { brain } : {}) }),
  };
}
