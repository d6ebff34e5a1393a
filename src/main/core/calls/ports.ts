import type { Language } from '../../../shared/contract/index.js';
import type { UnsavedMessage } from '../conversation/index.js';
import type { CallOutcome } from '../conversation/index.js';

export type Speaker = 'caller' | 'receptionist' | 'staff';

export interface CallRecord {
  tenantId: string;
  id: string;
  callSid: string;
  from: string | null;
  to: string;
  customerId: string | null;
  callerName: string | null;
  startedAt: number;
  endedAt: number | null;
  twilioStatus: string;
  statusSequence: number;
  outcome: CallOutcome | null;
  summary: string | null;
  brain: string;
  /** The brain's own JSON state plus the call flow's (fallback mode). */
  state: CallState;
  turn: number;
  mode: 'receptionist' | 'staff';
}

export interface CallState {
  brain: unknown;
  /** Set when the brain failed and the built-in message taker has the call. */
  fallback?: 'message' | null;
  /** What the receptionist said last: repeated when staff hand the call back. */
  lastSay?: string[];
  /** Lines staff typed that the caller has not heard yet. */
  staffQueue?: string[];
  /** The caller already heard "one moment" since this takeover. */
  staffGreeted?: boolean;
  /** The language the caller is spoken to in ('en', 'es'). */
  language?: Language;
  /** A message the caller started and has not finished: saved if the call ends now. */
  unsavedMessage?: UnsavedMessage | null;
}

/** One line for the transcript. */
export interface TranscriptLine {
  speaker: Speaker;
  text: string;
  confidence: number | null;
  interrupted?: boolean;
}

export interface TranscriptTurnRecord {
  id: number;
  at: number;
  speaker: Speaker;
  text: string;
  confidence: number | null;
  /** The caller cut this receptionist line off; `text` is the part that played. */
  interrupted: boolean;
}

export type CallPatch = Partial<Pick<CallRecord, 'customerId' | 'callerName' | 'endedAt' | 'twilioStatus' | 'statusSequence' | 'outcome' | 'summary' | 'state' | 'turn' | 'mode'>>;

export interface CallRepository {
  exclusive<T>(fn: () => T): T;
  findBySid(callSid: string): CallRecord | null;
  get(tenantId: string, callId: string): CallRecord | null;
  insert(record: CallRecord): void;
  update(tenantId: string, callId: string, patch: CallPatch): void;
  appendTurn(tenantId: string, callId: string, turn: Omit<TranscriptTurnRecord, 'id'>): TranscriptTurnRecord;
  transcript(tenantId: string, callId: string): TranscriptTurnRecord[];
  listActive(): CallRecord[];
  listRecent(tenantId: string, options: { limit: number; before?: number; search?: string }): CallRecord[];
}

export interface MessageRecord {
  tenantId: string;
  id: string;
  callId: string | null;
  callerName: string | null;
  callbackNumber: string | null;
  reason: string;
  urgent: boolean;
  status: 'new' | 'handled';
  createdAt: number;
  handledAt: number | null;
  handledBy: string | null;
}

export interface MessageRepository {
  insert(record: MessageRecord): void;
  list(tenantId: string, options: { status?: 'new' | 'handled'; callId?: string; limit: number }): MessageRecord[];
  get(tenantId: string, messageId: string): MessageRecord | null;
  markHandled(tenantId: string, messageId: string, at: number, by: string): void;
}

export interface ActionLogEntry {
  tenantId: string;
  callId: string | null;
  at: number;
  action: string;
  args: unknown;
  ok: boolean;
  result: unknown;
  durationMs: number;
}

export interface ActionLogRepository {
  append(entry: ActionLogEntry): void;
  list(tenantId: string, callId: string): ActionLogEntry[];
}

/** One stream-mode turn's latency (ms from the final transcript), as stored. */
export interface TurnLatencyRecord {
  tenantId: string;
  callId: string;
  turn: number;
  at: number;
  endOfSpeechMs: number | null;
  firstSentenceMs: number | null;
  firstAudioMs: number | null;
}

/** What Twilio reported about a call's media stream (its `statusCallback`): started, stopped, or an error. */
export interface StreamStatusRecord {
  tenantId: string;
  callId: string;
  at: number;
  event: string;
  streamSid: string | null;
  error: string | null;
}

export interface StreamStatusRepository {
  append(record: StreamStatusRecord): void;
  listForCall(tenantId: string, callId: string): StreamStatusRecord[];
}

export interface LatencyRepository {
  insert(record: TurnLatencyRecord): void;
  listForCall(tenantId: string, callId: string): TurnLatencyRecord[];
  /** The practice's turns with `from <= at < to`. */
  listBetween(tenantId: string, from: number, to: number): TurnLatencyRecord[];
}

export interface LlmUsageRow {
  callId: string;
  at: number;
  model: string;
  promptTokens: number;
  completionTokens: number;
}

export interface LlmUsageRepository {
  record(entry: { tenantId: string; callId: string; at: number; model: string; promptTokens: number; completionTokens: number }): void;
  forCall(tenantId: string, callId: string): { model: string; requests: number; promptTokens: number; completionTokens: number }[];
  since(tenantId: string, from: number): LlmUsageRow[];
}
