import type { CallPatch, CallRecord, CallRepository, CallState, Speaker, TranscriptTurnRecord } from '../../../core/calls/index.js';
import type { CallOutcome } from '../../../core/conversation/index.js';
import type { Db } from '../database.js';
import { immediateTransactions } from '../immediate.js';
import { createPatcher } from '../patch-statement.js';

interface CallRow {
  tenant_id: string;
  call_id: string;
  call_sid: string;
  from_number: string | null;
  to_number: string;
  customer_id: string | null;
  caller_name: string | null;
  started_at: number;
  ended_at: number | null;
  twilio_status: string;
  status_sequence: number;
  outcome: CallOutcome | null;
  summary: string | null;
  brain: string;
  state_json: string;
  turn: number;
  mode: 'receptionist' | 'staff';
}

const COLUMN_OF: Record<keyof CallPatch, string> = {
  customerId: 'customer_id',
  callerName: 'caller_name',
  endedAt: 'ended_at',
  twilioStatus: 'twilio_status',
  statusSequence: 'status_sequence',
  outcome: 'outcome',
  summary: 'summary',
  state: 'state_json',
  turn: 'turn',
  mode: 'mode',
};

function toRecord(row: CallRow): CallRecord {
  return {
    tenantId: row.tenant_id,
    id: row.call_id,
    callSid: row.call_sid,
    from: row.from_number,
    to: row.to_number,
    customerId: row.customer_id,
    callerName: row.caller_name,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    twilioStatus: row.twilio_status,
    statusSequence: row.status_sequence,
    outcome: row.outcome,
    summary: row.summary,
    brain: row.brain,
    state: JSON.parse(row.state_json) as CallState,
    turn: row.turn,
    mode: row.mode,
  };
}

export function createCallRepository(db: Db): CallRepository {
  const bySid = db.prepare<[string], CallRow>('SELECT * FROM calls WHERE call_sid = ?');
  const byId = db.prepare<[string, string], CallRow>('SELECT * FROM calls WHERE tenant_id = ? AND call_id = ?');
  const insert = db.prepare(`
    INSERT INTO calls (tenant_id, call_id, call_sid, from_number, to_number, customer_id, caller_name, started_at, ended_at,
      twilio_status, status_sequence, outcome, summary, brain, state_json, turn, mode)
    VALUES (@tenantId, @id, @callSid, @from, @to, @customerId, @callerName, @startedAt, @endedAt, @twilioStatus,
      @statusSequence, @outcome, @summary, @brain, @stateJson, @turn, @mode)`);
  const appendTurn = db.prepare<[string, string, number, Speaker, string, number | null, number]>(
    'INSERT INTO transcript_turns (tenant_id, call_id, at, speaker, text, confidence, interrupted) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const transcript = db.prepare<[string, string], Omit<TranscriptTurnRecord, 'interrupted'> & { interrupted: number }>(
    'SELECT id, at, speaker, text, confidence, interrupted FROM transcript_turns WHERE tenant_id = ? AND call_id = ? ORDER BY id',
  );
  const active = db.prepare<[], CallRow>('SELECT * FROM calls WHERE ended_at IS NULL ORDER BY started_at');
  const recent = db.prepare<{ tenantId: string; before: number; search: string | null; limit: number }, CallRow>(`
    SELECT * FROM calls WHERE tenant_id = @tenantId AND started_at < @before
      AND (@search IS NULL OR from_number LIKE '%' || @search || '%' OR caller_name LIKE '%' || @search || '%'
           OR summary LIKE '%' || @search || '%' OR outcome = @search
           OR EXISTS (SELECT 1 FROM transcript_turns t WHERE t.tenant_id = calls.tenant_id AND t.call_id = calls.call_id AND t.text LIKE '%' || @search || '%'))
    ORDER BY started_at DESC LIMIT @limit`);
  const patch = createPatcher<CallPatch>({
    db,
    table: 'calls',
    columns: COLUMN_OF,
    where: 'tenant_id = @tenantId AND call_id = @callId',
    encode: { state: (state) => JSON.stringify(state) },
  });

  return {
    exclusive: immediateTransactions(db),
    findBySid: (callSid) => {
      const row = bySid.get(callSid);
      return row ? toRecord(row) : null;
    },
    get: (tenantId, callId) => {
      const row = byId.get(tenantId, callId);
      return row ? toRecord(row) : null;
    },
    insert: (record) => void insert.run({ ...record, stateJson: JSON.stringify(record.state) }),
    update: (tenantId, callId, changes) => void patch({ tenantId, callId }, changes),
    appendTurn(tenantId, callId, turn) {
      const { lastInsertRowid } = appendTurn.run(tenantId, callId, turn.at, turn.speaker, turn.text, turn.confidence, turn.interrupted ? 1 : 0);
      return { ...turn, id: Number(lastInsertRowid) };
    },
    transcript: (tenantId, callId) => transcript.all(tenantId, callId).map((t) => ({ ...t, interrupted: t.interrupted === 1 })),
    listActive: () => active.all().map(toRecord),
    listRecent: (tenantId, { limit, before, search }) =>
      recent.all({ tenantId, before: before ?? Number.MAX_SAFE_INTEGER, search: search?.trim() || null, limit }).map(toRecord),
  };
}
