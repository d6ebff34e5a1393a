import { DateTime } from 'luxon';
import type { LlmUsageDayDto, TenantConfig } from '../../../shared/contract/index.js';
import type { LlmUsageRow } from './ports.js';

/** Usage rows summed per practice-local day and model, newest day first. */
export function usageByDay(rows: LlmUsageRow[], tenant: TenantConfig): LlmUsageDayDto[] {
  const days = new Map<string, LlmUsageDayDto & { callIds: Set<string> }>();
  for (const row of rows) {
    const date = DateTime.fromMillis(row.at, { zone: tenant.timezone }).toISODate() ?? '';
    const key = `${date} ${row.model}`;
    const day = days.get(key) ?? { date, model: row.model, calls: 0, requests: 0, promptTokens: 0, completionTokens: 0, callIds: new Set<string>() };
    day.callIds.add(row.callId);
    day.requests += 1;
    day.promptTokens += row.promptTokens;
    day.completionTokens += row.completionTokens;
    days.set(key, day);
  }
  return [...days.values()]
    .map(({ callIds, ...day }) => ({ ...day, calls: callIds.size }))
    .sort((a, b) => b.date.localeCompare(a.date) || a.model.localeCompare(b.model));
}
