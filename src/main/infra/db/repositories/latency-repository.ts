import type { LatencyRepository, TurnLatencyRecord } from '../../../core/calls/index.js';
import type { Db } from '../database.js';

type Row = { tenant_id: string; call_id: string; turn: number; at: number; end_of_speech_ms: number | null; first_sentence_ms: number | null; first_audio_ms: number | null };

const toRecord = (r: Row): TurnLatencyRecord => ({
  tenantId: r.tenant_id,
  callId: r.call_id,
  turn: r.turn,
  at: r.at,
  endOfSpeechMs: r.end_of_speech_ms,
  firstSentenceMs: r.first_sentence_ms,
  firstAudioMs: r.first_audio_ms,
});

export function createLatencyRepository(db: Db): LatencyRepository {
  // A turn is measured once; a repeated record (a retried write) keeps the first.
  const insert = db.prepare(
    'INSERT OR IGNORE INTO turn_latency (tenant_id, call_id, turn, at, end_of_speech_ms, first_sentence_ms, first_audio_ms) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const forCall = db.prepare<[string, string], Row>('SELECT * FROM turn_latency WHERE tenant_id = ? AND call_id = ? ORDER BY turn');
  const between = db.prepare<[string, number, number], Row>('SELECT * FROM turn_latency WHERE tenant_id = ? AND at >= ? AND at < ? ORDER BY at');
  return {
    insert: (r) => void insert.run(r.tenantId, r.callId, r.turn, r.at, r.endOfSpeechMs, r.firstSentenceMs, r.firstAudioMs),
    listForCall: (tenantId, callId) => forCall.all(tenantId, callId).map(toRecord),
    listBetween: (tenantId, from, to) => between.all(tenantId, from, to).map(toRecord),
  };
}
