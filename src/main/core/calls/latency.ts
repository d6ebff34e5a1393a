import { DateTime } from 'luxon';
import type { LatencySummaryDto, TenantConfig, TurnLatencyDto } from '../../../shared/contract/index.js';
import { formatInstant } from '../../../shared/lib/time.js';
import type { TurnLatency } from './call-session.js';
import type { TurnLatencyRecord } from './ports.js';

/** A measured turn as stored: every figure relative to the final transcript. */
export function toLatencyRecord(call: { tenantId: string; id: string }, latency: TurnLatency, at: number): TurnLatencyRecord {
  const since = (t: number | null) => (t === null ? null : round(t - latency.finalAt));
  return {
    tenantId: call.tenantId,
    callId: call.id,
    turn: latency.turn,
    at,
    endOfSpeechMs: latency.speechEndedAt === null ? null : round(Math.max(0, latency.finalAt - latency.speechEndedAt)),
    firstSentenceMs: since(latency.firstSentenceAt),
    firstAudioMs: since(latency.firstAudioAt),
  };
}

export function toLatencyDto(record: TurnLatencyRecord, tenant: TenantConfig): TurnLatencyDto {
  return { turn: record.turn, at: formatInstant(record.at, tenant.timezone), endOfSpeechMs: record.endOfSpeechMs, firstSentenceMs: record.firstSentenceMs, firstAudioMs: record.firstAudioMs };
}

/** The practice's day around `now`, as [start, end) instants. */
export function dayOf(now: number, tenant: TenantConfig): { day: string; from: number; to: number } {
  const start = DateTime.fromMillis(now, { zone: tenant.timezone }).startOf('day');
  return { day: start.toISODate()!, from: start.toMillis(), to: start.plus({ days: 1 }).toMillis() };
}

export function summarizeLatency(tenant: TenantConfig, day: string, records: readonly TurnLatencyRecord[]): LatencySummaryDto {
  const firstAudio = records.flatMap((r) => (r.firstAudioMs === null ? [] : [r.firstAudioMs]));
  const voiceToVoice = records.flatMap((r) => (r.firstAudioMs === null || r.endOfSpeechMs === null ? [] : [r.firstAudioMs + r.endOfSpeechMs]));
  return {
    tenantId: tenant.id,
    day,
    turns: records.length,
    firstAudioP50Ms: percentile(firstAudio, 50),
    firstAudioP95Ms: percentile(firstAudio, 95),
    voiceToVoiceP50Ms: percentile(voiceToVoice, 50),
    voiceToVoiceP95Ms: percentile(voiceToVoice, 95),
  };
}

/** Nearest-rank percentile; null for no data. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
